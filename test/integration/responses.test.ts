import type { ErrorBody, ResponseView } from '@mcr/contract';
import { createDb, createRepositories, countByStatus } from '@mcr/data';
import { describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, settle, USERS } from '../support/api.ts';
import { stackInfo } from '../support/stack-info.ts';

const T36 = tokushima();
/** A facility of its own per test file, so that files do not disturb each other's versions. */
const facility = T36.facilities.find((f) => f.kind === 'hospital' && f.id !== 'f001')!;
const clinic = T36.facilities.find((f) => f.kind === 'clinic')!;
const base = (f = clinic.id) => `/api/campaigns/${T36.campaign.id}/facilities/${f}/response`;
const yes = (checkedOn = '2024-07-01') => ({ value: 'yes', checkedOn });

async function current(as: string = USERS.clinic36): Promise<ResponseView> {
  const res = await api<ResponseView>('GET', base(), { as });
  expect(res.status).toBe(200);
  return res.body;
}

describe('saving checklist answers', () => {
  it('saves a draft answer and moves the facility from 未着手 to 回答中 for the prefecture', async () => {
    // Prepare
    const before = await current();
    // Act
    const res = await api<ResponseView>('PUT', `${base()}/answers`, {
      as: USERS.clinic36,
      body: { expectedVersion: before.version, changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: yes() }] },
    });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(before.version + 1);
    expect(res.body.answers['gate:system']?.['1']?.value).toBe('yes');
    expect(res.body.status).toBe('in_progress');
    // The prefecture reads the same status (its table rows and counters follow through the read models).
    expect((await current(USERS.pref36)).status).toBe('in_progress');
  });

  it('never shows notes of another version than the answers it shows, while saves run', async () => {
    // Every save writes the note `v<version it creates>` on the gate; a read that straddled a save would show a
    // version with the note of the one before or after it.
    let version = (await current()).version;
    const seen: string[] = [];
    let saving = true;
    const reader = async () => {
      while (saving) {
        const r = await current();
        const note = r.answers['gate:system']?.['1']?.note;
        if (note !== undefined && note !== `v${r.version}`) seen.push(`version ${r.version} with note ${note}`);
      }
    };
    const readers = Promise.all([reader(), reader(), reader(), reader()]);
    for (let i = 0; i < 60; i++) {
      const res = await api<ResponseView>('PUT', `${base()}/answers`, {
        as: USERS.clinic36,
        body: { expectedVersion: version, changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: { ...yes(), note: `v${version + 1}` } }] },
      });
      expect(res.status).toBe(200);
      expect(res.body.answers['gate:system']?.['1']?.note).toBe(`v${res.body.version}`);
      version = res.body.version;
    }
    saving = false;
    await readers;
    expect(seen).toEqual([]);
  });

  it("removes a cell's note when the facility clears it (its note item is deleted, not left behind)", async () => {
    // Prepare: a note on the gate
    const before = await current();
    const withNote = await api<ResponseView>('PUT', `${base()}/answers`, {
      as: USERS.clinic36,
      body: { expectedVersion: before.version, changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: { ...yes(), note: '院内で確認中' } }] },
    });
    expect(withNote.status).toBe(200);
    expect(withNote.body.answers['gate:system']?.['1']?.note).toBe('院内で確認中');
    // Act: the same answer with its note cleared
    const cleared = await api<ResponseView>('PUT', `${base()}/answers`, {
      as: USERS.clinic36,
      body: { expectedVersion: withNote.body.version, changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: { ...yes(), note: '' } }] },
    });
    // Assess: gone from the answer and from a fresh read
    expect(cleared.status).toBe(200);
    expect(cleared.body.answers['gate:system']?.['1']?.note ?? '').toBe('');
    expect((await current()).answers['gate:system']?.['1']?.note ?? '').toBe('');
  });

  it('refuses a stale version with 409 and keeps the newer answer', async () => {
    const before = await current();
    const first = await api('PUT', `${base()}/answers`, {
      as: USERS.clinic36,
      body: { expectedVersion: before.version, changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: yes('2024-08-01') }] },
    });
    expect(first.status).toBe(200);
    const stale = await api<ErrorBody>('PUT', `${base()}/answers`, {
      as: USERS.clinic36,
      body: {
        expectedVersion: before.version,
        changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'no', checkedOn: '2024-08-02', targetDate: '2024-12-01' } }],
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.currentVersion).toBe(before.version + 1);
    expect((await current()).answers['1-1:system']?.['1']?.checkedOn).toBe('2024-08-01');
  });

  it('detects concurrent saves: exactly one of two simultaneous writers wins', async () => {
    const before = await current();
    const attempt = (d: string) =>
      api('PUT', `${base()}/answers`, {
        as: USERS.clinic36,
        body: { expectedVersion: before.version, changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: yes(d) }] },
      });
    const results = await Promise.all([attempt('2024-09-01'), attempt('2024-09-02'), attempt('2024-09-03')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await current()).version).toBe(before.version + 1);
  });

  it.each([
    [
      'a いいえ without its target date',
      { itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'no', checkedOn: '2024-07-01' } },
      'body.changes[0].answer.targetDate',
    ],
    [
      'a target date outside the fiscal year',
      { itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'no', checkedOn: '2024-07-01', targetDate: '2025-04-01' } },
      'body.changes[0].answer.targetDate',
    ],
    ['an item that is not on the form', { itemId: '9-9', deviceClass: 'system', round: 1, answer: yes() }, 'body.changes[0].itemId'],
    ['a device class the item is not answered for', { itemId: '1-1', deviceClass: 'server', round: 1, answer: yes() }, 'body.changes[0].deviceClass'],
    ['a round that does not exist', { itemId: '1-1', deviceClass: 'system', round: 4, answer: yes() }, 'body.changes[0].round'],
    [
      'a malformed date',
      { itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: '2024/07/01' } },
      'body.changes[0].answer.checkedOn',
    ],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_label, change, field) => {
    const before = await current();
    const res = await api<ErrorBody>('PUT', `${base()}/answers`, { as: USERS.clinic36, body: { expectedVersion: before.version, changes: [change] } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields?.map((f) => f.field)).toContain(field);
    expect(res.body.error.fields?.every((f) => f.message.ja && f.message.en)).toBe(true);
    expect((await current()).version).toBe(before.version);
  });

  it('refuses a body that is not JSON, and unknown fields, with 400 — never 500', async () => {
    expect((await api('PUT', `${base()}/answers`, { as: USERS.clinic36, body: '{not json' })).status).toBe(400);
    const before = await current();
    const res = await api<ErrorBody>('PUT', `${base()}/answers`, {
      as: USERS.clinic36,
      body: { expectedVersion: before.version, changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { ...yes(), score: 1 } }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]?.field).toBe('body.changes[0].answer.score');
  });

  it('lets staff of the facility answer but not the prefecture or the inspector', async () => {
    const v = (await current(USERS.pref36)).version;
    const body = { expectedVersion: v, changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: yes() }] };
    expect((await api('PUT', `${base()}/answers`, { as: USERS.pref36, body })).status).toBe(403);
    expect((await api('PUT', `${base()}/answers`, { as: USERS.inspector36, body })).status).toBe(403);
    expect((await api('PUT', `${base(facility.id)}/answers`, { as: USERS.clinic36, body })).status).toBe(403);
  });

  it('keeps the campaign totals equal to a recount of the responses', async () => {
    const s = stackInfo();
    const db = createDb({ tableName: s.tableName, region: 'ap-northeast-1', endpoint: s.services.dynamodbEndpoint });
    const repos = createRepositories(db, { tenantId: '36' });
    await settle();
    const [progress, responses] = await Promise.all([
      api<{ totals: { facilities: number; byStatus: Record<string, number> } }>('GET', `/api/campaigns/${T36.campaign.id}/progress`, { as: USERS.pref36 }),
      repos.responses.listOfCampaign(T36.campaign.id),
    ]);
    expect(progress.body.totals.byStatus).toEqual(countByStatus(responses));
    expect(progress.body.totals.facilities).toBe(responses.length);
    db.doc.destroy();
  });
});

describe('the inspector', () => {
  it('sees only the facilities of its own 保健所', async () => {
    const res = await api<{ items: { healthCenterId: string }[] }>('GET', '/api/facilities', { as: USERS.inspector36 });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBe(T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima').length);
    expect(new Set(res.body.items.map((f) => f.healthCenterId))).toEqual(new Set(['hc-tokushima']));
  });
});

describe('the front door', () => {
  it('serves the OpenAPI 3.1 document generated from the route table, without a token', async () => {
    const res = await api<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/api/campaigns/{campaignId}/facilities/{facilityId}/response/answers');
  });

  it('answers 404 for an unknown route and 405 for a wrong method, as JSON', async () => {
    expect((await api('GET', '/api/nothing-here')).status).toBe(404);
    expect((await api('DELETE', '/api/me')).status).toBe(405);
  });

  it('answers 400 naming the path for broken percent-encoding, on an API route and on a page', async () => {
    for (const path of ['/api/facilities/%ZZ', '/campaigns/%E0%A4%A']) {
      const res = await api<{ error: { code: string; fields: { field: string }[] } }>('GET', path, { as: USERS.pref36 });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields[0]?.field).toBe('path');
    }
  });

  it('returns a request id on every response', async () => {
    const res = await api('GET', '/api/me', { as: USERS.pref36 });
    expect(res.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });
});
