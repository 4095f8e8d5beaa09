import { organisationRepositories, templateRepositories, campaignRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorResponsesGetFacility } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { getFacility } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorResponsesGetFacility, async ({ identity, params, repos }) =>
  getFacility(repos(organisationRepositories, templateRepositories, campaignRepositories, vendorResponseRepositories), identity, params),
);
