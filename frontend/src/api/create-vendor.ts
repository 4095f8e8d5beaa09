import { type CreateVendorBody, routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** POST /api/vendors: registers a vendor. */
export function createVendor(body: CreateVendorBody) {
  return callRoute(routes['vendors.create'], { body });
}
