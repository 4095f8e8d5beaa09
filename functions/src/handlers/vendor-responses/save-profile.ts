import { templateRepositories, campaignRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorResponsesSaveProfile } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { saveProfile } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorResponsesSaveProfile, async ({ identity, params, body, repos, requestId }) =>
  saveProfile(repos(templateRepositories, campaignRepositories, vendorResponseRepositories), identity, requestId, params, body),
);
