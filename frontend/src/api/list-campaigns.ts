import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/campaigns: the prefecture's surveys. */
export function listCampaigns(signal?: AbortSignal) {
  return callRoute(routes['campaigns.list'], signal ? { signal } : {});
}
