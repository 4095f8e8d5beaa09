import type { CampaignRowsQuery } from '@mcr/contract';
import { NotFoundError, campaignRepositories, rowRepositories, readModelRepositories } from '@mcr/data';
import { type SliceSummary, todayInJapan } from '@mcr/domain';
import { campaignsRows } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { healthCenterScope } from '../../services/access.ts';

type Filters = Omit<CampaignRowsQuery, 'limit' | 'cursor' | 'sort' | 'dir'>;

/**
 * Where the number of rows matching the filters can be read from the slice aggregates (one GetItem): at most one
 * partition filter (or 保健所 with kind or size, which have cross slices) and at most one counted property
 * (status, level, overdue, missing 1回目). Anything else, or a name search, has no total.
 */
export function totalSource(f: Filters): { slice: string; count: (s: SliceSummary) => number } | null {
  if (f.q) return null;
  const partitions = [f.healthCenterId, f.medicalArea, f.kind, f.sizeBand].filter(Boolean).length;
  let slice: string | null = null;
  if (partitions === 0) slice = 'ALL';
  else if (partitions === 1) {
    if (f.healthCenterId) slice = `HC#${f.healthCenterId}`;
    else if (f.medicalArea) slice = `AREA#${f.medicalArea}`;
    else if (f.kind) slice = `KIND#${f.kind}`;
    else slice = `SIZE#${f.sizeBand}`;
  } else if (partitions === 2 && f.healthCenterId && (f.kind || f.sizeBand)) {
    slice = f.kind ? `X#HC#${f.healthCenterId}#KIND#${f.kind}` : `X#HC#${f.healthCenterId}#SIZE#${f.sizeBand}`;
  }
  if (!slice) return null;
  const counted = [f.status, f.scoreBand, f.overdue === 'true' ? 'o' : undefined, f.missingFirst === 'true' ? 'm' : undefined].filter(Boolean).length;
  if (counted > 1) return null;
  const at = slice;
  if (f.status) return { slice: at, count: (s) => s.byStatus[f.status as string] ?? 0 };
  if (f.scoreBand) return { slice: at, count: (s) => s.byLevel[f.scoreBand as string] ?? 0 };
  if (f.overdue === 'true') return { slice: at, count: (s) => s.overdueFacilities };
  if (f.missingFirst === 'true') return { slice: at, count: (s) => s.missingFirstFacilities };
  return { slice: at, count: (s) => s.facilities };
}

/**
 * One page of a campaign's facility rows (the read model kept by the stream consumer): the slice partition of
 * the most selective filter, the rest filtered, at most four reads whatever the size of the prefecture, and the
 * total from the slice aggregates where they hold it. An inspector reads only its own 保健所's slice, taken from
 * the verified identity.
 */
export const handler = defineHandler(campaignsRows, async ({ identity, params, query, repos }) => {
  const scope = healthCenterScope(identity);
  if (scope && query.healthCenterId && query.healthCenterId !== scope) throw new ForbiddenError();
  const r = repos(campaignRepositories, rowRepositories, readModelRepositories);
  // The campaign must exist in the caller's tenant: another tenant's id is a 404, not an empty page.
  if (!(await r.campaigns.get(params.campaignId))) throw new NotFoundError('campaign');
  const today = todayInJapan();
  const filters = { ...query, healthCenterId: scope ?? query.healthCenterId };
  const source = totalSource(filters);
  const [page, summary] = await Promise.all([
    r.campaignRows.page(params.campaignId, { ...filters, overdue: query.overdue === 'true', missingFirst: query.missingFirst === 'true' }, today),
    source ? r.readModels.summary(params.campaignId, source.slice, today) : Promise.resolve(undefined),
  ]);
  return {
    items: page.items.map((row) => ({ ...row, overdue: row.earliestOpenTarget !== null && row.earliestOpenTarget < today })),
    nextCursor: page.nextCursor,
    sort: page.sort,
    ...(source && summary ? { total: source.count(summary) } : {}),
  };
});
