import { Answers, RoundAnswer, Template } from '@mcr/domain';
import * as z from 'zod';
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
  processed: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Facilities whose last answers on the previous version were carried forward so far. */
  carriedForward: z.number().int().min(0),
  updatedAt: IsoDateTime,
  /** When failed: why, for the user. */
  error: LocalizedText.optional(),
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
  fiscalYear: z.number().int(),
  opensOn: IsoDate,
  /** Deadline of 1回目. */
  deadline: IsoDate,
  /** Deadlines of 2回目 and 3回目, when the prefecture asks for them. */
  roundDeadlines: z.object({ '2': IsoDate.optional(), '3': IsoDate.optional() }),
  /** Present while the campaign is being created (and after): only a `done` campaign is open to facilities. */
  creation: CampaignCreation.optional(),
  /**
   * Who answers: facilities (医療機関確認用) or the vendors contracted by them (事業者確認用); `bcp`: the facilities
   * answer the BCP 確認表. Absent = facility.
   */
  form: z.enum(['facility', 'vendor', 'bcp']).optional(),
  // campaign-lifecycle:begin
  /**
   * `open`: answered; `closed`: no more answers or submissions, submitted rounds can still be reviewed;
   * `archived`: read-only and left out of the default list (docs/decisions/0016-campaign-dates-and-lifecycle.md).
   */
  status: CampaignStatus.optional(),
  /** Changes of deadlines and status are made at this version (409 on a stale one). */
  version: Version.optional(),
  /** On a facility's own view: the deadline the prefecture extended for that facility. */
  facilityDeadline: IsoDate.optional(),
  // campaign-lifecycle:end
});

/** Which facilities a campaign goes to. */
export const CampaignTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('facility_kinds'), kinds: z.array(FacilityKind).min(1).max(FACILITY_KINDS.length) }),
  z.strictObject({ kind: z.literal('health_centers'), ids: z.array(Id).min(1).max(100) }),
  z.strictObject({ kind: z.literal('facilities'), ids: z.array(Id).min(1).max(20_000) }),
]);
export type CampaignTarget = z.infer<typeof CampaignTarget>;

export const CreateCampaignBody = z
  .strictObject({
    templateId: z.string().min(1).max(64),
    title: z.strictObject({ ja: z.string().min(1).max(200), en: z.string().max(200).optional() }),
    fiscalYear: z.number().int().min(2023).max(2100),
    opensOn: IsoDate,
    deadline: IsoDate,
    roundDeadlines: z.strictObject({ '2': IsoDate.optional(), '3': IsoDate.optional() }).default({}),
    target: CampaignTarget,
  })
  .refine((b) => b.deadline >= b.opensOn, { path: ['deadline'], message: 'deadline_before_opening' })
  .refine((b) => !b.roundDeadlines['2'] || b.roundDeadlines['2'] > b.deadline, { path: ['roundDeadlines', '2'], message: 'round_deadline_order' })
  .refine((b) => !b.roundDeadlines['3'] || (b.roundDeadlines['2'] !== undefined && b.roundDeadlines['3'] > b.roundDeadlines['2']), {
    path: ['roundDeadlines', '3'],
    message: 'round_deadline_order',
  });
export type CreateCampaignBody = z.infer<typeof CreateCampaignBody>;

/**
 * 202: the campaign is written in state `creating` and a job writes its responses; poll
 * `GET /api/campaigns/{campaignId}` until `campaign.creation.status` is `done` (or `failed`).
 */
export const CreateCampaignResponse = z.object({
  campaign: Campaign,
  facilities: z.number().int(),
  /** Facilities whose last answers on the previous version were carried forward (前年度から引継ぎ): known when done, 0 until then. */
  carriedForward: z.number().int(),
});
export type CreateCampaignResponse = z.infer<typeof CreateCampaignResponse>;
export type Campaign = z.infer<typeof Campaign>;
export const ListCampaignsResponse = z.object({ items: z.array(Campaign) });

// campaign-lifecycle:begin
export const ListCampaignsQuery = z.object({
  /** `true`: archived campaigns too (left out by default). */
  archived: z.enum(['true', 'false']).optional(),
});

/** New deadlines of a campaign (1回目, and 2回目/3回目 when asked for); checked against the fiscal year's window. */
export const UpdateDeadlinesBody = z.strictObject({
  expectedVersion: Version,
  deadline: IsoDate,
  roundDeadlines: z.strictObject({ '2': IsoDate.optional(), '3': IsoDate.optional() }).default({}),
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
  reason: z.string().trim().max(500).optional(),
});
export type ExtendDeadlineBody = z.infer<typeof ExtendDeadlineBody>;

export const RemoveExtensionQuery = z.object({ expectedVersion: z.coerce.number().int().min(1) });

export const DeadlineExtension = z.object({
  campaignId: Id,
  facilityId: Id,
  facilityName: z.string(),
  extendedTo: IsoDate,
  reason: z.string().optional(),
  version: Version,
  updatedAt: IsoDateTime,
  updatedBy: z.string(),
});
export type DeadlineExtension = z.infer<typeof DeadlineExtension>;

export const ExtensionsQuery = z.object({ limit: PageLimit(200, 100), cursor: Cursor.optional() });
export const ExtensionsResponse = z.object({ items: z.array(DeadlineExtension), nextCursor: NextCursor });
export type ExtensionsResponse = z.infer<typeof ExtensionsResponse>;
// campaign-lifecycle:end

/** The numbers a facility, the prefecture and the dashboard all read the same way (see packages/domain). */
export const Evaluation = z.object({
  applicable: z.number().int(),
  answered: z.number().int(),
  required: z.number().int(),
  yes: z.number().int(),
  score: z.number().min(0).max(1).nullable(),
  level: z.string(),
  missing: z.number().int(),
  overdue: z.number().int(),
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
  updatedAt: IsoDateTime.nullable(),
  /** Every submitted round, oldest first; kept as history. */
  submissions: z.array(z.object({ round: z.number().int().min(1).max(3), at: IsoDateTime, by: z.string(), byName: z.string() })),
  /** The prefecture's confirmations and send-backs (差戻し), oldest first. */
  reviews: z.array(Review),
});
export type ResponseView = z.infer<typeof ResponseView>;

export const AnswerChange = z.object({
  itemId: z.string().min(1).max(64),
  deviceClass: z.enum(['system', 'server', 'client', 'network']),
  round: z.literal([1, 2, 3]),
  /** null clears the cell for that round. */
  answer: RoundAnswer.nullable(),
  // answer-merge:begin
  /**
   * The round as the sender last saw it (null: empty). When every change carries one, the save is merged per cell
   * whatever the response's version; a cell changed by someone else since is a 409 CELL_CONFLICT naming it.
   */
  base: RoundAnswer.nullable().optional(),
  // answer-merge:end
});
export type AnswerChange = z.infer<typeof AnswerChange>;

export const SaveAnswersBody = z.object({
  /** The version the client last read; a stale one is refused with 409 and nothing is written. */
  expectedVersion: Version,
  changes: z.array(AnswerChange).min(1).max(200),
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
  updatedAt: IsoDateTime.nullable(),
});
export type ProgressRow = z.infer<typeof ProgressRow>;

export const CampaignProgress = z.object({
  campaign: Campaign,
  totals: z.object({
    facilities: z.number().int(),
    byStatus: z.record(ResponseStatus, z.number().int()),
  }),
  /** No longer sent: the facility rows are paged by `GET /api/campaigns/{campaignId}/rows`. */
  items: z.array(ProgressRow).optional(),
});
export type CampaignProgress = z.infer<typeof CampaignProgress>;

/** Readiness levels as a filter (score band): 対応済み, おおむね対応, 一部対応, 要対応, 対象外. */
export const SCORE_BANDS = ['complete', 'mostly', 'partial', 'action-needed', 'not-applicable'] as const;
export const CAMPAIGN_ROW_SORTS = ['name', 'score', 'updated'] as const;
export type CampaignRowSort = (typeof CAMPAIGN_ROW_SORTS)[number];

export const CampaignRowsQuery = z.object({
  status: ResponseStatus.optional(),
  healthCenterId: Id.optional(),
  /** 二次医療圏 by name. */
  medicalArea: z.string().min(1).max(100).optional(),
  kind: FacilityKind.optional(),
  sizeBand: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'size band')
    .optional(),
  scoreBand: z.enum(SCORE_BANDS).optional(),
  /** `true`: only facilities with a いいえ whose 目標日 has passed (Japan time). */
  overdue: z.enum(['true', 'false']).optional(),
  /** `true`: only facilities with applicable cells lacking a confirmed 1回目 確認日. */
  missingFirst: z.enum(['true', 'false']).optional(),
  /** Digits: 医療機関コード prefix (code order). Anything else: facility name prefix (name order). */
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(CAMPAIGN_ROW_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  limit: PageLimit(200, 50),
  cursor: Cursor.optional(),
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
  score: z.number().min(0).max(1).nullable(),
  level: z.string(),
  /** Required cells not yet answered. */
  missing: z.number().int(),
  /** Cells answered without a 確認日 in the first round. */
  missingFirstDates: z.number().int(),
  /** The earliest 目標日 of a cell still answered いいえ. */
  earliestOpenTarget: IsoDate.nullable(),
  /** That 目標日 has passed (Japan time). */
  overdue: z.boolean(),
  updatedAt: IsoDateTime.nullable(),
  /** Latest submitted round. */
  round: z.number().int().nullable(),
});
export type CampaignRow = z.infer<typeof CampaignRow>;

export const CampaignRowsResponse = z.object({
  items: z.array(CampaignRow),
  nextCursor: NextCursor,
  /** Facilities matching the partition's filter (from the campaign's counters), when known. */
  total: z.number().int().optional(),
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
