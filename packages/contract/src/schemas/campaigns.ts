import { Answers, RoundAnswer, Template } from '@mcr/domain';
import * as z from 'zod';
import { FacilityKind, Id, IsoDate, IsoDateTime, LocalizedText, Version } from '../common.ts';

export const RESPONSE_STATUSES = ['not_started', 'in_progress', 'submitted', 'returned', 'confirmed'] as const;
export const ResponseStatus = z.enum(RESPONSE_STATUSES);
export type ResponseStatus = z.infer<typeof ResponseStatus>;

export const CampaignIdParams = z.object({ campaignId: Id });
export const ResponseParams = z.object({ campaignId: Id, facilityId: Id });

export const Campaign = z.object({
  id: Id,
  title: LocalizedText,
  templateId: z.string(),
  fiscalYear: z.number().int(),
  opensOn: IsoDate,
  deadline: IsoDate,
});
export type Campaign = z.infer<typeof Campaign>;
export const ListCampaignsResponse = z.object({ items: z.array(Campaign) });

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
});
export type ResponseView = z.infer<typeof ResponseView>;

export const AnswerChange = z.object({
  itemId: z.string().min(1).max(64),
  deviceClass: z.enum(['system', 'server', 'client', 'network']),
  round: z.literal([1, 2, 3]),
  /** null clears the cell for that round. */
  answer: RoundAnswer.nullable(),
});
export type AnswerChange = z.infer<typeof AnswerChange>;

export const SaveAnswersBody = z.object({
  /** The version the client last read; a stale one is refused with 409 and nothing is written. */
  expectedVersion: Version,
  changes: z.array(AnswerChange).min(1).max(200),
});
export type SaveAnswersBody = z.infer<typeof SaveAnswersBody>;

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
  items: z.array(ProgressRow),
});
export type CampaignProgress = z.infer<typeof CampaignProgress>;

export const Task = z.object({
  campaign: Campaign,
  facilityId: Id,
  status: ResponseStatus,
  evaluation: Evaluation,
});
export const MyTasksResponse = z.object({ items: z.array(Task) });
export type MyTasksResponse = z.infer<typeof MyTasksResponse>;
