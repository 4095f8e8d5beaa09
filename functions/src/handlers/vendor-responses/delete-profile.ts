import { templateRepositories, campaignRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorResponsesDeleteProfile } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { deleteProfile } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorResponsesDeleteProfile, async ({ identity, params, query, repos, requestId }) => {
  await deleteProfile(repos(templateRepositories, campaignRepositories, vendorResponseRepositories), identity, requestId, params, query.expectedVersion);
  return undefined;
});
