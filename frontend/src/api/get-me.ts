import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/me: who is signed in, their role and organisation. */
export function getMe(signal?: AbortSignal) {
  return callRoute(routes['me.get'], signal ? { signal } : {});
}
