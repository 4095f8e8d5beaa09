import { type Answers, type AnswerValue, cellKey, latestRound } from './checklist/answers.ts';
import { applicableCells } from './checklist/rules.ts';
import type { Item, Template } from './checklist/template.ts';
import { type Contribution, slicesOf } from './read-model.ts';
import { documentAppliesTo } from './vendors.ts';

/**
 * Cross-checks (docs/decisions/0012-vendors-documents-cross-checks.md, "Cross-checks"): what one facility says in
 * one campaign against what each contracted vendor says (its effective answers for this facility) and has on
 * file (its current MDS/SDS). Pure: the caller reads everything, these rules only compare. The same input always
 * gives the same findings with the same ids, so storing them is a reconcile, never a guess.
 */

export const CROSS_CHECK_RULES = ['disclosure_missing', 'disclosure_claim_unfiled', 'remote_maintenance', 'contract_disputed', 'mirror_mismatch'] as const;
export type CrossCheckRule = (typeof CROSS_CHECK_RULES)[number];

/** Item numbers as printed on both forms: 2(2) remote maintenance, 2(3) MDS/SDS. */
export const REMOTE_MAINTENANCE_ITEM = '2(2)';
export const DISCLOSURE_ITEM = '2(3)';

export interface CrossCheckContract {
  vendorId: string;
  vendorName: string;
  systems: readonly string[];
  remoteMaintenance: boolean;
}

/** What one vendor says and has on file, as it applies to this facility. */
export interface CrossCheckVendor {
  /** The vendor form (事業者確認用) its answers belong to. */
  template: Template;
  /** Effective answers for this facility (`effectiveVendorAnswers`); null when the vendor has no response. */
  answers: Answers | null;
  /** Current (verified, not superseded) MDS/SDS documents of the vendor. */
  documents: readonly { systems: readonly string[] }[];
}

export interface CrossCheckInput {
  /** The facility campaign: part of every finding's id. */
  campaignId: string;
  /** The facility form and the facility's answers in that campaign. */
  template: Template;
  answers: Answers;
  contracts: readonly CrossCheckContract[];
  /** By vendor id; a contracted vendor missing here has no response and nothing on file. */
  vendors: Readonly<Record<string, CrossCheckVendor>>;
}

export type FindingDetail = Record<string, string | number | boolean | null>;

export interface Finding {
  /** `<campaignId>#<rule>#<vendorId>#<cell or item>`: the same finding always has the same id. */
  id: string;
  rule: CrossCheckRule;
  vendorId: string;
  vendorName: string;
  /** Facility-form item id. */
  itemId: string;
  /** `<itemId>:<deviceClass>` when the rule compares one cell. */
  cell?: string;
  detail: FindingDetail;
}

export function findingId(campaignId: string, rule: CrossCheckRule, vendorId: string, cellOrItem: string): string {
  return `${campaignId}#${rule}#${vendorId}#${cellOrItem}`;
}

const itemsOf = (t: Template): Item[] => t.sections.flatMap((s) => s.items);
const byNumber = (t: Template, number: string) => itemsOf(t).find((i) => i.number === number && !i.gate);

/** Latest-round answer of every applicable cell (gates included): cell key → はい / いいえ (unanswered left out). */
function applicableLatest(template: Template, answers: Answers, hasVendorContract: boolean): Map<string, AnswerValue> {
  const out = new Map<string, AnswerValue>();
  for (const cell of applicableCells(template, answers, { hasVendorContract })) {
    const latest = latestRound(answers[cell.key]);
    if (latest) out.set(cell.key, latest.answer.value);
  }
  return out;
}

/** Applicable cell keys (answered or not). */
function applicableKeys(template: Template, answers: Answers, hasVendorContract: boolean): Set<string> {
  return new Set(applicableCells(template, answers, { hasVendorContract }).map((c) => c.key));
}

/** The item's answer for the whole item: its `system` cell, else its first cell. */
function itemAnswer(latest: Map<string, AnswerValue>, item: Item | undefined): AnswerValue | null {
  if (!item) return null;
  return latest.get(cellKey(item.id, item.cells.includes('system') ? 'system' : (item.cells[0] as Item['cells'][number]))) ?? null;
}

const itemApplicable = (keys: Set<string>, item: Item | undefined) => !!item && item.cells.some((d) => keys.has(cellKey(item.id, d)));

/**
 * The discrepancies of one facility in one campaign, in a stable order (contract order, then rule, then item
 * order). An item the facility does not have to answer (gate closed, no contract) yields nothing; a vendor item
 * behind the vendor's own closed gate yields nothing either.
 */
export function crossCheck(input: CrossCheckInput): Finding[] {
  const { template, answers, campaignId } = input;
  const hasContract = input.contracts.length > 0;
  const facilityLatest = applicableLatest(template, answers, hasContract);
  const facilityKeys = applicableKeys(template, answers, hasContract);
  const fDisclosure = byNumber(template, DISCLOSURE_ITEM);
  const fRemote = byNumber(template, REMOTE_MAINTENANCE_ITEM);
  const fGate = itemsOf(template).find((i) => i.gate);
  const disclosureApplies = itemApplicable(facilityKeys, fDisclosure);
  const remoteApplies = itemApplicable(facilityKeys, fRemote);
  const facilityDisclosure = disclosureApplies ? itemAnswer(facilityLatest, fDisclosure) : null;
  const facilityRemote = remoteApplies ? itemAnswer(facilityLatest, fRemote) : null;
  // The facility's gate closed: it says it runs no medical information system, so nothing else is compared.
  const facilityClosed = !!fGate && facilityLatest.get(cellKey(fGate.id, 'system')) === 'no';

  const findings: Finding[] = [];
  const add = (rule: CrossCheckRule, c: CrossCheckContract, itemId: string, cell: string | undefined, detail: FindingDetail) =>
    findings.push({
      id: findingId(campaignId, rule, c.vendorId, cell ?? itemId),
      rule,
      vendorId: c.vendorId,
      vendorName: c.vendorName,
      itemId,
      ...(cell ? { cell } : {}),
      detail,
    });

  for (const contract of input.contracts) {
    const vendor = input.vendors[contract.vendorId];
    const documents = (vendor?.documents ?? []).filter((d) => documentAppliesTo(d, contract)).length;
    const vAnswers = vendor?.answers ?? null;
    // The vendor form as a whole needs a contract, which this facility has with it.
    const vLatest = vendor && vAnswers ? applicableLatest(vendor.template, vAnswers, true) : new Map<string, AnswerValue>();
    const vItems = vendor ? itemsOf(vendor.template) : [];
    const vGate = vItems.find((i) => i.gate === 'vendor-contract');
    const vendorGate = vGate ? (vLatest.get(cellKey(vGate.id, 'system')) ?? null) : null;
    const vDisclosure = vendor ? byNumber(vendor.template, DISCLOSURE_ITEM) : undefined;
    const vRemote = vendor ? byNumber(vendor.template, REMOTE_MAINTENANCE_ITEM) : undefined;
    const vendorDisclosure = itemAnswer(vLatest, vDisclosure);
    const vendorRemote = itemAnswer(vLatest, vRemote);

    if (fGate && !facilityClosed && vendorGate === 'no') {
      add('contract_disputed', contract, fGate.id, undefined, { contract: true, vendor: 'no' });
    }
    if (fDisclosure && facilityDisclosure === 'yes' && documents === 0) {
      add('disclosure_missing', contract, fDisclosure.id, undefined, { facility: 'yes', documents: 0 });
    }
    if (fDisclosure && disclosureApplies && vendorDisclosure === 'yes' && documents === 0) {
      add('disclosure_claim_unfiled', contract, fDisclosure.id, undefined, { vendor: 'yes', documents: 0 });
    }
    if (fRemote && remoteApplies && contract.remoteMaintenance && (vendorRemote === 'no' || facilityRemote === 'no')) {
      add('remote_maintenance', contract, fRemote.id, undefined, { contract: true, facility: facilityRemote, vendor: vendorRemote });
    }
    if (vendor && vAnswers && !facilityClosed) {
      const vById = new Map(vItems.map((i) => [i.id, i]));
      for (const item of itemsOf(template)) {
        if (item.gate || !item.mirror) continue;
        const counterpart = vById.get(item.mirror);
        if (!counterpart || counterpart.gate) continue;
        for (const device of item.cells) {
          if (!counterpart.cells.includes(device)) continue;
          const f = facilityLatest.get(cellKey(item.id, device));
          const v = vLatest.get(cellKey(counterpart.id, device));
          if (!f || !v || f === v) continue;
          add('mirror_mismatch', contract, item.id, cellKey(item.id, device), { facility: f, vendor: v, vendorItemId: counterpart.id });
        }
      }
    }
  }
  return findings;
}

/** What the read models need of a stored discrepancy (a stream image or a stored record). */
export interface DiscrepancyImage {
  campaignId: string;
  state: string;
  rule: string;
  healthCenterId: string;
  medicalAreaName?: string;
  facilityKind: string;
  beds?: number;
}

const activeDiscrepancy = (d: DiscrepancyImage | null): d is DiscrepancyImage => !!d && (d.state === 'open' || d.state === 'explained');

/** What one discrepancy adds to each slice of its facility: `disc:open` and `disc:<rule>` while open or explained. */
export function discrepancyContribution(d: DiscrepancyImage | null): Record<string, number> {
  return activeDiscrepancy(d) ? { 'disc:open': 1, [`disc:${d.rule}`]: 1 } : {};
}

/** Per slice, the change a discrepancy's move from `before` to `after` makes to its campaign's summaries. */
export function discrepancySliceDeltas(before: DiscrepancyImage | null, after: DiscrepancyImage | null): Map<string, Contribution> {
  const out = new Map<string, Contribution>();
  const add = (d: DiscrepancyImage | null, sign: 1 | -1) => {
    if (!activeDiscrepancy(d)) return;
    const c = discrepancyContribution(d);
    for (const slice of slicesOf({
      healthCenterId: d.healthCenterId,
      medicalAreaName: d.medicalAreaName ?? '',
      facilityKind: d.facilityKind,
      beds: d.beds ?? 0,
    })) {
      const cur = out.get(slice) ?? { summary: {}, cells: {} };
      for (const [k, v] of Object.entries(c)) cur.summary[k] = (cur.summary[k] ?? 0) + sign * v;
      out.set(slice, cur);
    }
  };
  add(before, -1);
  add(after, 1);
  for (const [slice, c] of out) {
    for (const k of Object.keys(c.summary)) if (c.summary[k] === 0) delete c.summary[k];
    if (Object.keys(c.summary).length === 0) out.delete(slice);
  }
  return out;
}

/** Open (open + explained) discrepancies of a slice, from its stored `disc:` numbers. */
export function readDiscrepancyCounts(n: Record<string, number>): { open: number; byRule: Record<string, number> } {
  const byRule: Record<string, number> = Object.fromEntries(CROSS_CHECK_RULES.map((r) => [r, 0]));
  for (const [k, v] of Object.entries(n)) if (k.startsWith('disc:') && k !== 'disc:open') byRule[k.slice(5)] = v;
  return { open: n['disc:open'] ?? 0, byRule };
}
