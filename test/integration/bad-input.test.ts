import { routeList } from '@mcr/contract';
import { describe, expect, it } from 'vitest';
import { api, USERS } from '../support/api.ts';
import { send } from '../support/raw-request.ts';

/**
 * Malformed bodies through the local front door and the real handlers (issue 11): on every route that takes a
 * request body, a body that is not declared JSON is a 415 naming the Content-Type header and a JSON body one byte
 * over the route's limit is a 413 — never a 5xx — and nothing is written. (Issue 12 fuzzes every route further.)
 */

const writeRoutes = routeList.filter((r) => r.method !== 'GET');
const withBody = writeRoutes.filter((r) => r.body.def.type !== 'undefined');
/** Any value for each path parameter: the body is refused before the path is looked at. */
const pathOf = (path: string) => path.replace(/\{[^}]+\}/g, 'x');

/** A JSON object of exactly `bytes` bytes. */
function jsonOfSize(bytes: number): string {
  const head = '{"pad":"';
  return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
}

describe('a body that is not JSON', () => {
  it('covers every route that takes a body', () => {
    expect(withBody.length).toBeGreaterThan(40);
  });

  const types: [string, string | undefined][] = [
    ['no Content-Type', undefined],
    ['text/plain', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=----mcr'],
  ];

  it.each(writeRoutes.map((r) => [r.id, r] as const))('%s: 415 naming the header for every other type', async (_id, route) => {
    for (const [name, type] of types) {
      const body = type?.startsWith('multipart') ? '------mcr\r\nContent-Disposition: form-data; name="a"\r\n\r\n{}\r\n------mcr--\r\n' : '{"a":1}';
      const res = await send(route.method, pathOf(route.path), body, type);
      expect(res.status, `${name}: ${JSON.stringify(res.json)}`).toBe(415);
      expect(res.json.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(res.json.error?.fields?.[0]?.field).toBe('header.content-type');
      expect(res.json.error?.message?.ja).toContain('Content-Type');
    }
  });
});

describe('a body over the route limit', () => {
  it.each(withBody.map((r) => [r.id, r] as const))('%s: 413 one byte over, not a 5xx', async (_id, route) => {
    const limit = (route.maxBodyKiB ?? 256) * 1024;
    const res = await send(route.method, pathOf(route.path), jsonOfSize(limit + 1), 'application/json; charset=utf-8');
    expect(res.status, JSON.stringify(res.json)).toBe(413);
    expect(res.json.error?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 413 with the usual error body for a body over what API Gateway and Lambda take (6 MiB), from the front door', async () => {
    const res = await send(
      'PUT',
      pathOf(routeList.find((r) => r.id === 'responses.saveAnswers')?.path ?? ''),
      jsonOfSize(6 * 1024 * 1024 + 1),
      'application/json',
    );
    expect(res.status).toBe(413);
    expect(res.json.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json.error?.message?.ja).toContain('大きすぎ');
  });

  it('answers a 4xx, never a 5xx, for a body at the limit (it reaches the schema, which names what is wrong)', async () => {
    for (const route of withBody) {
      const limit = (route.maxBodyKiB ?? 256) * 1024;
      const res = await send(route.method, pathOf(route.path), jsonOfSize(limit), 'application/json');
      expect(res.status, `${route.id}: ${JSON.stringify(res.json)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${route.id}: ${JSON.stringify(res.json)}`).toBeLessThan(500);
      expect(res.status, route.id).not.toBe(413);
    }
  });
});

describe('a body nested 100,000 deep', () => {
  it('is a 4xx on every route with a body (the schema refuses it at the first level; nothing recurses into it)', async () => {
    const deep = `{"expectedVersion":1,"changes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    for (const route of withBody) {
      const res = await send(route.method, pathOf(route.path), deep, 'application/json');
      expect(res.status, `${route.id}: ${JSON.stringify(res.json)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${route.id}: ${JSON.stringify(res.json)}`).toBeLessThan(500);
    }
  });
});

describe('a refused body writes nothing', () => {
  it('creates no vendor from a form, text or an oversized body; the same body as JSON creates it', async () => {
    const name = `入力検査ベンダー${Date.now()}`;
    const valid = { name, contactEmail: `input-${Date.now()}@vendor.example.jp` };
    const names = async () => (await api<{ items: { name: string }[] }>('GET', '/api/vendors', { as: USERS.pref36 })).body.items.map((v) => v.name);
    expect((await send('POST', '/api/vendors', new URLSearchParams(valid).toString(), 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await send('POST', '/api/vendors', JSON.stringify(valid), 'text/plain')).status).toBe(415);
    expect((await send('POST', '/api/vendors', JSON.stringify(valid), undefined)).status).toBe(415);
    const oversized = JSON.stringify({ ...valid, contactEmail: `${'a'.repeat(256 * 1024)}@vendor.example.jp` });
    expect((await send('POST', '/api/vendors', oversized, 'application/json')).status).toBe(413);
    expect(await names()).not.toContain(name);
    const created = await send('POST', '/api/vendors', JSON.stringify(valid), 'application/json; charset=utf-8');
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(await names()).toContain(name);
  });
});
