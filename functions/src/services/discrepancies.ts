import type { Discrepancy } from '@mcr/contract';
import type { StoredDiscrepancy } from '@mcr/data';
import type { Identity } from '../pipeline/auth.ts';
import { ForbiddenError, HttpError } from '../pipeline/errors.ts';

/**
 * What the discrepancy routes share (docs/decisions/0012, "Cross-checks"). Kept apart from the re-check service,
 * which carries the built-in templates: the read and explain routes need none of them.
 */

export function toDiscrepancy(d: StoredDiscrepancy): Discrepancy {
  return {
    id: d.discrepancyId,
    facilityId: d.facilityId,
    facilityName: d.facilityName,
    healthCenterId: d.healthCenterId,
    campaignId: d.campaignId,
    fiscalYear: d.fiscalYear ?? null,
    vendorId: d.vendorId,
    vendorName: d.vendorName,
    rule: d.rule,
    itemId: d.itemId,
    itemNumber: d.itemNumber ?? '',
    itemText: d.itemText ?? { ja: d.itemId, en: d.itemId },
    cell: d.cell ?? null,
    detail: d.detail ?? {},
    state: d.state,
    version: d.version,
    firstSeenAt: d.firstSeenAt,
    updatedAt: d.updatedAt,
    history: (d.history ?? []).map((h) => ({ at: h.at, by: h.by, byOrg: h.byOrg, action: h.action, ...(h.text !== undefined ? { text: h.text } : {}) })),
  };
}

/** Newest campaign first, then rule, vendor and item: the order a facility reads its list in. */
export function byCampaignThenItem(a: StoredDiscrepancy, b: StoredDiscrepancy): number {
  return (b.fiscalYear ?? 0) - (a.fiscalYear ?? 0) || a.findingId.localeCompare(b.findingId);
}

/** A vendor user sees and explains only its own vendor's discrepancies. */
export function assertOwnVendor(identity: Identity, vendorId: string): void {
  if (identity.role === 'pref_admin') return;
  if (identity.role === 'vendor_user' && identity.orgKind === 'vendor' && identity.orgId === vendorId) return;
  throw new ForbiddenError({ ja: 'この事業者の情報は閲覧できません', en: 'This vendor is outside your scope' });
}

export const NOT_OPEN = () =>
  new HttpError(409, 'LOCKED', {
    ja: 'この不一致は解決済みまたは解消済みのため、説明や解決の記録はできません',
    en: 'This discrepancy is resolved or cleared: it takes no explanation or resolution',
  });
