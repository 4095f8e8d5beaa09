import { defineHandler } from '../../pipeline/define-handler.ts';
import { resendInvitation } from '../../services/notifications.ts';

export const handler = defineHandler('users.resendInvite', async ({ identity, params, repos, requestId }) =>
  resendInvitation(repos(), identity, requestId, params.userId),
);
