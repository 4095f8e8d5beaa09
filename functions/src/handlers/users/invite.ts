import { organisationRepositories } from '@mcr/data';
import { usersInvite } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { inviteUser } from '../../services/people.ts';

export const handler = defineHandler(usersInvite, async ({ identity, body, repos, requestId }) =>
  inviteUser(repos(organisationRepositories), identity, requestId, body),
);
