import { NotFoundError, trainingRepositories } from '@mcr/data';
import { trainingsAttendance } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { ValidationError } from '../../pipeline/errors.ts';

/** The prefecture records who attended (confirmed registrations only), a batch at a time. */
export const handler = defineHandler(trainingsAttendance, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(trainingRepositories);
  const session = await r.trainings.getSession(params.sessionId);
  if (!session) throw new NotFoundError('training');
  const seen = new Set<string>();
  const errors = body.items.flatMap((m, i) => {
    if (!seen.has(m.registrationId)) {
      seen.add(m.registrationId);
      return [];
    }
    const text = { ja: '同じ申込が2回指定されています', en: 'The same registration is listed twice' };
    return [{ field: `body.items[${i}].registrationId`, code: 'duplicate', message: text }];
  });
  if (errors.length) throw new ValidationError(errors);
  const regs = await Promise.all(body.items.map((m) => r.trainings.getRegistration(params.sessionId, m.registrationId)));
  const bad = regs.flatMap((reg, i) => {
    if (reg?.status === 'confirmed') return [];
    const text = reg
      ? { ja: '出欠は確定済みの申込にだけ記録できます', en: 'Attendance is recorded for confirmed registrations only' }
      : { ja: 'この研修の申込ではありません', en: 'Not a registration of this session' };
    return [{ field: `body.items[${i}].registrationId`, code: reg ? 'not_confirmed' : 'not_found', message: text }];
  });
  if (bad.length) throw new ValidationError(bad);
  return { updated: await r.trainings.setAttendance(params.sessionId, body.items, undefined, actorOf(identity, requestId)) };
});
