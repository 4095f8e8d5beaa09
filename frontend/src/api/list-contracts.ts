import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/facilities/{facilityId}/contracts: the facility's vendors and the systems each one provides. */
export function listContracts(facilityId: string, signal?: AbortSignal) {
  return callRoute(routes['contracts.list'], { params: { facilityId }, ...(signal ? { signal } : {}) });
}
