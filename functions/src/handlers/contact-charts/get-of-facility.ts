import { NotFoundError, organisationRepositories, contactChartRepositories } from '@mcr/data';
import { contactChartsGetOfFacility } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';
import { contactChartView } from '../../services/contact-charts.ts';

/** A facility's chart, read-only, for the prefecture and the facility's own 保健所. */
export const handler = defineHandler(contactChartsGetOfFacility, async ({ identity, params, repos }) => {
  const r = repos(organisationRepositories, contactChartRepositories);
  const facility = await r.facilities.get(params.facilityId);
  if (!facility) throw new NotFoundError('facility');
  assertCanReadFacility(identity, facility);
  return contactChartView(r, facility);
});
