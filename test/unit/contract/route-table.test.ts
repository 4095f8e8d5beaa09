import { buildOpenApi, fieldErrorsFromZod, matchPath, pathParamNames, routeList, SaveAnswersBody } from '@mcr/contract';
import * as definitions from '@mcr/contract/routes';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../../..');

describe('the route table', () => {
  it('names a handler module that exists for every route', () => {
    const missing = routeList.filter((r) => !existsSync(path.join(REPO, 'functions/src/handlers', `${r.handler}.ts`))).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it("has one definition per route, whose handler module passes that definition (a function bundles only its route's schemas)", () => {
    expect(Object.keys(definitions).length).toBe(routeList.length);
    for (const r of routeList) {
      const entry = Object.entries(definitions).find(([, d]) => d.id === r.id);
      expect(entry, r.id).toBeDefined();
      const [name] = entry as [string, unknown];
      const source = readFileSync(path.join(REPO, 'functions/src/handlers', `${r.handler}.ts`), 'utf8');
      expect(source, r.handler).toMatch(new RegExp(`import \\{ ${name} \\} from '@mcr/contract/routes';`));
      expect(source, r.handler).toMatch(new RegExp(`defineHandler\\(\\s*${name},`));
    }
  });

  it('has no two routes with the same method and path', () => {
    const keys = routeList.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every route under /api a role list, except the public OpenAPI document and the secret calendar feed', () => {
    for (const r of routeList) {
      expect(r.path.startsWith('/api/')).toBe(true);
      if (r.auth === 'user') expect(r.roles.length, r.id).toBeGreaterThan(0);
      else expect(['openapi.get', 'calendar.feed']).toContain(r.id);
    }
  });

  it('never gives a GET route write access, and marks every PUT, PATCH and DELETE as writing', () => {
    for (const r of routeList) {
      if (r.method === 'GET') expect(r.access, r.id).toBe('read');
      if (['PUT', 'PATCH', 'DELETE'].includes(r.method)) expect(r.access, r.id).toBe('read-write');
    }
  });

  it('declares a schema for every path parameter', () => {
    for (const r of routeList) {
      const shape = (r.params as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      expect(Object.keys(shape).sort(), r.id).toEqual(pathParamNames(r.path).sort());
    }
  });
});

describe('matchPath', () => {
  it.each([
    ['/api/campaigns/{campaignId}/progress', '/api/campaigns/r6/progress', { campaignId: 'r6' }],
    ['/api/facilities/{facilityId}', '/api/facilities/f%20001', { facilityId: 'f 001' }],
    ['/api/facilities/{facilityId}', '/api/facilities/f001/extra', undefined],
    ['/api/me', '/api/me', {}],
    ['/api/me', '/api/me/', undefined],
  ])('%s against %s', (route, actual, expected) => {
    expect(matchPath(route, actual)).toEqual(expected);
  });
});

describe('field errors', () => {
  it('name the field with its place in the request, in Japanese and English', () => {
    const res = SaveAnswersBody.safeParse({ expectedVersion: -1, changes: [{ itemId: '1-1', deviceClass: 'printer', round: 1, answer: null }] });
    expect(res.success).toBe(false);
    const fields = fieldErrorsFromZod(res.error?.issues ?? [], 'body');
    expect(fields.map((f) => f.field)).toEqual(['body.expectedVersion', 'body.changes[0].deviceClass']);
    for (const f of fields) {
      expect(f.message.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(f.message.en).toMatch(/[A-Za-z]/);
    }
  });

  it('say "required" only when the value is missing', () => {
    const missing = fieldErrorsFromZod(SaveAnswersBody.safeParse({ changes: [] }).error?.issues ?? [], 'body');
    expect(missing.find((f) => f.field === 'body.expectedVersion')?.message.ja).toBe('必須項目です');
    const wrong = fieldErrorsFromZod(SaveAnswersBody.safeParse({ expectedVersion: 'x', changes: [] }).error?.issues ?? [], 'body');
    expect(wrong.find((f) => f.field === 'body.expectedVersion')?.message.ja).not.toBe('必須項目です');
  });

  it('point at the unknown key itself', () => {
    const res = SaveAnswersBody.safeParse({
      expectedVersion: 0,
      changes: [{ itemId: 'a', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: '2024-07-01', extra: 1 } }],
    });
    expect(fieldErrorsFromZod(res.error?.issues ?? [], 'body')[0]?.field).toBe('body.changes[0].answer.extra');
  });
});

describe('the OpenAPI document', () => {
  it('describes every route of the table as OpenAPI 3.1, with bearer security on authenticated routes', () => {
    const doc = buildOpenApi() as { openapi: string; paths: Record<string, Record<string, { operationId: string; security: unknown[] }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const r of routeList) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()];
      expect(op?.operationId, r.id).toBe(r.id);
      expect(op?.security.length, r.id).toBe(r.auth === 'user' ? 1 : 0);
    }
  });
});
