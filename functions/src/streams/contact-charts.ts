import { contactChartRepositories, type Db, repositoriesOf, type TenantScope } from '@mcr/data';

/**
 * 連絡体制図 coverage read model (issue 10), fed by the table's stream: a chart saved or confirmed in a fiscal year
 * it was not yet current in (`currentFy` moved) counts its facility once for that year, in the prefecture's slice and
 * its 保健所's. A marker item per facility and year makes the count idempotent (retried batches, later saves).
 */
type Item = Record<string, unknown>;

export interface ChartCoverageChange {
  scope: TenantScope;
  fiscalYear: number;
  facilityId: string;
  healthCenterId: string;
}

const isChart = (i: Item | null): i is Item => i?.type === 'ContactChart';

export function collectChartCoverage(changes: ChartCoverageChange[], scope: TenantScope, before: Item | null, after: Item | null): void {
  if (!isChart(after)) return;
  const fy = after.currentFy;
  if (typeof fy !== 'number' || typeof after.facilityId !== 'string' || typeof after.healthCenterId !== 'string') return;
  if (isChart(before) && before.currentFy === fy) return;
  changes.push({ scope, fiscalYear: fy, facilityId: after.facilityId, healthCenterId: after.healthCenterId });
}

export async function applyChartCoverage(db: Db, changes: readonly ChartCoverageChange[]): Promise<number> {
  let n = 0;
  for (const c of changes) {
    if (await repositoriesOf(db, c.scope, contactChartRepositories).contactChartCoverage.markCurrent(c.fiscalYear, c.facilityId, c.healthCenterId)) n++;
  }
  return n;
}
