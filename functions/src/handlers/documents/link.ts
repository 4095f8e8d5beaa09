import { NotFoundError, organisationRepositories, fileRepositories } from '@mcr/data';
import { documentsLink } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { fileLink } from '../../services/uploads.ts';
import { assertCanDownloadDocument } from '../../services/vendor-documents.ts';

export const handler = defineHandler(documentsLink, async ({ identity, params, repos }) => {
  const r = repos(organisationRepositories, fileRepositories);
  const doc = await r.documents.get(params.vendorId, params.documentId, params.version);
  if (!doc) throw new NotFoundError('document');
  await assertCanDownloadDocument(r, identity, doc);
  return fileLink(doc.fileKey, doc.fileName, doc.contentType);
});
