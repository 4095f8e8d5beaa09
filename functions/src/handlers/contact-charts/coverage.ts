import { organisationRepositories, facilityCountRepositories, contactChartRepositories } from '@mcr/data';
import { fiscalYearOf, todayInJapan } from '@mcr/domain';
import { contactChartsCoverage } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { healthCenterScope } from '../../services/access.ts';

/** Facilities with a chart current this fiscal year (read model) against the facility counts (read model). */
export const handler = defineHandler(contactChartsCoverage, async ({ identity, repos }) => {
  const scope = healthCenterScope(identity);
  const r = repos(organisationRepositories, facilityCountRepositories, contactChartRepositories);
  const fiscalYear = fiscalYearOf(todayInJapan());
  const [slices, counts, hcs] = await Promise.all([r.contactChartCoverage.slices(fiscalYear), r.facilityCounts.get(), r.healthCenters.list()]);
  const byHealthCenter = hcs
    .filter((h) => !scope || h.id === scope)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((h) => ({ healthCenterId: h.id, name: h.name, total: counts.byHealthCenter[h.id] ?? 0, current: slices.get(`hc#${h.id}`) ?? 0 }));
  if (scope) {
    const own = byHealthCenter[0];
    return { fiscalYear, total: own?.total ?? 0, current: own?.current ?? 0, byHealthCenter };
  }
  return { fiscalYear, total: counts.total, current: slices.get('pref') ?? 0, byHealthCenter };
});
