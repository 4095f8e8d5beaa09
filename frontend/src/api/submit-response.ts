import { routes, type SubmitResponseBody } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/**
 * POST …/response/submit: the facility administrator submits one round. 400 INCOMPLETE names each missing
 * cell (`answers.<itemId>:<deviceClass>.<round>`); 409 VERSION_CONFLICT or LOCKED (already submitted).
 */
export function submitResponse(campaignId: string, facilityId: string, body: SubmitResponseBody) {
  return callRoute(routes['responses.submit'], { params: { campaignId, facilityId }, body });
}
