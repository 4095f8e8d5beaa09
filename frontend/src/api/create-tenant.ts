import { type CreateTenantBody, routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** POST /api/tenants: creates a prefecture and invites its first administrators by e-mail. */
export function createTenant(body: CreateTenantBody) {
  return callRoute(routes['tenants.create'], { body });
}
