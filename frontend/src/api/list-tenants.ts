import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/tenants: the prefectures using the service (operator only). */
export function listTenants(signal?: AbortSignal) {
  return callRoute(routes['tenants.list'], signal ? { signal } : {});
}
