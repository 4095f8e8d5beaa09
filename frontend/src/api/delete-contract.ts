import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** DELETE /api/facilities/{facilityId}/contracts/{vendorId}: removes the contract (204). */
export function deleteContract(facilityId: string, vendorId: string) {
  return callRoute(routes['contracts.delete'], { params: { facilityId, vendorId } });
}
