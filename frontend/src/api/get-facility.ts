import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/facilities/{facilityId}: one facility's profile. */
export function getFacility(facilityId: string, signal?: AbortSignal) {
  return callRoute(routes['facilities.get'], { params: { facilityId }, ...(signal ? { signal } : {}) });
}
