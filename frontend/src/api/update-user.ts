import { routes, type UpdateUserBody } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** PATCH /api/users/{userId}: disables or re-enables a user; 400 for oneself. */
export function updateUser(userId: string, body: UpdateUserBody) {
  return callRoute(routes['users.update'], { params: { userId }, body });
}
