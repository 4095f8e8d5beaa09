import { RegistrationRefusedError, organisationRepositories, trainingRepositories } from '@mcr/data';
import { trainingsRegister } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { HttpError } from '../../pipeline/errors.ts';
import { audienceMismatch, DEADLINE_PASSED, locked, ownFacility, SESSION_CANCELLED, toRegistration } from '../../services/trainings.ts';

/**
 * A facility registers one named person: confirmed while seats remain, else waitlisted, in arrival order
 * (one transaction on the session's counters, decision 0014).
 */
export const handler = defineHandler(trainingsRegister, async ({ identity, params, body, repos }) => {
  const r = repos(organisationRepositories, trainingRepositories);
  const facility = await ownFacility(r, identity);
  const session = await r.trainings.getSession(params.sessionId);
  const notMeant = session ? audienceMismatch(session, facility, identity.role) : undefined;
  if (!session) throw new HttpError(404, 'NOT_FOUND', { ja: '研修が見つかりません', en: 'Training session not found' });
  if (notMeant) throw new HttpError(403, 'FORBIDDEN', notMeant.text, [{ field: notMeant.field, code: 'not_in_audience', message: notMeant.text }]);
  if (session.status === 'cancelled') throw locked('status', 'session_cancelled', SESSION_CANCELLED);
  if (Date.now() > Date.parse(session.registrationDeadline)) throw locked('registrationDeadline', 'deadline_passed', DEADLINE_PASSED);
  const now = new Date().toISOString();
  try {
    const record = await r.trainings.register({
      sessionId: session.sessionId,
      facilityId: facility.id,
      facilityName: facility.name,
      healthCenterId: facility.healthCenterId,
      participantName: body.participantName,
      ...(body.participantTitle ? { participantTitle: body.participantTitle } : {}),
      registeredBy: identity.userId,
      createdAt: now,
      updatedAt: now,
    });
    return toRegistration(record);
  } catch (err) {
    if (!(err instanceof RegistrationRefusedError)) throw err;
    if (err.reason === 'duplicate') {
      const text = { ja: 'この方は既にこの研修に申し込まれています', en: 'This person is already registered for this session' };
      throw new HttpError(409, 'ALREADY_EXISTS', text, [{ field: 'body.participantName', code: 'already_registered', message: text }]);
    }
    if (err.reason === 'cancelled') throw locked('status', 'session_cancelled', SESSION_CANCELLED);
    if (err.reason === 'not_found') throw new HttpError(404, 'NOT_FOUND', { ja: '研修が見つかりません', en: 'Training session not found' });
    throw new HttpError(409, 'VERSION_CONFLICT', {
      ja: '申込が集中しています。少し待ってからもう一度お試しください。',
      en: 'Many registrations are arriving at once; please try again in a moment.',
    });
  }
});
