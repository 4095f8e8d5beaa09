import { Answers, RoundAnswer, Template } from '@mcr/domain';
import * as z from 'zod/mini';
import { FACILITY_KINDS, FacilityKind, Id, IsoDate, IsoDateTime, LocalizedText, Version } from '../common.ts';
import { Cursor, NextCursor, PageLimit } from './paging.ts';
import { Review } from './review.ts';

export const RESPONSE_STATUSES = ['not_started', 'in_progress', 'submitted', 'returned', 'confirmed'] as const;
export const ResponseStatus = z.enum(RESPONSE_STATUSES);
export type ResponseStatus = z.infer<typeof ResponseStatus>;

export const CampaignIdParams = z.object({ campaignId: Id });
export const ResponseParams = z.object({ campaignId: Id, facilityId: Id });

/**
 * A campaign's responses are written by a background job: `creating` with progress, `failed` (retryable with
 * `POST /api/campaigns/{campaignId}/creation/retry`), `done`. Absent on campaigns created before jobs.
 */
export const CampaignCreation = z.object({
  status: z.enum(['creating', 'failed', 'done']),
  /** Facilities whose responses are written, of `total`. */
  processed: z.int().check(z.minimum(0)),
  total: z.int().check(z.minimum(0)),
  /** Facilities whose last answers on the previous version were carried forward so far. */
  carriedForward: z.int().check(z.minimum(0)),
  updatedAt: IsoDateTime,
  /** When failed: why, for the user. */
  error: z.optional(LocalizedText),
});
export type CampaignCreation = z.infer<typeof CampaignCreation>;

// campaign-lifecycle:begin
export const CAMPAIGN_STATUSES = ['open', 'closed', 'archived'] as const;
export const CampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof CampaignStatus>;
// campaign-lifecycle:end

export const Campaign = z.object({
  id: Id,
  title: LocalizedText,
  templateId: z.string(),
  fiscalYear: z.int(),
  opensOn: IsoDate,
  /** Deadline of 1回目. */
  deadline: IsoDate,
  /** Deadlines of 2回目 and 3回目, when the prefecture asks for them. */
  roundDeadlines: z.object({ '2': z.optional(IsoDate), '3': z.optional(IsoDate) }),
  /** Present while the campaign is being created (and after): only a `done` campaign is open to facilities. */
  creation: z.optional(CampaignCreation),
  /**
   * Who answers: facilities (医療機関確認用) or the vendors contracted by them (事業者確認用); `bcp`: the facilities
   * answer the BCP 確認表. Absent = facility.
   */
  form: z.optional(z.enum(['facility', 'vendor', 'bcp'])),
  // campaign-lifecycle:begin
  /**
   * `open`: answered; `closed`: no more answers or submissions, submitted rounds can still be reviewed;
   * `archived`: read-only and left out of the default list (docs/decisions/0016-campaign-dates-and-lifecycle.md).
   */
  status: z.optional(CampaignStatus),
  /** Changes of deadlines and status are made at this version (409 on a stale one). */
  version: z.optional(Version),
  /** On a facility's own view: the deadline the prefecture extended for that facility. */
  facilityDeadline: z.optional(IsoDate),
  // campaign-lifecycle:end
});

/** Which facilities a campaign goes to. */
export const CampaignTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('facility_kinds'), kinds: z.array(FacilityKind).check(z.minLength(1), z.maxLength(FACILITY_KINDS.length)) }),
  z.strictObject({ kind: z.literal('health_centers'), ids: z.array(Id).check(z.minLength(1), z.maxLength(100)) }),
  z.strictObject({ kind: z.literal('facilities'), ids: z.array(Id).check(z.minLength(1), z.maxLength(20_000)) }),
]);
export type CampaignTarget = z.infer<typeof CampaignTarget>;

export const CreateCampaignBody = z
  .strictObject({
    templateId: z.string().check(z.minLength(1), z.maxLength(64)),
    title: z.strictObject({ ja: z.string().check(z.minLength(1), z.maxLength(200)), en: z.optional(z.string().check(z.maxLength(200))) }),
    fiscalYear: z.int().check(z.minimum(2023), z.maximum(2100)),
    opensOn: IsoDate,
    deadline: IsoDate,
    roundDeadlines: z._default(z.strictObject({ '2': z.optional(IsoDate), '3': z.optional(IsoDate) }), {}),
    target: CampaignTarget,
  })
  .check(
    z.refine((b) => b.deadline >= b.opensOn, { path: ['deadline'], message: 'deadline_before_opening' }),
    z.refine((b) => !b.roundDeadlines['2'] || b.roundDeadlines['2'] > b.deadline, { path: ['roundDeadlines', '2'], message: 'round_deadline_order' }),
    z.refine((b) => !b.roundDeadlines['3'] || (b.roundDeadlines['2'] !== undefined && b.roundDeadlines['3'] > b.roundDeadlines['2']), {
      path: ['roundDeadlines', '3'],
      message: 'round_deadline_order',
    }),
  );
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

/**
 * 202: the campaign is written in state `creating` and a job writes its responses; poll
 * `GET /api/campaigns/{campaignId}` until `campaign.creation.status` is `done` (or `failed`).
 */
export const CreateCampaignResponse = z.object({
  campaign: Campaign,
  facilities: z.int(),
  /** Facilities whose last answers on the previous version were carried forward (前年度から引継ぎ): known when done, 0 until then. */
  carriedForward: z.int(),
});
export type CreateCampaignResponse = z.infer<typeof CreateCampaignResponse>;
export type Campaign = z.infer<typeof Campaign>;
export const ListCampaignsResponse = z.object({ items: z.array(Campaign) });

// campaign-lifecycle:begin
export const ListCampaignsQuery = z.object({
  /** `true`: archived campaigns too (left out by default). */
  archived: z.optional(z.enum(['true', 'false'])),
});

/** New deadlines of a campaign (1回目, and 2回目/3回目 when asked for); checked against the fiscal year's window. */
export const UpdateDeadlinesBody = z.strictObject({
  expectedVersion: Version,
  deadline: IsoDate,
  roundDeadlines: z._default(z.strictObject({ '2': z.optional(IsoDate), '3': z.optional(IsoDate) }), {}),
});
export type UpdateDeadlinesBody = z.infer<typeof UpdateDeadlinesBody>;

export const SetCampaignStatusBody = z.strictObject({
  expectedVersion: Version,
  status: CampaignStatus,
});
export type SetCampaignStatusBody = z.infer<typeof SetCampaignStatusBody>;

/** One facility's extended deadline. `expectedVersion` 0 grants a new one. */
export const ExtendDeadlineBody = z.strictObject({
  expectedVersion: Version,
  extendedTo: IsoDate,
  reason: z.optional(z.string().check(z.trim(), z.maxLength(500))),
});
export type ExtendDeadlineBody = z.infer<typeof ExtendDeadlineBody>;

export const RemoveExtensionQuery = z.object({ expectedVersion: z.coerce.number().check(z.int(), z.minimum(1)) });

export const DeadlineExtension = z.object({
  campaignId: Id,
  facilityId: Id,
  facilityName: z.string(),
  extendedTo: IsoDate,
  reason: z.optional(z.string()),
  version: Version,
  updatedAt: IsoDateTime,
  updatedBy: z.string(),
});
export type DeadlineExtension = z.infer<typeof DeadlineExtension>;

export const ExtensionsQuery = z.object({ limit: PageLimit(200, 100), cursor: z.optional(Cursor) });
export const ExtensionsResponse = z.object({ items: z.array(DeadlineExtension), nextCursor: NextCursor });
export type ExtensionsResponse = z.infer<typeof ExtensionsResponse>;
// campaign-lifecycle:end

/** The numbers a facility, the prefecture and the dashboard all read the same way (see packages/domain). */
export const Evaluation = z.object({
  applicable: z.int(),
  answered: z.int(),
  required: z.int(),
  yes: z.int(),
  score: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  level: z.string(),
  missing: z.int(),
  overdue: z.int(),
  complete: z.boolean(),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const ResponseView = z.object({
  campaign: Campaign,
  facility: z.object({ id: Id, name: z.string() }),
  template: Template,
  context: z.object({ hasVendorContract: z.boolean() }),
  answers: Answers,
  status: ResponseStatus,
  version: Version,
  evaluation: Evaluation,
  updatedAt: z.nullable(IsoDateTime),
  /** Every submitted round, oldest first; kept as history. */
  submissions: z.array(z.object({ round: z.int().check(z.minimum(1), z.maximum(3)), at: IsoDateTime, by: z.string(), byName: z.string() })),
  /** The prefecture's confirmations and send-backs (差戻し), oldest first. */
  reviews: z.array(Review),
});
export type ResponseView = z.infer<typeof ResponseView>;

export const AnswerChange = z.object({
  itemId: z.string().check(z.minLength(1), z.maxLength(64)),
  deviceClass: z.enum(['system', 'server', 'client', 'network']),
  round: z.literal([1, 2, 3]),
  /** null clears the cell for that round. */
  answer: z.nullable(RoundAnswer),
  // answer-merge:begin
  /**
   * The round as the sender last saw it (null: empty). When every change carries one, the save is merged per cell
   * whatever the response's version; a cell changed by someone else since is a 409 CELL_CONFLICT naming it.
   */
  base: z.optional(z.nullable(RoundAnswer)),
  // answer-merge:end
});
export type AnswerChange = z.infer<typeof AnswerChange>;

export const SaveAnswersBody = z.object({
  /** The version the client last read; a stale one is refused with 409 and nothing is written. */
  expectedVersion: Version,
  changes: z.array(AnswerChange).check(z.minLength(1), z.maxLength(200)),
});
export type SaveAnswersBody = z.infer<typeof SaveAnswersBody>;

export const SubmitResponseBody = z.strictObject({
  expectedVersion: Version,
  /** The round being submitted (1回目, 2回目, 3回目). */
  round: z.literal([1, 2, 3]),
});
export type SubmitResponseBody = z.infer<typeof SubmitResponseBody>;

export const ProgressRow = z.object({
  facilityId: Id,
  facilityName: z.string(),
  kind: FacilityKind,
  healthCenterName: z.string(),
  status: ResponseStatus,
  evaluation: Evaluation,
  updatedAt: z.nullable(IsoDateTime),
});
export type ProgressRow = z.infer<typeof ProgressRow>;

export const CampaignProgress = z.object({
  campaign: Campaign,
  totals: z.object({
    facilities: z.int(),
    byStatus: z.record(ResponseStatus, z.int()),
  }),
  /** No longer sent: the facility rows are paged by `GET /api/campaigns/{campaignId}/rows`. */
  items: z.optional(z.array(ProgressRow)),
});
export type CampaignProgress = z.infer<typeof CampaignProgress>;

/** Readiness levels as a filter (score band): 対応済み, おおむね対応, 一部対応, 要対応, 対象外. */
export const SCORE_BANDS = ['complete', 'mostly', 'partial', 'action-needed', 'not-applicable'] as const;
export const CAMPAIGN_ROW_SORTS = ['name', 'score', 'updated'] as const;
export type CampaignRowSort = (typeof CAMPAIGN_ROW_SORTS)[number];

export const CampaignRowsQuery = z.object({
  status: z.optional(ResponseStatus),
  healthCenterId: z.optional(Id),
  /** 二次医療圏 by name. */
  medicalArea: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  kind: z.optional(FacilityKind),
  sizeBand: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, 'size band'))),
  scoreBand: z.optional(z.enum(SCORE_BANDS)),
  /** `true`: only facilities with a いいえ whose 目標日 has passed (Japan time). */
  overdue: z.optional(z.enum(['true', 'false'])),
  /** `true`: only facilities with applicable cells lacking a confirmed 1回目 確認日. */
  missingFirst: z.optional(z.enum(['true', 'false'])),
  /** Digits: 医療機関コード prefix (code order). Anything else: facility name prefix (name order). */
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  sort: z._default(z.enum(CAMPAIGN_ROW_SORTS), 'name'),
  dir: z._default(z.enum(['asc', 'desc']), 'asc'),
  limit: PageLimit(200, 50),
  cursor: z.optional(Cursor),
});
export type CampaignRowsQuery = z.input<typeof CampaignRowsQuery>;

export const CampaignRow = z.object({
  facilityId: Id,
  facilityName: z.string(),
  kind: FacilityKind,
  healthCenterId: Id,
  healthCenterName: z.string(),
  medicalAreaName: z.string(),
  sizeBand: z.string(),
  medicalInstitutionCode: z.string(),
  status: ResponseStatus,
  score: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  level: z.string(),
  /** Required cells not yet answered. */
  missing: z.int(),
  /** Cells answered without a 確認日 in the first round. */
  missingFirstDates: z.int(),
  /** The earliest 目標日 of a cell still answered いいえ. */
  earliestOpenTarget: z.nullable(IsoDate),
  /** That 目標日 has passed (Japan time). */
  overdue: z.boolean(),
  updatedAt: z.nullable(IsoDateTime),
  /** Latest submitted round. */
  round: z.nullable(z.int()),
});
export type CampaignRow = z.infer<typeof CampaignRow>;

export const CampaignRowsResponse = z.object({
  items: z.array(CampaignRow),
  nextCursor: NextCursor,
  /** Facilities matching the partition's filter (from the campaign's counters), when known. */
  total: z.optional(z.int()),
  /** The order applied: a search comes back in name (or 医療機関コード) order. */
  sort: z.enum([...CAMPAIGN_ROW_SORTS, 'code']),
});
export type CampaignRowsResponse = z.infer<typeof CampaignRowsResponse>;

export const Task = z.object({
  campaign: Campaign,
  facilityId: Id,
  status: ResponseStatus,
  evaluation: Evaluation,
});
export const MyTasksResponse = z.object({ items: z.array(Task) });
export type MyTasksResponse = z.infer<typeof MyTasksResponse>;
