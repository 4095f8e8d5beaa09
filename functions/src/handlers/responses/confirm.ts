import { organisationRepositories, templateRepositories, campaignRepositories, campaignLifecycleRepositories } from '@mcr/data';
import { responsesConfirm } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { reviewResponse } from '../../services/review.ts';

export const handler = defineHandler(responsesConfirm, async ({ identity, params, body, repos, requestId }) =>
  reviewResponse(repos(organisationRepositories, templateRepositories, campaignRepositories, campaignLifecycleRepositories), identity, requestId, params, {
    action: 'confirmed',
    expectedVersion: body.expectedVersion,
    message: body.message,
    itemComments: [],
  }),
);
