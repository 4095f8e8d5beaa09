import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys, nameKey } from '../../../packages/data/src/keys.ts';

/**
 * Tenant isolation by construction (packages/data/src/keys.ts): every partition key a builder makes, in the table and
 * in each index, starts with the scope's tenant, and two tenants' keys never meet; the sort keys keep the order and
 * the prefixes the queries rely on.
 */

type Builder = (...args: unknown[]) => unknown;
const builders = (Object.entries(keys) as [string, unknown][]).filter((e): e is [string, Builder] => typeof e[1] === 'function');
const PARTITION_ATTRIBUTES = ['PK', 'GSI1PK', 'GSI2PK'];

/** Each builder's arguments after the scope: strings, except the numbers of a submission round, a page, a sequence. */
function args(name: string, text: string, n: number): unknown[] {
  const numeric: Record<string, number[]> = { submission: [2], campaignTarget: [1], audit: [2] };
  const fn = keys[name as keyof typeof keys] as Builder;
  const list: unknown[] = Array.from({ length: Math.max(0, fn.length - 1) }, () => text);
  for (const i of numeric[name] ?? []) list[i] = n;
  if (name === 'audit') list[0] = '2026-04-01T00:00:00.000Z';
  return list;
}

/** The partition keys a builder makes: a string result (a partition of its own) or the *PK attributes. */
function partitions(result: unknown): string[] {
  if (typeof result === 'string') return [result];
  if (typeof result === 'object' && result !== null)
    return PARTITION_ATTRIBUTES.filter((a) => a in result).map((a) => (result as Record<string, string>)[a] as string);
  return [];
}

describe('keys', () => {
  it('every builder taking a scope makes partition keys that start with the tenant, whatever the ids', () => {
    const scoped = builders.filter(([name]) => name !== 'facilitiesOfHealthCenterPrefix');
    expect(scoped.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(fc.constantFrom('36', '37', '01', '47'), fc.string({ maxLength: 12 }), fc.nat({ max: 9999 }), (tenant, text, n) => {
        for (const [name, fn] of scoped) {
          const pks = partitions(fn({ tenantId: tenant }, ...args(name, text, n)));
          expect(pks.length, name).toBeGreaterThan(0);
          for (const pk of pks) expect(pk === `T#${tenant}` || pk.startsWith(`T#${tenant}#`), `${name}: ${pk}`).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("two tenants' keys for the same ids differ in every partition", () => {
    for (const [name, fn] of builders.filter(([n]) => n !== 'facilitiesOfHealthCenterPrefix')) {
      const a = partitions(fn({ tenantId: '36' }, ...args(name, 'x', 1)));
      const b = partitions(fn({ tenantId: '37' }, ...args(name, 'x', 1)));
      for (const pk of a) expect(b, name).not.toContain(pk);
    }
  });

  it('the exact keys of the records the checks read first: membership, facility, response, audit', () => {
    const s = { tenantId: '36' };
    expect(keys.tenant(s)).toEqual({ PK: 'T#36', SK: 'PROFILE' });
    expect(keys.membership(s, 'u1')).toEqual({ PK: 'T#36#USER#u1', SK: 'MEMBERSHIP' });
    expect(keys.facility(s, 'f1')).toEqual({ PK: 'T#36#FAC#f1', SK: 'PROFILE' });
    expect(keys.response(s, 'c1', 'f1')).toEqual({ PK: 'T#36#CAMP#c1', SK: 'RESP#FAC#f1' });
    expect(keys.audit(s, '2026-04-05T01:02:03.000Z', 'req', 2)).toEqual({ PK: 'T#36#AUDIT#2026-04', SK: '2026-04-05T01:02:03.000Z#req#2' });
    expect(keys.auditByOrg(s, 'o1', '2026-04-05T01:02:03.000Z')).toEqual({ GSI1PK: 'T#36#AUDIT#ORG#o1', GSI1SK: '2026-04-05T01:02:03.000Z' });
    expect(keys.campaignTarget(s, 'c1', 7)).toEqual({ PK: 'T#36#CAMP#c1', SK: 'TARGET#0007' });
    expect(keys.facilityIndex(s, 'hc1', 'f1', 'Ａ病院 ')).toEqual({ GSI1PK: 'T#36#FACILITIES', GSI1SK: 'HC#hc1#FAC#a病院#f1' });
    expect(keys.facilitiesOfHealthCenterPrefix('hc1')).toBe('HC#hc1#FAC#');
  });

  it('nameKey folds width and case and trims, so that a search finds ＡＢＣ, abc and ｶﾅ alike', () => {
    expect(nameKey(' ＡＢＣ病院 ')).toBe('abc病院');
    expect(nameKey('ｶﾅ')).toBe('カナ');
    expect(nameKey('Abc')).toBe(nameKey('ａｂｃ'));
  });
});
