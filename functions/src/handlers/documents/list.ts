import { NotFoundError, organisationRepositories, fileRepositories } from '@mcr/data';
import { documentsList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertVendorReadable, groupDocuments } from '../../services/vendor-documents.ts';

export const handler = defineHandler(documentsList, async ({ identity, params, repos }) => {
  assertVendorReadable(identity, params.vendorId);
  const r = repos(organisationRepositories, fileRepositories);
  const [vendor, records] = await Promise.all([r.vendors.get(params.vendorId), r.documents.listOfVendor(params.vendorId)]);
  if (!vendor) throw new NotFoundError('vendor');
  return { items: groupDocuments(records) };
});
