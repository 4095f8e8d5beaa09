import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText } from '../common.ts';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
/** A background job's life: queued → running → done | failed. */
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const EXPORT_KINDS = ['facility-official', 'campaign-answers'] as const;
export const ExportKind = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof ExportKind>;

export const ExportFormat = z.enum(['xlsx', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/**
 * What to export: one facility's checklist in the official MHLW layout (xlsx), or every facility's answers
 * to one campaign (xlsx with the overdue and missing lists, or CSV).
 */
export const CreateExportBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('facility-official'), campaignId: Id, facilityId: Id }),
  z.strictObject({ kind: z.literal('campaign-answers'), campaignId: Id, format: ExportFormat }),
]);
export type CreateExportBody = z.infer<typeof CreateExportBody>;

export const ExportJobParams = z.object({ jobId: Id });

export const ExportJob = z.object({
  id: Id,
  kind: ExportKind,
  status: JobStatus,
  /** Facilities written so far, of `total` (1 of 1 for the official form). */
  progress: z.object({ processed: z.int().check(z.minimum(0)), total: z.int().check(z.minimum(0)) }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** When done: the file name, and a short-lived link to download it. */
  fileName: z.optional(z.string()),
  downloadUrl: z.optional(z.url()),
  downloadExpiresAt: z.optional(IsoDateTime),
  /** When failed: why, for the user. */
  error: z.optional(LocalizedText),
});
export type ExportJob = z.infer<typeof ExportJob>;
