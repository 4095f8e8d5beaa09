import { paths } from '../../app/paths.ts';

/**
 * The facility table's filters (`/campaigns/:id/progress?…`) a number of the dashboard stands for. The keys are the
 * query parameters of `GET /api/campaigns/{campaignId}/rows`, which the progress page reads from its address.
 * `missingFirst` is asked for by the dashboard before the rows route knows it (it is then ignored there).
 */
export interface Drill {
  status?: string;
  healthCenterId?: string;
  medicalArea?: string;
  kind?: string;
  sizeBand?: string;
  scoreBand?: string;
  overdue?: true;
  missingFirst?: true;
  sort?: 'score' | 'name' | 'updated';
  dir?: 'asc' | 'desc';
}

/** A breakdown or heatmap dimension and the filter of one of its values. */
export type Dimension = 'hc' | 'area' | 'kind' | 'size';

export function sliceFilter(by: Dimension, value: string): Drill {
  switch (by) {
    case 'hc':
      return { healthCenterId: value };
    case 'area':
      return { medicalArea: value };
    case 'kind':
      return { kind: value };
    case 'size':
      return { sizeBand: value };
  }
}

export function drillTo(campaignId: string, drill: Drill): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(drill)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return `${paths.progress(campaignId)}${s ? `?${s}` : ''}`;
}
