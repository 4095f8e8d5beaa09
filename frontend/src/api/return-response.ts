import { type ReturnResponseBody, routes } from '@mcr/contract';
import type * as z from 'zod/mini';
import { callRoute } from '../lib/api-client.ts';

/** POST …/response/return: sends the submitted round back (差戻し) with a message and comments on items. */
export function returnResponse(campaignId: string, facilityId: string, body: z.input<typeof ReturnResponseBody>) {
  return callRoute(routes['responses.return'], { params: { campaignId, facilityId }, body });
}
