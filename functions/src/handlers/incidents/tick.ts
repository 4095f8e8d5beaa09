import { incidentRepositories } from '@mcr/data';
import type { LocalizedText } from '@mcr/contract';
import { incidentsTick } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { HttpError, ValidationError } from '../../pipeline/errors.ts';
import { actorOf } from '../../services/access.ts';
import { findStep } from '../../services/incident-steps.ts';
import { assertFacilityWriter, assertOpen, assertTimelineRoom, detailOf, entryOf, readableIncident } from '../../services/incidents.ts';

const ALREADY: LocalizedText = {
  ja: 'この手順は、他の人が先に同じ状態にしています。画面を読み込み直してください。',
  en: 'Someone else already set this step to that state. Reload the page.',
};

/**
 * The facility ticks (or unticks) one 初動対応 step. The state is kept on the report and the tick goes into the
 * timeline. Two people ticking different steps both land (the write is retried on the new state); ticking a step
 * that is already in the asked state is a 409 naming the step.
 */
export const handler = defineHandler(incidentsTick, async ({ identity, params, body, repos, requestId }) => {
  const step = findStep(params.stepId);
  if (!step) {
    throw new ValidationError([
      { field: 'path.stepId', code: 'unknown_step', message: { ja: '初動対応の手順が見つかりません', en: 'No such first-response step' } },
    ]);
  }
  const r = repos(incidentRepositories);
  const report = await readableIncident(r, identity, params.incidentId);
  assertFacilityWriter(identity, report);
  const { report: saved } = await r.incidents.write(
    report.incidentId,
    (current) => {
      assertOpen(current);
      assertTimelineRoom(current);
      if ((current.steps?.[step.id]?.done ?? false) === body.done) {
        throw new HttpError(409, 'VERSION_CONFLICT', ALREADY, [{ field: 'body.done', code: 'already', message: ALREADY }]);
      }
      const at = new Date().toISOString();
      const entry = entryOf(identity, current, at, {
        kind: 'step',
        text: `${step.number} ${step.title.ja}${body.done ? '' : ' (取消 / undone)'}`,
        stepId: step.id,
        done: body.done,
      });
      return {
        next: {
          ...current,
          steps: { ...(current.steps ?? {}), [step.id]: { done: body.done, at, byName: identity.displayName } },
          lastEntryAt: at,
          entryCount: current.entryCount + 1,
          version: current.version + 1,
        },
        entries: [entry],
        audit: { action: 'incident.step', changes: { stepId: step.id, done: body.done } },
      };
    },
    actorOf(identity, requestId),
  );
  return detailOf(r, identity, saved);
});
