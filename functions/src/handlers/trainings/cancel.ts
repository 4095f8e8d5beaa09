import { NotFoundError, VersionConflictError, trainingRepositories } from '@mcr/data';
import { trainingsCancel } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { toSession } from '../../services/trainings.ts';

/** Cancels a session (no more registrations; the list of registrations stays for the record). */
export const handler = defineHandler(trainingsCancel, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(trainingRepositories);
  const current = await r.trainings.getSession(params.sessionId);
  if (!current) throw new NotFoundError('training');
  if (current.version !== body.expectedVersion) throw new VersionConflictError('training', current.version);
  if (current.status === 'cancelled') return toSession(current);
  const next = await r.trainings.updateSession(
    { ...current, status: 'cancelled', updatedAt: new Date().toISOString() },
    body.expectedVersion,
    actorOf(identity, requestId),
    'training.cancel',
  );
  return toSession(next);
});
