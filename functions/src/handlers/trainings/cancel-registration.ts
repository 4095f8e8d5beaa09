import { NotFoundError, trainingRepositories } from '@mcr/data';
import { trainingsCancelRegistration } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { canReadRegistration, toRegistration } from '../../services/trainings.ts';

/** A facility cancels one of its registrations; a freed seat goes to the first waitlisted person (same transaction). */
export const handler = defineHandler(trainingsCancelRegistration, async ({ identity, params, body, repos }) => {
  const r = repos(trainingRepositories);
  const current = await r.trainings.getRegistration(params.sessionId, params.registrationId);
  if (!current || !canReadRegistration(identity, current)) throw new NotFoundError('registration');
  const { cancelled } = await r.trainings.cancelRegistration(params.sessionId, params.registrationId, body?.expectedVersion);
  return toRegistration(cancelled);
});
