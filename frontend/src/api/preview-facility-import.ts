import { type FacilityImportRow, routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** POST /api/facilities/import/preview: what importing these rows (at most 2,000) would do; writes nothing. */
export function previewFacilityImport(rows: FacilityImportRow[], signal?: AbortSignal) {
  return callRoute(routes['facilities.importPreview'], { body: { rows }, ...(signal ? { signal } : {}) });
}
