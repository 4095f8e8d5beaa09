import {
  StateConflictError,
  EDITABLE_STATUSES,
  VersionConflictError,
  organisationRepositories,
  templateRepositories,
  campaignRepositories,
  campaignLifecycleRepositories,
} from '@mcr/data';
import { responsesSubmit } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf, assertCanAnswerFor } from '../../services/access.ts';
import { assertAnswerable } from '../../services/campaign-lifecycle.ts';
import { buildResponseView, incomplete, loadResponse, missingForRound, toEvaluation } from '../../services/response-view.ts';

export const handler = defineHandler(responsesSubmit, async ({ identity, params, body, repos, requestId }) => {
  assertCanAnswerFor(identity, params.facilityId);
  const r = repos(organisationRepositories, templateRepositories, campaignRepositories, campaignLifecycleRepositories);
  const loaded = await loadResponse(r, params.campaignId, params.facilityId);
  assertAnswerable(loaded.campaign);
  const { response, template, hasVendorContract } = loaded;
  if (!EDITABLE_STATUSES.includes(response.status)) throw new StateConflictError('response', response.status);
  if (response.version !== body.expectedVersion) throw new VersionConflictError('response', response.version);
  const missing = missingForRound(template, response.answers, hasVendorContract, body.round);
  if (missing.length) throw incomplete(missing);
  const saved = await r.responses.submit(
    params.campaignId,
    params.facilityId,
    {
      expectedVersion: body.expectedVersion,
      round: body.round,
      submissions: response.submissions,
      previousStatus: response.status,
      context: { hasVendorContract },
      answers: response.answers,
      evaluation: toEvaluation(template, response.answers, hasVendorContract),
    },
    actorOf(identity, requestId),
  );
  return buildResponseView(loaded, saved);
});
