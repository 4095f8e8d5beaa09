import { organisationRepositories } from '@mcr/data';
import { usersResendInvite } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { resendInvitation } from '../../services/notifications.ts';

export const handler = defineHandler(usersResendInvite, async ({ identity, params, repos, requestId }) =>
  resendInvitation(repos(organisationRepositories), identity, requestId, params.userId),
);
