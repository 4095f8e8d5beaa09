import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/exports/{jobId}: progress, and a short-lived download link once done. */
export function getExport(jobId: string, signal?: AbortSignal) {
  return callRoute(routes['exports.get'], { params: { jobId }, ...(signal ? { signal } : {}) });
}
