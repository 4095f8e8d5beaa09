import { FACILITY_KIND_LABELS, type FacilityKind, type LocalizedText } from '@mcr/contract';
import type { CampaignRecord, Repositories } from '@mcr/data';
import { SIZE_BAND_LABELS, SIZE_BANDS, type SizeBand, type SliceSummary } from '@mcr/domain';
import type { Identity } from '../pipeline/auth.ts';
import { healthCenterScope } from './access.ts';
import { resolveTemplate } from './templates.ts';

/** What one caller's dashboard covers: the prefecture, or an inspector's 保健所 (from the verified identity). */
export interface DashboardScopeInfo {
  healthCenterId: string | undefined;
  /** The slice of the headline numbers. */
  slice: string;
  /** Slice prefixes of the breakdowns by kind and size. */
  kindPrefix: string;
  sizePrefix: string;
}

export function dashboardScope(identity: Identity): DashboardScopeInfo {
  const hc = healthCenterScope(identity);
  return hc
    ? { healthCenterId: hc, slice: `HC#${hc}`, kindPrefix: `X#HC#${hc}#KIND#`, sizePrefix: `X#HC#${hc}#SIZE#` }
    : { healthCenterId: undefined, slice: 'ALL', kindPrefix: 'KIND#', sizePrefix: 'SIZE#' };
}

const same = (text: string): LocalizedText => ({ ja: text, en: text });

/** Labels of slice values: 保健所 names from the master, kinds and size bands from the domain. */
export async function sliceLabels(
  repos: Pick<Repositories, 'healthCenters'>,
): Promise<(kind: 'hc' | 'area' | 'kind' | 'size', value: string) => LocalizedText> {
  const hcs = new Map((await repos.healthCenters.list()).map((h) => [h.id, h.name]));
  return (kind, value) => {
    if (kind === 'hc') return same(hcs.get(value) ?? value);
    if (kind === 'kind') return FACILITY_KIND_LABELS[value as FacilityKind] ?? same(value);
    if (kind === 'size') return SIZE_BAND_LABELS[value as SizeBand] ?? same(value);
    return same(value);
  };
}

/** The value after the last `#` of a slice id (`X#HC#hc1#KIND#clinic` → `clinic`). */
export const sliceValue = (slice: string, prefix: string) => slice.slice(prefix.length);

const KIND_ORDER: readonly string[] = ['hospital', 'clinic', 'dental_clinic', 'pharmacy'];
export function orderSlices<T extends { value: string }>(kind: 'hc' | 'area' | 'kind' | 'size', rows: T[], label: (r: T) => string): T[] {
  const order = kind === 'kind' ? KIND_ORDER : kind === 'size' ? (SIZE_BANDS as readonly string[]) : null;
  return [...rows].sort((a, b) => (order ? order.indexOf(a.value) - order.indexOf(b.value) : label(a).localeCompare(label(b), 'ja')));
}

/** The latest campaign of an earlier fiscal year on the same form (医療機関確認用 → 医療機関確認用), for the trend. */
export async function previousCampaign(
  repos: Pick<Repositories, 'templates'>,
  campaign: CampaignRecord,
  campaigns: CampaignRecord[],
): Promise<CampaignRecord | undefined> {
  const { template } = await resolveTemplate(repos, campaign.templateId);
  const earlier = campaigns.filter((c) => c.fiscalYear < campaign.fiscalYear).sort((a, b) => b.fiscalYear - a.fiscalYear || b.opensOn.localeCompare(a.opensOn));
  for (const c of earlier) {
    const other = await resolveTemplate(repos, c.templateId).catch(() => undefined);
    if (other?.template.form === template.form) return c;
  }
  return undefined;
}

export type { SliceSummary };
