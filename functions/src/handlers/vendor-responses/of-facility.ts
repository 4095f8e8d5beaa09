import { organisationRepositories, templateRepositories, vendorResponseRepositories } from '@mcr/data';
import { facilitiesVendorAnswers } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';
import { facilityVendorAnswers } from '../../services/vendor-responses.ts';

export const handler = defineHandler(facilitiesVendorAnswers, async ({ identity, params, query, repos }) => {
  const r = repos(organisationRepositories, templateRepositories, vendorResponseRepositories);
  // Nothing of the facility's vendors is read before the scope check.
  assertCanReadFacility(identity, await r.facilities.require(params.facilityId));
  return { items: await facilityVendorAnswers(r, params.facilityId, query.templateId) };
});
