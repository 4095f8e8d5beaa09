import { trainingRepositories } from '@mcr/data';
import { randomUUID } from 'node:crypto';
import type { TrainingSessionRecord } from '@mcr/data';
import { trainingsCreate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { sessionFields, toSession, validateSession } from '../../services/trainings.ts';

/** The prefecture schedules a session; its counters start at zero. */
export const handler = defineHandler(trainingsCreate, async ({ identity, body, repos, requestId }) => {
  validateSession(body);
  const now = new Date().toISOString();
  const record: TrainingSessionRecord = {
    sessionId: `trn-${randomUUID().slice(0, 12)}`,
    ...sessionFields(body),
    confirmedCount: 0,
    waitlistCount: 0,
    regSeq: 0,
    status: 'scheduled',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await repos(trainingRepositories).trainings.createSession(record, actorOf(identity, requestId));
  return toSession(record);
});
