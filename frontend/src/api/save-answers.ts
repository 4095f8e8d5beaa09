import { routes, type SaveAnswersBody } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** PUT …/response/answers: saves changed cells; 409 VERSION_CONFLICT when `expectedVersion` is stale. */
export function saveAnswers(campaignId: string, facilityId: string, body: SaveAnswersBody) {
  return callRoute(routes['responses.saveAnswers'], { params: { campaignId, facilityId }, body });
}
