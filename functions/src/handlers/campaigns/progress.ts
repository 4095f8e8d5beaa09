import { countByStatus, NotFoundError } from '@mcr/data';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { healthCenterScope } from '../../services/access.ts';
import { toCampaign } from '../../services/response-view.ts';

export const handler = defineHandler('campaigns.progress', async ({ identity, params, repos }) => {
  const r = repos();
  const scope = healthCenterScope(identity);
  const [campaign, aggregate, responses] = await Promise.all([
    r.campaigns.require(params.campaignId),
    r.campaigns.aggregate(params.campaignId),
    r.responses.listOfCampaign(params.campaignId),
  ]);
  if (!aggregate) throw new NotFoundError('campaign');
  const visible = scope ? responses.filter((x) => x.healthCenterId === scope) : responses;
  // The prefecture reads the O(1) counters; an inspector's slice is counted from its own rows.
  const byStatus = scope ? countByStatus(visible) : aggregate.byStatus;
  return {
    campaign: toCampaign(campaign),
    totals: { facilities: scope ? visible.length : aggregate.facilities, byStatus },
    items: visible.map((x) => ({
      facilityId: x.facilityId,
      facilityName: x.facilityName,
      kind: x.facilityKind,
      healthCenterName: x.healthCenterName,
      status: x.status,
      evaluation: x.evaluation,
      updatedAt: x.updatedAt,
    })),
  };
});
