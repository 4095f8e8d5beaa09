import { EVIDENCE_PER_CELL } from '@mcr/contract';
import { type EvidenceRecord, StateConflictError, organisationRepositories, templateRepositories, campaignRepositories, fileRepositories } from '@mcr/data';
import { evidenceCreate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ValidationError } from '../../pipeline/errors.ts';
import { actorOf, assertCanAnswerFor } from '../../services/access.ts';
import { assertCellInTemplate, loadEvidenceScope, newEvidenceId, toEvidence } from '../../services/evidence.ts';
import { uploadNotPending, verifyUpload } from '../../services/uploads.ts';

export const handler = defineHandler(evidenceCreate, async ({ identity, params, body, repos, requestId }) => {
  assertCanAnswerFor(identity, params.facilityId);
  const r = repos(organisationRepositories, templateRepositories, campaignRepositories, fileRepositories);
  const scope = await loadEvidenceScope(r, identity, params.campaignId, params.facilityId);
  assertCellInTemplate(await scope.template(), body.cell);
  // Evidence may be added whatever the response's status; only the number per cell is capped.
  if ((await r.evidence.activeCountOfCell(params.campaignId, params.facilityId, body.cell)) >= EVIDENCE_PER_CELL) {
    throw new ValidationError([
      {
        field: 'body.cell',
        code: 'too_many_files',
        message: {
          ja: `1つの回答欄に添付できるファイルは ${EVIDENCE_PER_CELL} 件までです`,
          en: `An answer cell holds at most ${EVIDENCE_PER_CELL} files`,
        },
      },
    ]);
  }
  const verified = await verifyUpload(r, identity, body.uploadId, 'evidence');
  const record: EvidenceRecord = {
    campaignId: params.campaignId,
    facilityId: params.facilityId,
    evidenceId: newEvidenceId(body.cell),
    cell: body.cell,
    title: body.title ?? '',
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
    await r.evidence.create(record, verified.upload, actorOf(identity, requestId));
  } catch (err) {
    if (err instanceof StateConflictError) throw uploadNotPending({ state: 'verified' });
    throw err;
  }
  return toEvidence(record);
});
