import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/facilities: the prefecture's facilities (used for the 保健所 choices of a new campaign). */
export function listFacilities(signal?: AbortSignal) {
  return callRoute(routes['facilities.list'], signal ? { signal } : {});
}
