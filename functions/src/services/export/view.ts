import type { ExportJob, ExportKind } from '@mcr/contract';
import type { JobRecord } from '@mcr/data';
import { downloadLink } from '../export-files.ts';
import { visibleStatus } from '../jobs.ts';
import { EXPORT_JOB_KINDS, type ExportResult } from './runners.ts';

const KIND_OF_JOB = Object.fromEntries(Object.entries(EXPORT_JOB_KINDS).map(([k, v]) => [v, k])) as Record<string, ExportKind>;

export function isExportJob(job: JobRecord): boolean {
  return job.kind in KIND_OF_JOB;
}

/** The job as the client sees it; a finished one carries a fresh short-lived download link. */
export async function toExportJob(job: JobRecord): Promise<ExportJob> {
  if (visibleStatus(job) === 'done') {
    const result = job.result as ExportResult;
    const link = await downloadLink(result.key, result.fileName);
    return { ...unfinishedExportJob(job), fileName: result.fileName, downloadUrl: link.url, downloadExpiresAt: link.expiresAt };
  }
  return unfinishedExportJob(job);
}

/**
 * The job as the client sees it before it is done (no download link to sign): what the create route answers for the
 * job it has just queued, without loading the S3 SDK (decision 0025).
 */
export function unfinishedExportJob(job: JobRecord): ExportJob {
  const status = visibleStatus(job);
  const base: ExportJob = {
    id: job.id,
    kind: KIND_OF_JOB[job.kind] as ExportKind,
    status,
    progress: job.progress,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
  if (status === 'failed') {
    return { ...base, error: job.error?.message ?? { ja: '処理が中断されました。もう一度お試しください。', en: 'The job stopped. Please try again.' } };
  }
  return base;
}
