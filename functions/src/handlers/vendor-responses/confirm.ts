import { templateRepositories, campaignRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorResponsesConfirm } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { review } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorResponsesConfirm, async ({ identity, params, body, repos, requestId }) =>
  review(repos(templateRepositories, campaignRepositories, vendorResponseRepositories), identity, requestId, params, {
    action: 'confirmed',
    expectedVersion: body.expectedVersion,
    message: body.message,
  }),
);
