import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/vendors: the system vendors (事業者) the prefecture registered. */
export function listVendors(signal?: AbortSignal) {
  return callRoute(routes['vendors.list'], signal ? { signal } : {});
}
