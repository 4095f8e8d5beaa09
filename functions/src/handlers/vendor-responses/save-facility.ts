import { templateRepositories, campaignRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorResponsesSaveFacility } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { saveFacility } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorResponsesSaveFacility, async ({ identity, params, body, repos, requestId }) =>
  saveFacility(repos(templateRepositories, campaignRepositories, vendorResponseRepositories), identity, requestId, params, body),
);
