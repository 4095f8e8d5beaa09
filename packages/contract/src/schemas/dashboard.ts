import * as z from 'zod/mini';
import { LocalizedText } from '../common.ts';
import { Campaign } from './campaigns.ts';
import { DiscrepancyCounts } from './discrepancies.ts';

/** One slice's numbers (the whole prefecture, a 保健所, a 医療圏, a kind, a size band), from the read models. */
export const SliceSummary = z.object({
  slice: z.string(),
  facilities: z.int(),
  byStatus: z.record(z.string(), z.int()),
  byScoreBand: z.record(z.string(), z.int()),
  byLevel: z.record(z.string(), z.int()),
  meanScore: z.nullable(z.number()),
  scored: z.int(),
  rounds: z.record(z.string(), z.object({ meanScore: z.nullable(z.number()), facilities: z.int() })),
  missingFirstFacilities: z.int(),
  missingFirstCells: z.int(),
  overdueCells: z.int(),
  overdueFacilities: z.int(),
  openCells: z.int(),
  /** Open and explained cross-check discrepancies of the slice's facilities, in all and by rule (issue 8). */
  discrepancies: z.optional(DiscrepancyCounts),
});
export type SliceSummary = z.infer<typeof SliceSummary>;

/** A row of a breakdown: what the slice is (its filter for the drill-down) and its numbers. */
export const BreakdownRow = z.object({
  /** The value to filter the facility table by (保健所 id, 医療圏 name, kind, size band). */
  value: z.string(),
  label: LocalizedText,
  summary: SliceSummary,
});
export type BreakdownRow = z.infer<typeof BreakdownRow>;

export const DashboardScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prefecture') }),
  z.object({ kind: z.literal('health_center'), id: z.string(), name: z.string() }),
]);

export const Dashboard = z.object({
  campaign: Campaign,
  /** The day overdue targets are counted against (Japan time). */
  asOf: z.string(),
  scope: DashboardScope,
  summary: SliceSummary,
  breakdowns: z.object({
    healthCenters: z.array(BreakdownRow),
    areas: z.array(BreakdownRow),
    kinds: z.array(BreakdownRow),
    sizes: z.array(BreakdownRow),
  }),
  /** The previous fiscal year's campaign of the same form, for the trend; null when there is none. */
  previous: z.nullable(z.object({ campaign: Campaign, summary: SliceSummary })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const HEATMAP_DIMENSIONS = ['hc', 'area', 'kind', 'size'] as const;
export const HeatmapQuery = z.object({ by: z._default(z.enum(HEATMAP_DIMENSIONS), 'hc') });

const Counts = z.object({ y: z.int(), n: z.int(), u: z.int() });

/** Item × slice: はい / いいえ / 未回答 per item (device classes summed) and per cell for the whole scope. */
export const Heatmap = z.object({
  by: z.enum(HEATMAP_DIMENSIONS),
  items: z.array(
    z.object({
      itemId: z.string(),
      number: z.string(),
      sectionId: z.string(),
      text: LocalizedText,
      cells: z.array(z.string()),
    }),
  ),
  columns: z.array(z.object({ value: z.string(), label: LocalizedText })),
  /** values[column value][itemId] */
  values: z.record(z.string(), z.record(z.string(), Counts)),
  /** The whole scope, per item and per cell (`<itemId>:<deviceClass>`). */
  total: z.record(z.string(), Counts),
  totalCells: z.record(z.string(), Counts),
});
export type Heatmap = z.infer<typeof Heatmap>;

export const VerifyReadModelsBody = z.strictObject({ repair: z._default(z.boolean(), false) });
export const VerifyReadModelsResult = z.object({
  responses: z.int(),
  slices: z.int(),
  differenceCount: z.int(),
  differences: z.array(z.object({ slice: z.string(), part: z.enum(['summary', 'cells']), name: z.string(), stored: z.number(), recounted: z.number() })),
  repaired: z.boolean(),
});
