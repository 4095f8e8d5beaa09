import type { Campaign, CreateCampaignResponse } from '@mcr/contract';
import { type ApiResult, api } from './api.ts';

/** Polls `GET /api/campaigns/{id}` until its creation is no longer running; returns the campaign as last read. */
export async function waitForCampaign(id: string, as: string, timeoutMs = 120_000): Promise<Campaign> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await api<Campaign>('GET', `/api/campaigns/${id}`, { as });
    if (res.status !== 200) throw new Error(`GET campaign ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.creation?.status !== 'creating') return res.body;
    if (Date.now() > until) throw new Error(`campaign ${id} still creating: ${JSON.stringify(res.body.creation)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * `POST /api/campaigns` (202), then waits for the creating job: the answer as the old synchronous route gave it
 * (status 201 once the campaign is open, with the final carried-forward count). Any refusal is returned as is.
 */
export async function createCampaign(as: string, body: unknown): Promise<ApiResult<CreateCampaignResponse>> {
  const res = await api<CreateCampaignResponse>('POST', '/api/campaigns', { as, body });
  if (res.status !== 202) return res;
  const campaign = await waitForCampaign(res.body.campaign.id, as);
  if (campaign.creation?.status !== 'done') throw new Error(`campaign creation failed: ${JSON.stringify(campaign.creation)}`);
  return { ...res, status: 201, body: { campaign, facilities: res.body.facilities, carriedForward: campaign.creation.carriedForward } };
}
