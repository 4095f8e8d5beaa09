import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanAnswerFor } from '../../services/access.ts';
import { applyChanges, buildResponseView } from '../../services/response-view.ts';

export const handler = defineHandler('responses.saveAnswers', async ({ identity, params, body, repos, requestId }) => {
  assertCanAnswerFor(identity, params.facilityId);
  const r = repos();
  const [facility, campaign, response, contracts] = await Promise.all([
    r.facilities.require(params.facilityId),
    r.campaigns.require(params.campaignId),
    r.responses.require(params.campaignId, params.facilityId),
    r.contracts.listOfFacility(params.facilityId),
  ]);
  const next = applyChanges(campaign, response, body, contracts.length > 0);
  const saved = await r.responses.save(
    params.campaignId,
    params.facilityId,
    {
      expectedVersion: body.expectedVersion,
      answers: next.answers,
      evaluation: next.evaluation,
      status: next.status,
      previousStatus: response.status,
      changes: body.changes,
    },
    { userId: identity.userId, role: identity.role, orgId: identity.orgId, requestId },
  );
  return buildResponseView(campaign, facility, saved, contracts.length > 0);
});
