import type { DiscrepancyRule } from '@mcr/contract';
import { paths } from '../../app/paths.ts';

export type StateFilter = '' | 'open' | 'explained';

/** The prefecture's list filters, kept in the address (so the dashboard can link to one kind). */
export interface DiscrepancyFilters {
  state: StateFilter;
  hc: string;
  rule: DiscrepancyRule | '';
}

export function filtersSearch(f: DiscrepancyFilters): string {
  const p = new URLSearchParams();
  if (f.state) p.set('state', f.state);
  if (f.hc) p.set('hc', f.hc);
  if (f.rule) p.set('rule', f.rule);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The list's address with a filter, for links from the dashboard. */
export function discrepanciesLink(filter: Partial<DiscrepancyFilters> = {}): string {
  return `${paths.discrepancies()}${filtersSearch({ state: '', hc: '', rule: '', ...filter })}`;
}
