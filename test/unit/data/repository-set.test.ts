import * as data from '@mcr/data';
import { auditRepositories, createDb, createRepositories, organisationRepositories, repositoriesOf } from '@mcr/data';
import { describe, expect, it } from 'vitest';

/**
 * A function names the repository factories it uses (decision 0025): `repositoriesOf` merges their groups, so two
 * factories must never build a group of the same name (the later would silently replace the earlier at run time,
 * while the types promise both), and `createRepositories` (seed, tests, scripts) must still build every group.
 */

const db = createDb({ tableName: 'unit', region: 'ap-northeast-1', endpoint: 'http://127.0.0.1:1' });
const scope = { tenantId: '36' };

/** Every factory `@mcr/data` exports: `<name>Repositories(db, scope)`, not the two that build everything or the registry. */
const factories = (Object.entries(data) as [string, unknown][]).filter(
  (e): e is [string, data.RepositoryFactory] =>
    /^[a-z]\w*Repositories$/.test(e[0]) && typeof e[1] === 'function' && !['createRepositories', 'createOperatorRepositories'].includes(e[0]),
);

describe('the repository factories', () => {
  it('are all exported, each building groups of its own', () => {
    expect(factories.length).toBeGreaterThanOrEqual(20);
    const owner = new Map<string, string>();
    for (const [name, factory] of factories) {
      const groups = Object.keys(factory(db, scope));
      expect(groups.length, name).toBeGreaterThan(0);
      for (const g of groups) {
        expect(owner.get(g), `group ${g} of ${name}`).toBeUndefined();
        owner.set(g, name);
      }
    }
    expect([...owner.keys()].sort()).toEqual(Object.keys(createRepositories(db, scope)).sort());
  });

  it('merge into the groups of the factories named, and no other', () => {
    const r = repositoriesOf(db, scope, organisationRepositories, auditRepositories);
    expect(Object.keys(r).sort()).toEqual([...Object.keys(organisationRepositories(db, scope)), 'audit'].sort());
    expect(typeof r.memberships.page).toBe('function');
    expect(typeof r.audit.page).toBe('function');
    // A group not named is a type error (checked by `tsc -b`), not only `undefined` at run time.
    // @ts-expect-error campaignRepositories was not named
    expect(r.campaigns).toBeUndefined();
  });
});
