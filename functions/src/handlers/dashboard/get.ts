import { organisationRepositories, templateRepositories, campaignRepositories, readModelRepositories } from '@mcr/data';
import { todayInJapan } from '@mcr/domain';
import { dashboardGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { dashboardScope, orderSlices, previousCampaign, sliceLabels, sliceValue } from '../../services/dashboard.ts';
import { toCampaign } from '../../services/response-view.ts';

/**
 * The dashboard: headline numbers and breakdowns from the slice aggregates. The prefecture's whole dashboard is
 * one Query of the campaign's `AGG#` items (one per slice: their number depends on the 保健所, 医療圏, kinds and
 * size bands, never on the number of facilities); an inspector reads its 保健所's slice and cross slices.
 */
export const handler = defineHandler(dashboardGet, async ({ identity, params, repos }) => {
  const r = repos(organisationRepositories, templateRepositories, campaignRepositories, readModelRepositories);
  const today = todayInJapan();
  const scope = dashboardScope(identity);
  const id = params.campaignId;
  // Everything that needs only the campaign's id is read at once; the campaign itself proves it exists here.
  const [campaign, label, plain, kinds, sizes, campaigns] = await Promise.all([
    r.campaigns.require(id),
    sliceLabels(r),
    scope.healthCenterId ? r.readModels.summary(id, scope.slice, today).then((s) => [s]) : r.readModels.summaries(id, '', today),
    scope.healthCenterId ? r.readModels.summaries(id, scope.kindPrefix, today) : Promise.resolve(undefined),
    scope.healthCenterId ? r.readModels.summaries(id, scope.sizePrefix, today) : Promise.resolve(undefined),
    r.campaigns.list(),
  ]);
  const previous = await previousCampaign(r, campaign, campaigns);
  const pick = (prefix: string, list = plain) => list.filter((s) => s.slice.startsWith(prefix) && !s.slice.slice(prefix.length).includes('#'));
  const rows = (kind: 'hc' | 'area' | 'kind' | 'size', prefix: string, list = plain) =>
    orderSlices(
      kind,
      pick(prefix, list).map((summary) => ({ value: sliceValue(summary.slice, prefix), label: label(kind, sliceValue(summary.slice, prefix)), summary })),
      (x) => x.label.ja,
    ).filter((x) => x.summary.facilities > 0);
  const headline = plain.find((s) => s.slice === scope.slice) ?? (await r.readModels.summary(campaign.id, scope.slice, today));
  const previousSummary = previous ? await r.readModels.summary(previous.id, scope.slice, today) : undefined;
  return {
    campaign: toCampaign(campaign),
    asOf: today,
    scope: scope.healthCenterId
      ? { kind: 'health_center' as const, id: scope.healthCenterId, name: label('hc', scope.healthCenterId).ja }
      : { kind: 'prefecture' as const },
    summary: headline,
    breakdowns: {
      healthCenters: rows('hc', 'HC#'),
      areas: scope.healthCenterId ? [] : rows('area', 'AREA#'),
      kinds: scope.healthCenterId ? rows('kind', scope.kindPrefix, kinds) : rows('kind', 'KIND#'),
      sizes: scope.healthCenterId ? rows('size', scope.sizePrefix, sizes) : rows('size', 'SIZE#'),
    },
    previous: previous && previousSummary ? { campaign: toCampaign(previous), summary: previousSummary } : null,
  };
});
