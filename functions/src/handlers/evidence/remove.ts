import { organisationRepositories, templateRepositories, campaignRepositories, fileRepositories } from '@mcr/data';
import { evidenceRemove } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf, assertCanAnswerFor } from '../../services/access.ts';
import { loadEvidenceScope, requireEvidence } from '../../services/evidence.ts';

export const handler = defineHandler(evidenceRemove, async ({ identity, params, repos, requestId }) => {
  assertCanAnswerFor(identity, params.facilityId);
  const r = repos(organisationRepositories, templateRepositories, campaignRepositories, fileRepositories);
  await loadEvidenceScope(r, identity, params.campaignId, params.facilityId);
  const record = await requireEvidence(r, identity, params.campaignId, params.facilityId, params.evidenceId);
  // Hidden, never deleted: the item and the object stay (the prefecture can still list and open it).
  await r.evidence.remove(record, { at: new Date().toISOString(), by: identity.userId, byName: identity.displayName }, actorOf(identity, requestId));
  return undefined;
});
