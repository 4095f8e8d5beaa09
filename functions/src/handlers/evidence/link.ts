import { organisationRepositories, templateRepositories, campaignRepositories, fileRepositories } from '@mcr/data';
import { evidenceLink } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { loadEvidenceScope, requireEvidence } from '../../services/evidence.ts';
import { fileLink } from '../../services/uploads.ts';

export const handler = defineHandler(evidenceLink, async ({ identity, params, repos }) => {
  const r = repos(organisationRepositories, templateRepositories, campaignRepositories, fileRepositories);
  await loadEvidenceScope(r, identity, params.campaignId, params.facilityId);
  const record = await requireEvidence(r, identity, params.campaignId, params.facilityId, params.evidenceId);
  return fileLink(record.fileKey, record.fileName, record.contentType);
});
