import { organisationRepositories, contactChartRepositories } from '@mcr/data';
import { fiscalYearOf, todayInJapan } from '@mcr/domain';
import { contactChartsList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { healthCenterScope } from '../../services/access.ts';
import { chartStatusOf } from '../../services/contact-charts.ts';

/**
 * One page of facilities (name order, within a 保健所 when given) with the status of their chart: the facility list's
 * own page, then one BatchGet of the chart items of that page's facilities. Never more than a page is read.
 */
export const handler = defineHandler(contactChartsList, async ({ identity, query, repos }) => {
  const scope = healthCenterScope(identity);
  if (scope && query.healthCenterId && query.healthCenterId !== scope) throw new ForbiddenError();
  const r = repos(organisationRepositories, contactChartRepositories);
  const page = await r.facilities.page({ ...query, healthCenterId: scope ?? query.healthCenterId });
  const heads = await r.contactCharts.heads(page.items.map((f) => f.id));
  const fiscalYear = fiscalYearOf(todayInJapan());
  return {
    fiscalYear,
    items: page.items.map((f) => {
      const c = heads.get(f.id);
      return {
        facilityId: f.id,
        name: f.name,
        kind: f.kind,
        healthCenterId: f.healthCenterId,
        healthCenterName: f.healthCenterName,
        status: chartStatusOf(c, fiscalYear),
        updatedAt: c?.updatedAt ?? null,
        confirmedOn: c?.confirmedOn ?? null,
      };
    }),
    nextCursor: page.nextCursor,
  };
});
