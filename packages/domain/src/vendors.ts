import type { Answers, CellAnswers, CellKey } from './checklist/answers.ts';

/**
 * The vendor's side of the 事業者確認用 (docs/decisions/0012-vendors-documents-cross-checks.md): standard answers
 * per product or service ("profiles"), applied to every linked facility, with per-facility overrides. These pure
 * functions are the one definition of "what vendor V answers for facility F", used by the API, the cross-checks
 * and the exports alike.
 */

/** A standard answer: one product or service of the vendor. */
export interface VendorProfile {
  id: string;
  name: string;
  /** System kinds of the contracts it covers (`SYSTEM_KINDS`); empty = any. */
  systems: readonly string[];
  answers: Answers;
}

/** What a facility's assignment says: an explicit profile and the cells that differ for this deployment. */
export interface VendorAssignment {
  /** Chosen by the vendor for this facility; absent = chosen by the rule in `profileFor`. */
  profileId?: string;
  overrides: Answers;
}

/**
 * The profile that applies to a facility: the one assigned explicitly (when it still exists), else the first
 * whose systems meet the contract's systems, else the first profile. Profiles are in the vendor's order.
 */
export function profileFor<P extends Pick<VendorProfile, 'id' | 'systems'>>(
  profiles: readonly P[],
  assignment: Pick<VendorAssignment, 'profileId'> | undefined,
  contractSystems: readonly string[],
): P | undefined {
  if (assignment?.profileId) {
    const chosen = profiles.find((p) => p.id === assignment.profileId);
    if (chosen) return chosen;
  }
  return profiles.find((p) => p.systems.length > 0 && p.systems.some((s) => contractSystems.includes(s))) ?? profiles[0];
}

/**
 * The answers a vendor gives for one facility: the profile's cells, with each overridden cell replaced as a whole
 * (all its rounds), so an override never mixes rounds of two answers.
 */
export function effectiveVendorAnswers(profile: Pick<VendorProfile, 'answers'> | undefined, overrides: Answers | undefined): Answers {
  const out: Record<CellKey, CellAnswers> = { ...(profile?.answers ?? {}) };
  for (const [cell, answer] of Object.entries(overrides ?? {})) out[cell] = answer;
  return out;
}

/** The cells of `overrides` that actually differ from the profile (an override equal to the standard is noise). */
export function overriddenCells(profile: Pick<VendorProfile, 'answers'> | undefined, overrides: Answers | undefined): CellKey[] {
  return Object.keys(overrides ?? {}).filter((cell) => JSON.stringify(overrides?.[cell]) !== JSON.stringify(profile?.answers[cell]));
}

/** MDS (製造業者) / SDS (サービス事業者) 医療情報セキュリティ開示書. */
export const DISCLOSURE_KINDS = ['MDS', 'SDS'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

/**
 * Whether a vendor's document covers a facility: it names no system kinds (the whole offering), or one of them is
 * in the facility's contract with that vendor. Derived at read time from the contract, never copied.
 */
export function documentAppliesTo(document: { systems: readonly string[] }, contract: { systems: readonly string[] }): boolean {
  return document.systems.length === 0 || document.systems.some((s) => contract.systems.includes(s));
}
