import { pathParamNames, type RouteDef, type RouteId, routeList } from '@mcr/contract';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { DEMO_VENDOR_CAMPAIGN } from '../../packages/local/src/seed/demo-vendor-campaign.ts';
import { api, login, settle, USERS } from '../support/api.ts';
import { type ErrorJson, send } from '../support/raw-request.ts';
import {
  bodyMutations,
  CONTENT_TYPES,
  type DraftRequest,
  jsonSchemaOf,
  type Json,
  type Mutation,
  minimalValue,
  type Part,
  pathMutations,
  queryMutations,
  toJsonText,
  wholeBodyMutations,
} from '../support/schema-fuzz.ts';

/**
 * Bad input on every route, generated from the route table and the contract's schemas (issue 12, item 2). Every
 * route, called by a user of a role it allows, gets a few generated requests with one or two places broken (wrong
 * types, missing and extra fields, huge strings, deep nesting, NUL and odd Unicode, prototype keys, invalid JSON,
 * another Content-Type, absurd dates and numbers, broken percent-encoding in the path). The expectation comes from
 * the route's own schemas, parsed here as the pipeline parses them (path, then query, then body):
 * - never a 5xx, and every 4xx is the JSON error body (code, message in Japanese and English, request id);
 * - a request the schemas refuse is a 400 whose `fields[].field` names exactly the places the schema names (each
 *   place named, nothing else named); a body that is not JSON a 400 naming `body`; another Content-Type a 415
 *   naming the header; a path that does not decode a 400 naming `path`;
 * - a route that writes gets only requests its schemas refuse, and afterwards the audit log (read as the prefecture)
 *   and the record it would have changed (read back through the route that reads it) are as they were.
 * The run is seeded: FUZZ_SEED=<seed printed below> repeats it (each route's seed is derived from it and the route's
 * id, so the order of the tests does not matter); FUZZ_RUNS sets the requests per route.
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
const T36 = tokushima();

type Route = RouteDef & { id: RouteId };
const writes = (r: Route) => r.access === 'read-write';

const USER_OF_ROLE: Record<string, string> = {
  pref_admin: USERS.pref36,
  facility_admin: USERS.hospitalAdmin36,
  facility_member: USERS.hospitalStaff36,
  inspector: USERS.inspector36,
  vendor_user: USERS.vendor36,
  operator: USERS.operator,
};
/** The user the route is tried as: the first of these roles it allows (none for public routes). */
function userFor(route: RouteDef): string | null {
  if (route.auth === 'public') return null;
  const role = ['pref_admin', 'facility_admin', 'facility_member', 'inspector', 'vendor_user', 'operator'].find((r) => route.roles.includes(r as never));
  if (!role) throw new Error(`no demo user for ${route.path}`);
  return USER_OF_ROLE[role] as string;
}

/** Path parameters of real demo records where there are some (the rest: a value of the schema's form). */
const known: Record<string, (route: RouteDef) => string | undefined> = {
  campaignId: (r) => (r.path.includes('/vendors/') ? DEMO_VENDOR_CAMPAIGN.id : T36.campaign.id),
  // The vendor's routes aim at a facility it has a contract with; the rest at the hospital administrator's own.
  facilityId: (r) =>
    r.path.includes('/vendors/{vendorId}/facilities/')
      ? T36.contracts.find((c) => c.vendorId === T36.users.find((u) => u.email === USERS.vendor36)?.orgId)?.facilityId
      : T36.users.find((u) => u.email === USERS.hospitalAdmin36)?.orgId,
  vendorId: () => T36.users.find((u) => u.email === USERS.vendor36)?.orgId,
  templateId: () => T36.campaign.templateId,
  userId: () => login(USERS.hospitalStaff36).userId,
  sessionId: () => firstIds.sessionId,
  incidentId: () => firstIds.incidentId,
};
const firstIds: Record<string, string | undefined> = {};

/** How a schema failure is named: `body.changes[0].answer`, `query.limit`, `path.facilityId` (written out here, not
 * taken from the product's formatter, so that a change there shows). */
const place = (part: string, path: ReadonlyArray<PropertyKey>) =>
  path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : `${acc}.${String(k)}`), part);

interface Prepared {
  route: Route;
  as: string | null;
  base: DraftRequest;
  /** The base request passes the route's schemas (so a refusal is the mutation's doing). */
  baseValid: boolean;
  mutation: fc.Arbitrary<Mutation>;
}

function prepare(route: Route): Prepared {
  const names = pathParamNames(route.path);
  const paramSchema = jsonSchemaOf(route.params);
  const params: Record<string, string> = {};
  for (const name of names) {
    const value = known[name]?.(route) ?? (minimalValue((paramSchema.root.properties as Json)[name], paramSchema.defs) as string);
    params[name] = encodeURIComponent(value);
  }
  const querySchema = jsonSchemaOf(route.query);
  const queryBase = minimalValue(querySchema.root, querySchema.defs) as Json;
  const query = Object.entries(queryBase).map(([k, v]) => [k, String(v)] as [string, string]);
  const hasBody = route.body.def.type !== 'undefined';
  let body: DraftRequest['body'];
  let bodyMutation: fc.Arbitrary<Mutation> | undefined;
  if (hasBody) {
    const schema = jsonSchemaOf(route.body);
    const candidates = [minimalValue(schema.root, schema.defs), minimalValue(schema.root, schema.defs, true)];
    const value = candidates.find((c) => route.body.safeParse(c).success) ?? candidates[0];
    body = { value };
    bodyMutation = bodyMutations(schema, value);
  }
  const base: DraftRequest = { params, query, body, contentType: undefined };
  const options: { weight: number; arbitrary: fc.Arbitrary<Mutation> }[] = [{ weight: route.method === 'GET' ? 2 : 1, arbitrary: queryMutations(querySchema) }];
  if (names.length) options.push({ weight: 2, arbitrary: pathMutations(paramSchema, names) });
  if (route.method !== 'GET') options.push({ weight: 2, arbitrary: wholeBodyMutations() });
  if (bodyMutation) options.push({ weight: 6, arbitrary: bodyMutation });
  const baseValid = expectationOf(route, written(route, base)).kind === 'passes';
  // A route that writes, sent a request its schemas accept but aimed under a record that does not exist (its first path
  // parameter, well-formed): the handler must refuse it (403/404/409) and write nothing there either.
  const first = names[0];
  if (writes(route) && baseValid && first) {
    const pattern = ((paramSchema.root.properties as Record<string, Json>)[first]?.pattern as string | undefined) ?? '^[A-Za-z0-9_-]{1,64}$';
    const unknown = fc
      .stringMatching(new RegExp(pattern))
      .filter((v) => v.length >= 8 && encodeURIComponent(v) !== params[first])
      .map<Mutation>((v) => ({
        kind: 'unknown record',
        part: 'path',
        at: [first],
        apply: (r) => ({ ...r, params: { ...r.params, [first]: encodeURIComponent(v) } }),
      }));
    options.push({ weight: 2, arbitrary: unknown });
  }
  return { route, as: userFor(route), base, baseValid, mutation: fc.oneof(...options) };
}

interface Written {
  method: string;
  path: string;
  body: string | undefined;
  contentType: string | undefined;
}
function written(route: RouteDef, d: DraftRequest): Written {
  const path = route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, n: string) => d.params[n] as string);
  const search = d.query.length ? `?${new URLSearchParams(d.query).toString()}` : '';
  const body = d.body === undefined ? undefined : 'text' in d.body ? d.body.text : toJsonText(d.body.value);
  return { method: route.method, path: `${path}${search}`, body, contentType: d.contentType ?? (body !== undefined ? 'application/json' : undefined) };
}

type Expectation = { kind: 'status'; status: 413 | 415; field?: string } | { kind: 'refused'; part: Part; issues: string[][] } | { kind: 'passes' };

function decodes(raw: string): boolean {
  try {
    decodeURIComponent(raw);
    return true;
  } catch {
    return false;
  }
}

/** What the API must answer, from the route's schemas, in the pipeline's order (front door, body gate, path, query, body). */
function expectationOf(route: RouteDef, w: Written): Expectation {
  const url = new URL(w.path, 'http://localhost');
  if (!decodes(url.pathname)) return { kind: 'refused', part: 'path', issues: [['path']] };
  if (w.body !== undefined && w.body !== '') {
    const json = w.contentType === 'application/json' || CONTENT_TYPES.find(([t]) => t === w.contentType)?.[1];
    if (!json) return { kind: 'status', status: 415, field: 'header.content-type' };
    if (Buffer.byteLength(w.body) > (route.maxBodyKiB ?? 256) * 1024) return { kind: 'status', status: 413 };
  }
  const names = pathParamNames(route.path);
  const m = new RegExp(`^${route.path.replace(/\{[A-Za-z0-9_]+\}/g, '([^/]+)')}$`).exec(url.pathname);
  const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m?.[i + 1] ?? '')]));
  const joined = new Map<string, string>();
  for (const [k, v] of url.searchParams) joined.set(k, joined.has(k) ? `${joined.get(k)},${v}` : v);
  const query = Object.fromEntries(joined);
  const checks: [Part, z.ZodMiniType, () => unknown][] = [
    ['path', route.params, () => params],
    ['query', route.query, () => query],
    ['body', route.body, () => (w.body === undefined || w.body === '' ? undefined : JSON.parse(w.body))],
  ];
  for (const [part, schema, input] of checks) {
    let value: unknown;
    try {
      value = input();
    } catch {
      return { kind: 'refused', part, issues: [['body']] };
    }
    const res = schema.safeParse(value);
    if (!res.success) {
      const issues = res.error.issues.map((i) => {
        const at = place(part, i.path);
        // An unknown key is named itself (`body.isAdmin`); several at once, by the object that has them or each.
        if (i.code !== 'unrecognized_keys') return [at];
        const keys = i.keys.map((k) => place(part, [...i.path, k]));
        return keys.length === 1 ? keys : [at, ...keys];
      });
      return { kind: 'refused', part, issues };
    }
  }
  return { kind: 'passes' };
}

/** Writes nothing: the 4xx/5xx checks of one answer against its expectation. */
function check(expected: Expectation, res: { status: number; json: ErrorJson; text: string }, label: string, mayPass: boolean) {
  const show = `${label}\n→ ${res.status} ${res.text.slice(0, 600)}`;
  expect(res.status, show).toBeLessThan(500);
  if (res.status >= 400) {
    const e = res.json.error;
    expect(typeof e?.code, show).toBe('string');
    expect(e?.message?.ja, show).toEqual(expect.any(String));
    expect(e?.message?.en, show).toEqual(expect.any(String));
    expect(e?.requestId, show).toEqual(expect.any(String));
  }
  if (expected.kind === 'status') {
    expect(res.status, show).toBe(expected.status);
    if (expected.field)
      expect(
        res.json.error?.fields?.map((f) => f.field),
        show,
      ).toEqual([expected.field]);
    return;
  }
  if (expected.kind === 'refused') {
    expect(res.status, show).toBe(400);
    expect(res.json.error?.code, show).toBe('VALIDATION_FAILED');
    const fields = (res.json.error?.fields ?? []).map((f) => f.field);
    expect(fields.length, show).toBeGreaterThan(0);
    const named = new Set(expected.issues.flat());
    for (const f of res.json.error?.fields ?? []) {
      expect(named.has(f.field), `${show}\nnames ${f.field}, not one of ${[...named].join(' ')}`).toBe(true);
      expect(f.message?.ja && f.message.en, show).toBeTruthy();
    }
    for (const places of expected.issues)
      expect(
        fields.some((f) => places.includes(f)),
        `${show}\ndoes not name ${places[0]}`,
      ).toBe(true);
    return;
  }
  // A write route gets a request its schemas accept only when it aims at a record that does not exist (the caller checks
  // the refusal).
  expect(mayPass || res.status >= 400, `${show}\na write route accepted a request`).toBe(true);
  if (res.status >= 400 && res.json.error?.code === 'VALIDATION_FAILED') {
    for (const f of res.json.error.fields ?? []) expect(f.field, show).toMatch(/^(path|query|body|header)\b/);
  }
}

const describeRequest = (w: Written, kinds: string[]) => {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return `[${kinds.join(', ')}] ${w.method} ${cut(w.path)} ${w.contentType ?? '(no content type)'} ${w.body === undefined ? '' : cut(JSON.stringify(w.body))}`;
};

/** The records a write route would change, read back the way the product reads them: the nearest route above its
 * path that reads (`PUT …/contracts/{vendorId}` → `GET …/contracts`), as a user it allows. */
function readBackOf(p: Prepared): { path: string; as: string } | undefined {
  let path = p.route.path;
  while (path.startsWith('/api/') && path.length > '/api/'.length) {
    const get = routeList.find((r) => r.method === 'GET' && r.path === path && r.auth === 'user');
    if (get) {
      const role = p.as === null ? undefined : Object.entries(USER_OF_ROLE).find(([, email]) => email === p.as)?.[0];
      const as = role && get.roles.includes(role as never) ? (p.as as string) : (userFor(get) as string);
      return { path: path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, n: string) => p.base.params[n] as string), as };
    }
    path = path.slice(0, path.lastIndexOf('/'));
  }
  return undefined;
}

async function snapshot(p: Prepared, readBack: { path: string; as: string } | undefined) {
  await settle();
  const audit = await api<{ items: unknown[] }>('GET', '/api/audit?limit=20', { as: USERS.pref36 });
  expect(audit.status).toBe(200);
  const record = readBack ? await api('GET', readBack.path, { as: readBack.as }) : undefined;
  if (record) expect(record.status, `${p.route.id}: read back ${readBack?.path}: ${JSON.stringify(record.body)}`).toBe(200);
  return { audit: audit.body.items, record: record?.body };
}

/** Per route: the seed it ran with and the kinds of mutation it was sent, for the summary printed at the end. */
const tally = new Map<string, number>();
const invalidBases: string[] = [];
const statuses = new Map<number, number>();
let requests = 0;
const started = Date.now();

beforeAll(async () => {
  console.info(`fuzz-input: seed ${SEED} (FUZZ_SEED=${SEED} repeats this run), ${RUNS} requests per route`);
  const trainings = await api<{ items?: { sessionId: string }[] }>('GET', '/api/trainings', { as: USERS.pref36 });
  firstIds.sessionId = trainings.body.items?.[0]?.sessionId;
  const incidents = await api<{ items?: { incidentId: string }[] }>('GET', '/api/incidents', { as: USERS.hospitalAdmin36 });
  firstIds.incidentId = incidents.body.items?.[0]?.incidentId;
  expect(firstIds.sessionId && firstIds.incidentId, 'a demo training and incident to aim at').toBeTruthy();
});

afterAll(() => {
  const kinds = [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  if (invalidBases.length) console.info(`fuzz-input: no accepted request to start from (every case is refused anyway): ${invalidBases.join(', ')}`);
  const answers = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status}×${n}`);
  console.info(
    `fuzz-input: ${requests} requests on ${routeList.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s — ${kinds.join(', ')}; answers ${answers.join(' ')}`,
  );
});

/** A stable number from a route id, so that each route's seed does not depend on the order the tests run in. */
const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);

describe('bad input on every route (generated from the route table and its schemas)', () => {
  it.each(routeList.map((r) => [r.id, r] as const))('%s', async (_id, route) => {
    const p = prepare(route);
    if (!p.baseValid) invalidBases.push(route.id);
    const seed = (SEED ^ hash(route.id)) >>> 0;
    const readBack = writes(route) ? readBackOf(p) : undefined;
    const before = writes(route) ? await snapshot(p, readBack) : undefined;
    const cases = fc
      .array(p.mutation, { minLength: 1, maxLength: 2 })
      .map((ms) => {
        const draft = ms.reduce((r, m) => m.apply(r), p.base);
        const w = written(route, draft);
        const kinds = ms.map((m) => `${m.kind} (${m.part})`);
        // fast-check prints a failing case with this (the request, cut to a readable length), not the whole body.
        const expected = expectationOf(route, w);
        const unknownRecord = ms.some((m) => m.kind === 'unknown record');
        return { kinds, w, expected, unknownRecord, [fc.toStringMethod]: () => describeRequest(w, kinds) };
      })
      // A route that writes only gets requests that must be refused: by its schemas, or by its handler for a record
      // that does not exist. Nothing of the demo data changes.
      .filter((c) => !writes(route) || c.expected.kind !== 'passes' || c.unknownRecord);
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const res = await send(c.w.method, c.w.path, c.w.body, c.w.contentType, p.as);
        requests++;
        for (const k of c.kinds) tally.set(k, (tally.get(k) ?? 0) + 1);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const label = `${route.id} (seed ${seed}): ${describeRequest(c.w, c.kinds)}`;
        check(c.expected, res, label, !writes(route));
        if (writes(route) && c.expected.kind === 'passes')
          expect(res.status, `${label}\n→ ${res.status} ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      }),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
    if (before) {
      const after = await snapshot(p, readBack);
      expect(after.audit, `${route.id}: the audit log changed`).toEqual(before.audit);
      expect(after.record, `${route.id}: ${readBack?.path} changed`).toEqual(before.record);
    }
  });
});
