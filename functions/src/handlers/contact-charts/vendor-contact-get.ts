import { NotFoundError, organisationRepositories, contactChartRepositories } from '@mcr/data';
import { contactChartsVendorContactGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { toVendorIncidentContact } from '../../services/contact-charts.ts';
import { assertVendorScope } from '../../services/vendor-responses.ts';

export const handler = defineHandler(contactChartsVendorContactGet, async ({ identity, params, repos }) => {
  assertVendorScope(identity, params.vendorId);
  const r = repos(organisationRepositories, contactChartRepositories);
  const [vendor, contact] = await Promise.all([r.vendors.get(params.vendorId), r.vendorIncidentContacts.get(params.vendorId)]);
  if (!vendor) throw new NotFoundError('vendor');
  return toVendorIncidentContact(contact);
});
