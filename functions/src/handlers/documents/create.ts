import { documentIdOf, NotFoundError, StateConflictError, type VendorDocumentRecord, organisationRepositories, fileRepositories } from '@mcr/data';
import { todayInJapan } from '@mcr/domain';
import { documentsCreate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ValidationError } from '../../pipeline/errors.ts';
import { actorOf } from '../../services/access.ts';
import { uploadNotPending, verifyUpload } from '../../services/uploads.ts';
import { assertOwnVendor, toVendorDocument } from '../../services/vendor-documents.ts';

export const handler = defineHandler(documentsCreate, async ({ identity, params, body, repos, requestId }) => {
  assertOwnVendor(identity, params.vendorId);
  if (body.issuedOn > todayInJapan()) {
    throw new ValidationError([
      { field: 'body.issuedOn', code: 'future_date', message: { ja: '発行日に未来の日付は指定できません', en: 'The issue date cannot be in the future' } },
    ]);
  }
  const r = repos(organisationRepositories, fileRepositories);
  if (!(await r.vendors.get(params.vendorId))) throw new NotFoundError('vendor');
  const verified = await verifyUpload(r, identity, body.uploadId, 'vendor_document');
  const documentId = documentIdOf(body.kind, body.product);
  const previous = await r.documents.latest(params.vendorId, documentId);
  const record: VendorDocumentRecord = {
    vendorId: params.vendorId,
    documentId,
    version: (previous?.version ?? 0) + 1,
    kind: body.kind,
    product: body.product,
    productVersion: body.productVersion,
    issuedOn: body.issuedOn,
    jahisFormatVersion: body.jahisFormatVersion,
    systems: [...new Set(body.systems)],
    fileName: verified.fileName,
    contentType: verified.contentType,
    size: verified.size,
    sha256: verified.sha256,
    fileKey: verified.fileKey,
    uploadedAt: new Date().toISOString(),
    uploadedBy: identity.userId,
    uploadedByName: identity.displayName,
  };
  try {
    await r.documents.create(record, verified.upload, previous, actorOf(identity, requestId));
  } catch (err) {
    // Another request used the same upload between the check and the write.
    if (err instanceof StateConflictError) throw uploadNotPending({ state: 'verified' });
    throw err;
  }
  return toVendorDocument(record);
});
