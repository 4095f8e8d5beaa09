import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf, assertCanAnswerFor } from '../../services/access.ts';
import { assertAnswerable } from '../../services/campaign-lifecycle.ts';
import { applyChanges, auditedChanges, buildResponseView, loadResponse } from '../../services/response-view.ts';

export const handler = defineHandler('responses.saveAnswers', async ({ identity, params, body, repos, requestId }) => {
  assertCanAnswerFor(identity, params.facilityId);
  const r = repos();
  const loaded = await loadResponse(r, params.campaignId, params.facilityId);
  assertAnswerable(loaded.campaign);
  const next = applyChanges(loaded, loaded.response, body);
  const saved = await r.responses.save(
    params.campaignId,
    params.facilityId,
    {
      expectedVersion: body.expectedVersion,
      answers: next.answers,
      evaluation: next.evaluation,
      status: next.status,
      previousStatus: loaded.response.status,
      context: { hasVendorContract: loaded.hasVendorContract },
      changes: auditedChanges(body),
      previous: loaded.response,
    },
    actorOf(identity, requestId),
  );
  return buildResponseView(loaded, saved);
});
