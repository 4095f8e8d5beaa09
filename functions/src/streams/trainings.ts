import { createHash } from 'node:crypto';
import { type Db, repositoriesOf, type TenantScope, trainingCoverageRepositories } from '@mcr/data';

/**
 * Training coverage read model (decision 0014), fed by the table's stream: a registration that becomes attended
 * (confirmed and `attended: true`) adds one to its facility's count for the session's fiscal year; one that stops
 * being attended (un-marked, cancelled, removed) takes one away. The first attended session of a facility in a year
 * adds the facility to its slices' covered counts (the prefecture and its 保健所), the last one removed takes it
 * out. Atomic counter updates keyed by tenant and fiscal year; never a scan.
 */
type Item = Record<string, unknown>;

export interface CoverageChange {
  scope: TenantScope;
  fiscalYear: number;
  facilityId: string;
  healthCenterId: string;
  delta: 1 | -1;
  token: string;
}

const isRegistration = (i: Item | null): i is Item => i?.type === 'TrainingRegistration';
const attended = (i: Item | null) => isRegistration(i) && i.status === 'confirmed' && i.attended === true;

/** Adds the coverage change of one stream record (if any) to `changes`. */
export function collectCoverage(changes: CoverageChange[], scope: TenantScope, before: Item | null, after: Item | null, eventId: string): void {
  if (!isRegistration(before) && !isRegistration(after)) return;
  const delta = Number(attended(after)) - Number(attended(before));
  if (delta === 0) return;
  const source = (attended(after) ? after : before) as Item;
  if (typeof source.fiscalYear !== 'number' || typeof source.facilityId !== 'string' || typeof source.healthCenterId !== 'string') return;
  changes.push({
    scope,
    fiscalYear: source.fiscalYear,
    facilityId: source.facilityId,
    healthCenterId: source.healthCenterId,
    delta: delta > 0 ? 1 : -1,
    // One token per stream record: a retried batch does not count a change twice (DynamoDB keeps tokens 10 minutes).
    token: createHash('sha256').update(`${scope.tenantId}/training-coverage/${eventId}`).digest('hex').slice(0, 32),
  });
}

/** Applies the changes in record order (a facility's transitions depend on its count). */
export async function applyCoverage(db: Db, changes: readonly CoverageChange[]): Promise<number> {
  for (const c of changes) {
    await repositoriesOf(db, c.scope, trainingCoverageRepositories).trainingCoverage.applyCoverageDelta(
      c.fiscalYear,
      c.facilityId,
      c.healthCenterId,
      c.delta,
      c.token,
    );
  }
  return changes.length;
}
