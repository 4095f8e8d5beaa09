import { fileRepositories } from '@mcr/data';
import { randomUUID } from 'node:crypto';
import { UPLOAD_RULES } from '@mcr/contract';
import { uploadsCreate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { HttpError } from '../../pipeline/errors.ts';
import { checkDeclaration, cleanFileName, presignUpload } from '../../services/uploads.ts';

export const handler = defineHandler(uploadsCreate, async ({ identity, body, repos }) => {
  checkDeclaration(body);
  // The prefecture uploads only sign-in sheets of its trainings; nobody else uploads those (decision 0014).
  if ((identity.role === 'pref_admin') !== (body.purpose === 'training_sheet')) {
    const text = { ja: 'この種類のファイルはアップロードできません', en: 'You cannot upload a file for this purpose' };
    throw new HttpError(403, 'FORBIDDEN', text, [{ field: 'body.purpose', code: 'purpose_not_allowed', message: text }]);
  }
  const r = repos(fileRepositories);
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
