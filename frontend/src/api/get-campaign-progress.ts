import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/campaigns/{campaignId}/progress: totals by status and one row per facility. */
export function getCampaignProgress(campaignId: string, signal?: AbortSignal) {
  return callRoute(routes['campaigns.progress'], { params: { campaignId }, ...(signal ? { signal } : {}) });
}
