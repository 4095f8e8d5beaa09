import { type ConfirmResponseBody, routes } from '@mcr/contract';
import type * as z from 'zod/mini';
import { callRoute } from '../lib/api-client.ts';

/** POST …/response/confirm: the prefecture accepts (受理) the submitted round; 409 when the version is stale or it is no longer submitted. */
export function confirmResponse(campaignId: string, facilityId: string, body: z.input<typeof ConfirmResponseBody>) {
  return callRoute(routes['responses.confirm'], { params: { campaignId, facilityId }, body });
}
