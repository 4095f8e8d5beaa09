import { NotFoundError, organisationRepositories, contactChartRepositories } from '@mcr/data';
import { contactChartsVendorContactPut } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { toVendorIncidentContact } from '../../services/contact-charts.ts';
import { assertOwnVendor } from '../../services/vendor-responses.ts';

/** The vendor's own incident contact, shown on every contracted facility's 連絡体制図. */
export const handler = defineHandler(contactChartsVendorContactPut, async ({ identity, params, body, repos, requestId }) => {
  assertOwnVendor(identity, params.vendorId);
  const r = repos(organisationRepositories, contactChartRepositories);
  if (!(await r.vendors.get(params.vendorId))) throw new NotFoundError('vendor');
  const { expectedVersion, ...contact } = body;
  const saved = await r.vendorIncidentContacts.put(
    { ...contact, vendorId: params.vendorId, updatedAt: new Date().toISOString() },
    expectedVersion,
    actorOf(identity, requestId),
  );
  return toVendorIncidentContact(saved);
});
