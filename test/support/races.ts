import { expect } from 'vitest';
import type { ApiResult } from './api.ts';
import { auditEntriesOf } from './audit.ts';

/** The results of a race, with the instant it started (to find their audit entries). */
export type RaceResults<T> = ApiResult<T>[] & { since: string };

/**
 * Fires `n` requests at once (each built by `fire(i)`) and waits for all of them. The requests are started in the
 * same tick, so the handlers' reads interleave before any of their writes lands.
 */
export async function race<T = unknown>(n: number, fire: (i: number) => Promise<ApiResult<T>>): Promise<RaceResults<T>> {
  const since = new Date().toISOString();
  const results = await Promise.all(Array.from({ length: n }, (_, i) => fire(i)));
  return Object.assign(results, { since });
}

/**
 * The winner left exactly one audit entry (with this action) and every loser none: the entry is written with the
 * data, in its transaction, or not at all.
 */
export async function expectAuditedOnce(results: RaceResults<unknown>, action: string, tenantId = '36'): Promise<void> {
  const entries = await Promise.all(results.map((r) => auditEntriesOf(r.headers.get('x-request-id'), results.since, tenantId)));
  expect(
    entries.map((e) => e.map((x) => x.action)),
    `audit entries per request of ${action}`,
  ).toEqual(results.map((r) => (r.status >= 200 && r.status < 300 ? [action] : [])));
}

/** The statuses of a race, for messages: `[200, 409, 409]`. */
export const statusesOf = (results: readonly ApiResult[]) => results.map((r) => r.status);

/**
 * Exactly one winner (2xx), every other request a 409 with a JSON error body; never a 5xx, never two winners.
 * A delete's losers may find the thing gone (404) where the caller says so. Returns the winner and its index.
 */
export function expectOneWinner<T>(results: ApiResult<T>[], label: string, loserStatuses: readonly number[] = [409]): { winner: ApiResult<T>; index: number } {
  const statuses = statusesOf(results);
  const detail = `${label}: ${JSON.stringify(statuses)} ${JSON.stringify(results.filter((r) => r.status >= 300 && !loserStatuses.includes(r.status)).map((r) => r.body))}`;
  expect(
    statuses.filter((s) => s >= 500),
    detail,
  ).toEqual([]);
  const winners = results.map((r, i) => ({ r, i })).filter(({ r }) => r.status >= 200 && r.status < 300);
  expect(winners.length, detail).toBe(1);
  for (const r of results) {
    if (r.status >= 200 && r.status < 300) continue;
    expect(loserStatuses, detail).toContain(r.status);
    expect((r.body as { error?: { code?: string } })?.error?.code, detail).toEqual(expect.any(String));
  }
  const w = winners[0] as { r: ApiResult<T>; i: number };
  return { winner: w.r, index: w.i };
}

/**
 * Makes every profile of a vendor's response complete (a new vendor campaign carries the vendor's profiles forward
 * from its last one, whatever they hold), so that the response can be submitted. Returns the response's version.
 */
export async function completeVendorProfiles(
  base: string,
  as: string,
  changes: unknown[],
  api: (method: string, path: string, opts: { as: string; body?: unknown }) => Promise<ApiResult<unknown>>,
): Promise<number> {
  type View = { version: number; profiles: { id: string; name: string; systems: string[]; version: number }[] };
  const view = (await api('GET', `${base}/response`, { as })).body as View;
  const profiles = view.profiles.length ? view.profiles : [{ id: 'standard', name: '標準回答', systems: [], version: 0 }];
  for (const p of profiles) {
    const res = await api('PUT', `${base}/profiles/${p.id}`, { as, body: { expectedVersion: p.version, name: p.name, systems: p.systems, changes } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  return ((await api('GET', `${base}/response`, { as })).body as View).version;
}
