import { defineHandler } from '../../pipeline/define-handler.ts';
import { inviteUser } from '../../services/people.ts';

export const handler = defineHandler('users.invite', async ({ identity, body, repos, requestId }) => inviteUser(repos(), identity, requestId, body));
