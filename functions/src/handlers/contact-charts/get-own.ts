import { organisationRepositories, contactChartRepositories } from '@mcr/data';
import { contactChartsGetOwn } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { contactChartView, ownFacility } from '../../services/contact-charts.ts';

/** The facility's own 連絡体制図 (an empty one, version 0, before the first save). */
export const handler = defineHandler(contactChartsGetOwn, async ({ identity, repos }) => {
  const r = repos(organisationRepositories, contactChartRepositories);
  return contactChartView(r, await ownFacility(r, identity));
});
