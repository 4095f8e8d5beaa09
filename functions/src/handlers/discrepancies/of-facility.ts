import { organisationRepositories, discrepancyRepositories } from '@mcr/data';
import { discrepanciesOfFacility } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';
import { byCampaignThenItem, toDiscrepancy } from '../../services/discrepancies.ts';

/** A facility's discrepancies with its vendors (every campaign; `state` narrows): the prefecture, its 保健所, the facility. */
export const handler = defineHandler(discrepanciesOfFacility, async ({ identity, params, query, repos }) => {
  const r = repos(organisationRepositories, discrepancyRepositories);
  const facility = await r.facilities.require(params.facilityId);
  assertCanReadFacility(identity, facility);
  const items = (await r.discrepancies.ofFacility(facility.id)).filter((d) => !query.state || d.state === query.state).sort(byCampaignThenItem);
  return { items: items.map(toDiscrepancy) };
});
