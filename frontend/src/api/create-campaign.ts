import { type CreateCampaignBody, routes } from '@mcr/contract';
import type * as z from 'zod/mini';
import { callRoute } from '../lib/api-client.ts';

/** The body as sent: fields with a default in the contract may be left out. */
export type CreateCampaignInput = z.input<typeof CreateCampaignBody>;

/** POST /api/campaigns: distributes a template version; answers with the campaign and how many facilities got it. */
export function createCampaign(body: CreateCampaignInput) {
  return callRoute(routes['campaigns.create'], { body });
}
