import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText, Version } from '../common.ts';
import { Cursor, NextCursor } from './paging.ts';

/**
 * Cross-checks (docs/decisions/0012-vendors-documents-cross-checks.md, "Cross-checks"): what a facility says
 * against what its contracted vendors say and have on file. One discrepancy per (facility campaign, rule,
 * vendor, cell or item); the stream consumer opens, clears and reopens them, either side explains, the
 * prefecture resolves.
 */
export const DISCREPANCY_RULES = ['disclosure_missing', 'disclosure_claim_unfiled', 'remote_maintenance', 'contract_disputed', 'mirror_mismatch'] as const;
export const DiscrepancyRule = z.enum(DISCREPANCY_RULES);
export type DiscrepancyRule = z.infer<typeof DiscrepancyRule>;

export const DISCREPANCY_RULE_LABELS: Record<DiscrepancyRule, { ja: string; en: string }> = {
  disclosure_missing: {
    ja: 'MDS/SDS の提出を受けたと回答していますが、事業者の開示書が登録されていません',
    en: 'The facility says it has the MDS/SDS, but the vendor has none on file',
  },
  disclosure_claim_unfiled: {
    ja: '事業者は MDS/SDS を提出したと回答していますが、開示書が登録されていません',
    en: 'The vendor says it submitted the MDS/SDS, but has none on file',
  },
  remote_maintenance: {
    ja: '契約ではリモートメンテナンスありですが、2(2) に「いいえ」の回答があります',
    en: 'The contract includes remote maintenance, but 2(2) is answered "No"',
  },
  contract_disputed: {
    ja: '契約が登録されていますが、事業者は当該医療機関との契約がないと回答しています',
    en: 'A contract is on record, but the vendor answers that it has no contract with this facility',
  },
  mirror_mismatch: {
    ja: '医療機関と事業者の回答が一致しません（「はい」と「いいえ」）',
    en: 'The facility and the vendor answer differently ("Yes" against "No")',
  },
};

export const DISCREPANCY_STATES = ['open', 'explained', 'resolved', 'cleared'] as const;
export const DiscrepancyState = z.enum(DISCREPANCY_STATES);
export type DiscrepancyState = z.infer<typeof DiscrepancyState>;

export const DISCREPANCY_STATE_LABELS: Record<DiscrepancyState, { ja: string; en: string }> = {
  open: { ja: '未対応', en: 'Open' },
  explained: { ja: '説明あり', en: 'Explained' },
  resolved: { ja: '解決済み', en: 'Resolved' },
  cleared: { ja: '解消', en: 'Cleared' },
};

/** Explanations and resolution notes: 1 … 1,000 characters. */
export const DISCREPANCY_TEXT_MAX = 1000;

/**
 * The id of a discrepancy in paths: base64url of `<campaignId>#<rule>#<vendorId>#<cell or item>` (URL-safe,
 * deterministic: the same finding always has the same id).
 */
export const DiscrepancyId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,400}$/, 'id'));

export const DiscrepancyHistoryEntry = z.object({
  at: IsoDateTime,
  /** Display name of who acted (「システム」 for the automatic re-check). */
  by: z.string(),
  byOrg: z.enum(['facility', 'vendor', 'prefecture', 'system']),
  action: z.enum(['opened', 'explained', 'resolved', 'cleared', 'reopened']),
  text: z.optional(z.string()),
});
export type DiscrepancyHistoryEntry = z.infer<typeof DiscrepancyHistoryEntry>;

export const Discrepancy = z.object({
  id: DiscrepancyId,
  facilityId: Id,
  facilityName: z.string(),
  healthCenterId: z.string(),
  /** The facility campaign whose answers were compared, and its fiscal year. */
  campaignId: Id,
  fiscalYear: z.nullable(z.int()),
  vendorId: Id,
  vendorName: z.string(),
  rule: DiscrepancyRule,
  /** Facility-form item: id, number as printed (`2(3)`; empty for the gate row) and text. */
  itemId: z.string(),
  itemNumber: z.string(),
  itemText: LocalizedText,
  /** `<itemId>:<deviceClass>` when the rule compares one cell (mirror_mismatch); null for a whole item. */
  cell: z.nullable(z.string()),
  /** What each side said, e.g. { facility: 'yes', vendor: 'no' } or { facility: 'yes', documents: 0 }. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  state: DiscrepancyState,
  version: Version,
  firstSeenAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Oldest first; at most 30 entries kept. */
  history: z.array(DiscrepancyHistoryEntry),
});
export type Discrepancy = z.infer<typeof Discrepancy>;

export const DiscrepancyFacilityParams = z.object({ facilityId: Id });
export const DiscrepancyVendorParams = z.object({ vendorId: Id });
export const DiscrepancyParams = z.object({ facilityId: Id, discrepancyId: DiscrepancyId });

/** `state` narrows to one state; absent = every state. */
export const FacilityDiscrepanciesQuery = z.object({ state: z.optional(DiscrepancyState) });
export const FacilityDiscrepanciesResponse = z.object({ items: z.array(Discrepancy) });
export type FacilityDiscrepanciesResponse = z.infer<typeof FacilityDiscrepanciesResponse>;

export const DISCREPANCIES_PAGE_SIZE = 100;

export const VendorDiscrepanciesQuery = z.object({ cursor: z.optional(Cursor), state: z.optional(DiscrepancyState) });
/** Open and explained discrepancies (the prefecture's work list); an inspector sees only its own 保健所. */
export const ListDiscrepanciesQuery = z.object({ cursor: z.optional(Cursor), healthCenterId: z.optional(Id), rule: z.optional(DiscrepancyRule) });
export const DiscrepancyPage = z.object({ items: z.array(Discrepancy), nextCursor: NextCursor });
export type DiscrepancyPage = z.infer<typeof DiscrepancyPage>;

export const ExplainDiscrepancyBody = z.strictObject({
  expectedVersion: Version,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(DISCREPANCY_TEXT_MAX)),
});
export type ExplainDiscrepancyBody = z.infer<typeof ExplainDiscrepancyBody>;
export const ResolveDiscrepancyBody = z.strictObject({
  expectedVersion: Version,
  text: z.optional(z.string().check(z.trim(), z.maxLength(DISCREPANCY_TEXT_MAX))),
});
export type ResolveDiscrepancyBody = z.infer<typeof ResolveDiscrepancyBody>;

/** Per slice of the dashboard: open (open + explained) discrepancies, in all and by rule. */
export const DiscrepancyCounts = z.object({ open: z.int(), byRule: z.record(z.string(), z.int()) });
export type DiscrepancyCounts = z.infer<typeof DiscrepancyCounts>;
