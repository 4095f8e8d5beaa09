import { type PutContractBody, routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** PUT /api/facilities/{facilityId}/contracts/{vendorId}: registers or replaces the contract. */
export function putContract(facilityId: string, vendorId: string, body: PutContractBody) {
  return callRoute(routes['contracts.put'], { params: { facilityId, vendorId }, body });
}
