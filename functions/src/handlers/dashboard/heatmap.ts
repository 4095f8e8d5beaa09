import { organisationRepositories, templateRepositories, campaignRepositories, readModelRepositories } from '@mcr/data';
import { allItems, parseCellKey } from '@mcr/domain';
import { dashboardHeatmap } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { dashboardScope, orderSlices, sliceLabels, sliceValue } from '../../services/dashboard.ts';
import { resolveTemplate } from '../../services/templates.ts';

type Counts = { y: number; n: number; u: number };
const zero = (): Counts => ({ y: 0, n: 0, u: 0 });
const add = (a: Counts, b: Counts) => {
  a.y += b.y;
  a.n += b.n;
  a.u += b.u;
};

/**
 * Weakest items: per item, はい / いいえ / 未回答 in each 保健所, 医療圏, kind or size band (device classes summed),
 * read from the slices' cell counts. An inspector gets its own 保健所 only, broken down by kind or size inside it.
 */
export const handler = defineHandler(dashboardHeatmap, async ({ identity, params, query, repos }) => {
  const r = repos(organisationRepositories, templateRepositories, campaignRepositories, readModelRepositories);
  const scope = dashboardScope(identity);
  const campaignRead = r.campaigns.require(params.campaignId);
  const prefix =
    query.by === 'hc'
      ? scope.healthCenterId
        ? `HC#${scope.healthCenterId}`
        : 'HC#'
      : query.by === 'kind'
        ? scope.kindPrefix
        : query.by === 'size'
          ? scope.sizePrefix
          : scope.healthCenterId
            ? `HC#${scope.healthCenterId}`
            : 'AREA#';
  const columnKind = query.by === 'area' && scope.healthCenterId ? 'hc' : query.by;
  const columnPrefix = prefix.endsWith('#') ? prefix : prefix.slice(0, prefix.lastIndexOf('#') + 1);
  // An inspector's columns are its own 保健所's slice (prefix = its slice): the total is among them, read once.
  const [campaign, label, columns, total] = await Promise.all([
    campaignRead,
    sliceLabels(r),
    r.readModels.cells(params.campaignId, prefix),
    prefix === scope.slice ? undefined : r.readModels.cells(params.campaignId, scope.slice),
  ]);
  const { template } = await resolveTemplate(r, campaign.templateId);
  const totalSlice = (total ?? columns).find((t) => t.slice === scope.slice)?.cells ?? {};
  const perItem = (cells: Record<string, Counts>) => {
    const out: Record<string, Counts> = {};
    for (const [key, c] of Object.entries(cells)) {
      const itemId = parseCellKey(key)?.itemId;
      if (!itemId) continue;
      out[itemId] ??= zero();
      add(out[itemId], c);
    }
    return out;
  };
  const cols = orderSlices(
    columnKind,
    columns
      .filter((c) => !sliceValue(c.slice, columnPrefix).includes('#') && (columnKind !== 'hc' || !scope.healthCenterId || c.slice === scope.slice))
      .map((c) => ({ value: sliceValue(c.slice, columnPrefix), label: label(columnKind, sliceValue(c.slice, columnPrefix)), cells: c.cells })),
    (x) => x.label.ja,
  );
  const items = allItems(template)
    .filter((i) => !i.gate)
    .map((i) => ({
      itemId: i.id,
      number: i.number,
      sectionId: template.sections.find((s) => s.items.includes(i))?.id ?? '',
      text: i.text,
      cells: [...i.cells],
    }));
  return {
    by: query.by,
    items,
    columns: cols.map(({ value, label }) => ({ value, label })),
    values: Object.fromEntries(cols.map((c) => [c.value, perItem(c.cells)])),
    total: perItem(totalSlice),
    totalCells: totalSlice,
  };
});
