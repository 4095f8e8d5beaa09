import { templateRepositories, campaignRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorResponsesReturn } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { review } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorResponsesReturn, async ({ identity, params, body, repos, requestId }) =>
  review(repos(templateRepositories, campaignRepositories, vendorResponseRepositories), identity, requestId, params, {
    action: 'returned',
    expectedVersion: body.expectedVersion,
    message: body.message,
  }),
);
