import type { ErrorBody, ListTemplatesResponse, ResponseView, TemplateSummary, TemplateView } from '@mcr/contract';
import { getBuiltInTemplate, type Template } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';
import { asChanges, completeAnswers, nextVersionFile } from '../support/templates.ts';

const T36 = tokushima();
const R6 = getBuiltInTemplate('mhlw-facility-r6') as Template;
const R7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
/** Facilities no other test file touches. */
const hospital = T36.facilities.find((f) => f.id === 'f010')!;
const contracted = new Set(T36.contracts.map((c) => c.facilityId));
const upload = (id: string, file: unknown = nextVersionFile(id)) =>
  api<TemplateSummary | ErrorBody>('POST', '/api/templates', {
    as: USERS.pref36,
    body: { fileName: `${id}.json`, content: typeof file === 'string' ? file : JSON.stringify(file, null, 2) },
  });

describe('loading a new checklist version from a file', () => {
  const id = `pref-r8-${Date.now()}`;

  it('accepts a valid file: the version appears in the list and can be read, with no code change', async () => {
    const res = await upload(id);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ id, builtIn: false, fiscalYear: 2026, previousId: 'mhlw-facility-r7', itemCount: 19 });
    const list = await api<ListTemplatesResponse>('GET', '/api/templates', { as: USERS.pref36 });
    expect(list.body.items.map((t) => t.id)).toContain(id);
    expect(list.body.items.filter((t) => t.builtIn).map((t) => t.id)).toEqual(expect.arrayContaining(['mhlw-facility-r6', 'mhlw-facility-r7', 'mhlw-bcp-r6']));
    const one = await api<TemplateView>('GET', `/api/templates/${id}`, { as: USERS.pref36 });
    expect(one.body.template.sections.length).toBe(R7.sections.length);
  });

  it('refuses the same id twice, and a built-in id, with 409', async () => {
    expect((await upload(id)).status).toBe(409);
    expect((await upload('mhlw-facility-r7')).status).toBe(409);
  });

  it('reports a JSON syntax error with its line, and writes nothing', async () => {
    const text = `{\n  "formatVersion": 1,\n  "id": "broken",\n  "form": "facility",,\n}`;
    const res = await upload('broken', text);
    expect(res.status).toBe(400);
    const fields = (res.body as ErrorBody).error.fields ?? [];
    expect(fields[0]).toMatchObject({ field: 'content', line: 4 });
    expect((await api('GET', '/api/templates/broken', { as: USERS.pref36 })).status).toBe(404);
  });

  it('refuses a file nested 10,000 deep with a 400 naming the content (the parser is never reached), and writes nothing', async () => {
    const deep = `{"id": "deep", "items": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await upload('deep', deep);
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).error.fields?.[0]).toMatchObject({ field: 'content', code: 'json_too_deep' });
    expect((await api('GET', '/api/templates/deep', { as: USERS.pref36 })).status).toBe(404);
  });

  it('reports every wrong field by path and line, in Japanese and English', async () => {
    const file = nextVersionFile('pref-bad') as { sections: { items: Record<string, unknown>[] }[] };
    const items = file.sections[2]?.items ?? [];
    (items[0] as Record<string, unknown>).cells = ['printer'];
    const text = JSON.stringify(file, null, 2);
    const res = await upload('pref-bad', text);
    expect(res.status).toBe(400);
    const fields = (res.body as ErrorBody).error.fields ?? [];
    const cells = fields.find((f) => f.field === 'content.sections[2].items[0].cells[0]');
    expect(cells?.line).toBe(text.split('\n').findIndex((l) => l.includes('"printer"')) + 1);
    expect(fields.every((f) => f.message.ja && f.message.en)).toBe(true);
    expect((await api('GET', '/api/templates/pref-bad', { as: USERS.pref36 })).status).toBe(404);
  });

  it('checks the file as a whole too: duplicate ids are named with their line', async () => {
    const file = nextVersionFile('pref-dup') as { sections: { items: Record<string, unknown>[] }[] };
    const items = file.sections[2]?.items ?? [];
    (items[1] as Record<string, unknown>).id = (items[2] as Record<string, unknown>).id;
    const res = await upload('pref-dup', JSON.stringify(file, null, 2));
    expect(res.status).toBe(400);
    const dup = (res.body as ErrorBody).error.fields?.find((f) => f.code === 'duplicate_id');
    expect(dup?.field).toMatch(/^content\.sections\[2\]\.items\[\d\]\.id$/);
    expect(dup?.line).toBeGreaterThan(1);
  });
});

describe('R6 answered and submitted, then carried forward into R7', () => {
  const r6Path = `/api/campaigns/${T36.campaign.id}/facilities/${hospital.id}/response`;
  let r7Path = '';

  it("refuses another facility's administrator", async () => {
    const res = await api<ErrorBody>('POST', `${r6Path}/submit`, { as: USERS.hospitalAdmin36, body: { expectedVersion: 0, round: 1 } });
    // f010 is not the demo hospital admin's facility: refused before anything else.
    expect(res.status).toBe(403);
  });

  it('lets the prefecture distribute R7 to one hospital, carrying its R6 answers forward and leaving new items empty', async () => {
    // Prepare: the hospital's R6 answers (f010 has no demo login, so through the repository, as the seed does).
    const answers = completeAnswers(R6, contracted.has(hospital.id));
    answers['2-6:server'] = { '1': { value: 'no', checkedOn: '2024-07-01', targetDate: '2024-12-01' } };
    answers['1-1:system'] = { '1': { value: 'yes', checkedOn: '2024-07-01', note: '院内規程 第3条で定めている' } };
    const { createDb, createRepositories } = await import('@mcr/data');
    const { stackInfo } = await import('../support/stack-info.ts');
    const s = stackInfo();
    const db = createDb({ tableName: s.tableName, region: 'ap-northeast-1', endpoint: s.services.dynamodbEndpoint });
    const repos = createRepositories(db, { tenantId: '36' });
    const before = await repos.responses.require(T36.campaign.id, hospital.id);
    await repos.responses.save(
      T36.campaign.id,
      hospital.id,
      {
        expectedVersion: before.version,
        answers,
        evaluation: before.evaluation,
        status: 'in_progress',
        previousStatus: before.status,
        changes: 'test',
        context: { hasVendorContract: contracted.has(hospital.id) },
      },
      { userId: 'test', name: 'テスト', role: 'facility_admin', orgId: hospital.id, requestId: 'test' },
    );
    db.doc.destroy();

    // Act
    const res = await createCampaign(USERS.pref36, {
      templateId: 'mhlw-facility-r7',
      title: { ja: '令和7年度 チェックリスト' },
      fiscalYear: 2025,
      opensOn: '2025-06-01',
      deadline: '2026-03-31',
      target: { kind: 'facilities', ids: [hospital.id] },
    });

    // Assess
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ facilities: 1, carriedForward: 1 });
    r7Path = `/api/campaigns/${res.body.campaign.id}/facilities/${hospital.id}/response`;
    const view = await api<ResponseView>('GET', r7Path, { as: USERS.pref36 });
    const a = view.body.answers;
    // Answers and their notes (備考, stored apart from the answers) come along.
    expect(a['1-1:system']?.['1']).toMatchObject({ value: 'yes', carriedForward: true, note: '院内規程 第3条で定めている' });
    expect(a['2-12:server']?.['1']).toMatchObject({ value: 'no', carriedForward: true }); // R6 2(6) → R7 2(11) アクセスログ (id 2-12)
    expect(a['2-12:server']?.['1']?.targetDate).toBeUndefined();
    for (const fresh of ['2-7', '2-8', '2-9', '2-10', '2-11']) expect(a[`${fresh}:system`], fresh).toBeUndefined();
    expect(a['2-6:system']).toBeUndefined(); // changed item starts empty
    expect(view.body.evaluation.complete).toBe(false);
  });

  it('shows the prefecture an R7 campaign the facility sees as a to-do', async () => {
    const campaigns = await api<{ items: { id: string; templateId: string }[] }>('GET', '/api/campaigns', { as: USERS.pref36 });
    expect(campaigns.body.items.some((c) => r7Path.includes(c.id) && c.templateId === 'mhlw-facility-r7')).toBe(true);
  });

  it('refuses a campaign on an unknown template or with no facility, naming the field', async () => {
    const base = { title: { ja: 'x' }, fiscalYear: 2025, opensOn: '2025-06-01', deadline: '2026-03-31', target: { kind: 'all' } };
    const unknown = await api<ErrorBody>('POST', '/api/campaigns', { as: USERS.pref36, body: { ...base, templateId: 'nope' } });
    expect(unknown.body.error.fields?.[0]?.field).toBe('body.templateId');
    const none = await api<ErrorBody>('POST', '/api/campaigns', {
      as: USERS.pref36,
      body: { ...base, templateId: 'mhlw-facility-r7', target: { kind: 'facilities', ids: ['zzz'] } },
    });
    expect(none.body.error.fields?.[0]?.field).toBe('body.target');
    const dates = await api<ErrorBody>('POST', '/api/campaigns', {
      as: USERS.pref36,
      body: { ...base, templateId: 'mhlw-facility-r7', deadline: '2025-01-01' },
    });
    expect(dates.status).toBe(400);
    expect(dates.body.error.fields?.[0]?.field).toBe('body.deadline');
  });
});

describe('submitting a round', () => {
  const director = 'clinic-director@tokushima.example.jp';
  const clinic = T36.facilities.find((f) => f.kind === 'clinic')!;
  let path = '';

  it('refuses an incomplete round with 400 INCOMPLETE naming each missing cell, then accepts the complete one and locks it', async () => {
    // A fresh R7 campaign for the director's clinic, so this test does not depend on others.
    const created = await createCampaign(USERS.pref36, {
      templateId: 'mhlw-facility-r7',
      title: { ja: '提出テスト' },
      fiscalYear: 2025,
      opensOn: '2025-06-01',
      deadline: '2026-03-31',
      target: { kind: 'facilities', ids: [clinic.id] },
    });
    path = `/api/campaigns/${created.body.campaign.id}/facilities/${clinic.id}/response`;
    const empty = await api<ResponseView>('GET', path, { as: director });

    const early = await api<ErrorBody>('POST', `${path}/submit`, { as: director, body: { expectedVersion: empty.body.version, round: 1 } });
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('INCOMPLETE');
    expect(early.body.error.fields?.map((f) => f.field)).toContain('answers.gate:system.1');

    const answers = completeAnswers(R7, contracted.has(clinic.id), '2025-07-01');
    const saved = await api<ResponseView>('PUT', `${path}/answers`, {
      as: director,
      body: { expectedVersion: empty.body.version, changes: asChanges(answers) },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.evaluation.complete).toBe(true);

    const member = await api('POST', `${path}/submit`, { as: USERS.hospitalStaff36, body: { expectedVersion: saved.body.version, round: 1 } });
    expect(member.status).toBe(403);

    const submitted = await api<ResponseView>('POST', `${path}/submit`, { as: director, body: { expectedVersion: saved.body.version, round: 1 } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.submissions).toEqual([expect.objectContaining({ round: 1 })]);

    const again = await api<ErrorBody>('POST', `${path}/submit`, { as: director, body: { expectedVersion: submitted.body.version, round: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('LOCKED');
    const edit = await api<ErrorBody>('PUT', `${path}/answers`, {
      as: director,
      body: {
        expectedVersion: submitted.body.version,
        changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'no', checkedOn: '2025-07-02', targetDate: '2025-12-01' } }],
      },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('LOCKED');
  });
});
