import { organisationRepositories, incidentRepositories } from '@mcr/data';
import { incidentsCounts } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { healthCenterScope } from '../../services/access.ts';

/**
 * Open reports for the dashboard, from the counter the stream consumer keeps (one GetItem, whatever the size of the
 * prefecture). A 保健所 sees its own count only.
 */
export const handler = defineHandler(incidentsCounts, async ({ identity, repos }) => {
  const r = repos(organisationRepositories, incidentRepositories);
  const own = healthCenterScope(identity);
  const [counts, centers] = await Promise.all([r.incidents.counts(), r.healthCenters.list()]);
  const names = new Map(centers.map((c) => [c.id, c.name]));
  const byHealthCenter = Object.entries(counts.openByHealthCenter)
    .filter(([id, n]) => n > 0 && (!own || id === own))
    .map(([healthCenterId, open]) => ({ healthCenterId, name: names.get(healthCenterId) ?? healthCenterId, open }))
    .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name, 'ja'));
  if (own) {
    return {
      open: counts.openByHealthCenter[own] ?? 0,
      openCareStopped: counts.openByHealthCenterImpact[`${own}:stopped`] ?? 0,
      openCarePartial: counts.openByHealthCenterImpact[`${own}:partial`] ?? 0,
      closed: counts.closedByHealthCenter[own] ?? 0,
      byHealthCenter,
    };
  }
  return {
    open: counts.open,
    openCareStopped: counts.openByImpact.stopped ?? 0,
    openCarePartial: counts.openByImpact.partial ?? 0,
    closed: counts.closed,
    byHealthCenter,
  };
});
