import { organisationRepositories, trainingRepositories } from '@mcr/data';
import { createHash, randomBytes } from 'node:crypto';
import { calendarRotate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf, assertCanAnswerFor } from '../../services/access.ts';

/**
 * A facility administrator creates (or rotates) the secret URL of its training calendar. Only the SHA-256 of
 * the token is stored; rotating deletes the previous hash, so the old URL stops working at once.
 */
export const handler = defineHandler(calendarRotate, async ({ identity, params, repos, requestId }) => {
  assertCanAnswerFor(identity, params.facilityId);
  const r = repos(organisationRepositories, trainingRepositories);
  await r.facilities.require(params.facilityId);
  const token = `${identity.tenantId}-${randomBytes(32).toString('base64url')}`;
  const now = new Date().toISOString();
  await r.trainings.rotateFeed(params.facilityId, createHash('sha256').update(token).digest('hex'), now, actorOf(identity, requestId));
  const path = `/api/calendar/${token}.ics`;
  return { url: path, path, createdAt: now };
});
