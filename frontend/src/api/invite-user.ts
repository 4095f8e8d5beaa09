import { type InviteUserBody, routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** POST /api/users: creates the account and e-mails the invitation; 409 ALREADY_EXISTS when the address is taken. */
export function inviteUser(body: InviteUserBody) {
  return callRoute(routes['users.invite'], { body });
}
