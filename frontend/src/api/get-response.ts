import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET …/response: one facility's checklist (template, answers, version, evaluation). */
export function getResponse(campaignId: string, facilityId: string, signal?: AbortSignal) {
  return callRoute(routes['responses.get'], { params: { campaignId, facilityId }, ...(signal ? { signal } : {}) });
}

/** The `loadEarly`/`takeEarly` key of one facility's checklist. */
export function responseKey(campaignId: string, facilityId: string): string {
  return `responses.get/${campaignId}/${facilityId}`;
}
