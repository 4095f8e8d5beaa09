import { organisationRepositories, templateRepositories, campaignRepositories, fileRepositories } from '@mcr/data';
import { evidenceList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { groupEvidence, loadEvidenceScope } from '../../services/evidence.ts';

export const handler = defineHandler(evidenceList, async ({ identity, params, query, repos }) => {
  const r = repos(organisationRepositories, templateRepositories, campaignRepositories, fileRepositories);
  await loadEvidenceScope(r, identity, params.campaignId, params.facilityId);
  // Removed files are hidden from everyone; the prefecture can ask to see them.
  const withRemoved = query.includeRemoved === 'true' && identity.role === 'pref_admin';
  const records = await r.evidence.listOfResponse(params.campaignId, params.facilityId);
  return groupEvidence(withRemoved ? records : records.filter((e) => !e.removed));
});
