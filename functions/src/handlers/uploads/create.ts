import { randomUUID } from 'node:crypto';
import { UPLOAD_RULES } from '@mcr/contract';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { checkDeclaration, cleanFileName, presignUpload } from '../../services/uploads.ts';

export const handler = defineHandler('uploads.create', async ({ identity, body, repos }) => {
  checkDeclaration(body);
  const r = repos();
  const uploadId = `up-${randomUUID()}`;
  // The upload belongs to the caller's organisation (vendor or facility): only it can name the upload later.
  await r.uploads.create({
    uploadId,
    purpose: body.purpose,
    orgId: identity.orgId,
    fileName: cleanFileName(body.fileName),
    declaredSize: body.size,
    declaredType: body.contentType,
    declaredSha256: body.sha256,
    state: 'pending',
    createdAt: new Date().toISOString(),
    createdBy: identity.userId,
  });
  const link = await presignUpload(identity.tenantId as string, uploadId, body.contentType, body.size);
  return { uploadId, ...link, maxBytes: UPLOAD_RULES[body.purpose].maxBytes };
});
