import { templateRepositories, campaignRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorResponsesSubmit } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { submit } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorResponsesSubmit, async ({ identity, params, body, repos, requestId }) =>
  submit(repos(templateRepositories, campaignRepositories, vendorResponseRepositories), identity, requestId, params, body),
);
