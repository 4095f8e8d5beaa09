import { templateRepositories, campaignRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorResponsesFacilities } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { facilitiesPage } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorResponsesFacilities, async ({ identity, params, query, repos }) =>
  facilitiesPage(repos(templateRepositories, campaignRepositories, vendorResponseRepositories), identity, params, query),
);
