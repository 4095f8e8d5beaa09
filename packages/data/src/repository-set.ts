import type { Db } from './client.ts';
import type { TenantScope } from './keys.ts';

/**
 * One repository factory (`organisationRepositories`, `auditRepositories` …): the groups of one area, bound to a
 * tenant. A function names the factories it uses and bundles only their modules (decision 0025); `createRepositories`
 * builds them all, for the seed, the tests and the scripts.
 */
export type RepositoryFactory = (db: Db, scope: TenantScope) => object;

/** The groups of the factories given, merged: the intersection of their return types. */
export type RepositoriesOf<F extends readonly RepositoryFactory[]> = F extends readonly [
  infer Head extends RepositoryFactory,
  ...infer Tail extends readonly RepositoryFactory[],
]
  ? ReturnType<Head> & RepositoriesOf<Tail>
  : unknown;

/**
 * The groups of `factories` bound to one tenant. A group no factory given provides is a type error where it is
 * used, not `undefined` at run time.
 */
export function repositoriesOf<const F extends readonly [RepositoryFactory, ...RepositoryFactory[]]>(
  db: Db,
  scope: TenantScope,
  ...factories: F
): RepositoriesOf<F> {
  const merged: Record<string, unknown> = {};
  for (const factory of factories) Object.assign(merged, factory(db, scope));
  return merged as RepositoriesOf<F>;
}
