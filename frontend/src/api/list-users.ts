import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/users: everyone in the prefecture (facility administrators: their own facility). */
export function listUsers(signal?: AbortSignal) {
  return callRoute(routes['users.list'], signal ? { signal } : {});
}
