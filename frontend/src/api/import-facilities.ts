import { type FacilityImportRow, routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** POST /api/facilities/import: writes the rows (matched by 医療機関コード); one bad row and nothing of the request is written. */
export function importFacilities(rows: FacilityImportRow[], signal?: AbortSignal, confirmNewHealthCenters: string[] = []) {
  return callRoute(routes['facilities.import'], {
    body: { rows, ...(confirmNewHealthCenters.length ? { confirmNewHealthCenters } : {}) },
    ...(signal ? { signal } : {}),
  });
}
