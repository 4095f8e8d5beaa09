import type { SliceSummary } from '@mcr/contract';
import { formatPercent } from '../../i18n/format.ts';

/** 提出 = 提出済み + 確認済み (a 差戻し is shown on its own). */
export function submitted(s: Pick<SliceSummary, 'byStatus'>): number {
  return (s.byStatus.submitted ?? 0) + (s.byStatus.confirmed ?? 0);
}

/** A share of facilities as a whole percentage, rounded down like the readiness score; — for none. */
export function share(part: number, whole: number): string {
  return whole > 0 ? formatPercent(part / whole) : '—';
}
