import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/campaigns/{campaignId}: one campaign, with its creation progress while its responses are written. */
export function getCampaign(campaignId: string, signal?: AbortSignal) {
  return callRoute(routes['campaigns.get'], { params: { campaignId }, ...(signal ? { signal } : {}) });
}

/** POST /api/campaigns/{campaignId}/creation/retry: resumes a creation that failed. */
export function retryCampaignCreation(campaignId: string) {
  return callRoute(routes['campaigns.retryCreation'], { params: { campaignId } });
}
