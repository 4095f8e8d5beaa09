import {
  EDITABLE_STATUSES,
  StateConflictError,
  VersionConflictError,
  organisationRepositories,
  templateRepositories,
  campaignRepositories,
  campaignLifecycleRepositories,
} from '@mcr/data';
import { responsesSaveAnswers } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf, assertCanAnswerFor } from '../../services/access.ts';
import { MERGE_ATTEMPTS, mergeOnto } from '../../services/answer-merge.ts';
import { assertAnswerable } from '../../services/campaign-lifecycle.ts';
import { applyChanges, auditedChanges, buildResponseView, loadResponse } from '../../services/response-view.ts';

/**
 * Saves a batch of answer changes. Changes carrying their `base` are merged per cell onto what is stored now: a
 * save that lost a version race re-reads and merges again; only a cell someone else changed first is a 409
 * CELL_CONFLICT (docs/decisions/0018-dates-and-answering.md). Without bases the version must match, as before.
 */
export const handler = defineHandler(responsesSaveAnswers, async ({ identity, params, body, repos, requestId }) => {
  assertCanAnswerFor(identity, params.facilityId);
  const r = repos(organisationRepositories, templateRepositories, campaignRepositories, campaignLifecycleRepositories);
  const loaded = await loadResponse(r, params.campaignId, params.facilityId);
  assertAnswerable(loaded.campaign);
  const merging = body.changes.every((c) => c.base !== undefined);
  let response = loaded.response;
  for (let attempt = 1; ; attempt++) {
    if (!EDITABLE_STATUSES.includes(response.status)) throw new StateConflictError('response', response.status);
    const merged = mergeOnto(response, body);
    if (!merged) return buildResponseView(loaded, response);
    const next = applyChanges(loaded, response, merged);
    try {
      const saved = await r.responses.save(
        params.campaignId,
        params.facilityId,
        {
          expectedVersion: merged.expectedVersion,
          answers: next.answers,
          evaluation: next.evaluation,
          status: next.status,
          previousStatus: response.status,
          context: { hasVendorContract: loaded.hasVendorContract },
          changes: auditedChanges(merged),
          previous: response,
        },
        actorOf(identity, requestId),
      );
      return buildResponseView(loaded, saved);
    } catch (err) {
      // Another save landed between our read and our write: read again and merge onto it.
      if (!(err instanceof VersionConflictError) || !merging || attempt >= MERGE_ATTEMPTS) throw err;
      response = await r.responses.require(params.campaignId, params.facilityId);
    }
  }
});
