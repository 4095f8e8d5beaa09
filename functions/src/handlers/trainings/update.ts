import { NotFoundError, VersionConflictError, trainingRepositories } from '@mcr/data';
import { trainingsUpdate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { ValidationError } from '../../pipeline/errors.ts';
import { locked, SESSION_CANCELLED, sessionFields, toSession, validateSession } from '../../services/trainings.ts';

/** Changes a session's fields if the caller read the stored version (409 otherwise); the counters are kept. */
export const handler = defineHandler(trainingsUpdate, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(trainingRepositories);
  const current = await r.trainings.getSession(params.sessionId);
  if (!current) throw new NotFoundError('training');
  if (current.version !== body.expectedVersion) throw new VersionConflictError('training', current.version);
  if (current.status === 'cancelled') throw locked('status', 'session_cancelled', SESSION_CANCELLED);
  const { expectedVersion, ...fields } = body;
  validateSession(fields);
  if (fields.capacity < current.confirmedCount) {
    const text = {
      ja: `定員は確定済みの申込数 (${current.confirmedCount}) 以上にしてください`,
      en: `The capacity cannot be below the confirmed registrations (${current.confirmedCount})`,
    };
    throw new ValidationError([{ field: 'body.capacity', code: 'below_confirmed', message: text }]);
  }
  const next = await r.trainings.updateSession(
    {
      ...current,
      ...sessionFields(fields),
      url: fields.mode === 'online' ? fields.url : undefined,
      place: fields.mode === 'onsite' ? fields.place : undefined,
      updatedAt: new Date().toISOString(),
    },
    expectedVersion,
    actorOf(identity, requestId),
  );
  // More seats: the first waitlisted people move up, in arrival order.
  if (next.capacity > current.capacity && next.waitlistCount > 0) {
    await r.trainings.promoteWaitlisted(next.sessionId);
    const after = await r.trainings.getSession(next.sessionId);
    if (after) return toSession(after);
  }
  return toSession(next);
});
