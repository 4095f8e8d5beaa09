import { campaignsGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { campaignView } from '../../services/campaigns.ts';

export const handler = defineHandler(campaignsGet, async ({ params, repos }) => campaignView(await repos().campaigns.require(params.campaignId)));
