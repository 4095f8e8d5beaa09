import type { Campaign, Dashboard, ErrorBody, ExportJob, Heatmap, Me, MyTasksResponse, ResponseView } from '@mcr/contract';
import { allItems, getBuiltInTemplate } from '@mcr/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, settle, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';

// The BCP 確認表 distributed like the checklist (docs/decisions/0017-bcp-campaigns.md): created by the prefecture,
// answered and submitted by the facility, returned and confirmed by the prefecture, counted on the dashboard.
const T36 = tokushima();
const BCP = getBuiltInTemplate('mhlw-bcp-r6');
const ITEMS = allItems(BCP);
const answerAll = (checkedOn: string, no: Record<string, string | undefined> = {}) =>
  ITEMS.map((item) => ({
    itemId: item.id,
    deviceClass: 'system',
    round: 1,
    answer: item.id in no ? { value: 'no', checkedOn, ...(no[item.id] ? { targetDate: no[item.id] } : {}) } : { value: 'yes', checkedOn },
  }));

async function orgOf(as: string): Promise<string> {
  const me = await api<Me>('GET', '/api/me', { as });
  return me.body.organisation?.id as string;
}

describe('a BCP 確認表 campaign', () => {
  let campaign: Campaign;
  let clinic = '';
  let hospital = '';
  let others: string[] = [];
  const path = (f: string) => `/api/campaigns/${campaign.id}/facilities/${f}/response`;

  it('is created by the prefecture for the chosen facilities, as form `bcp`', async () => {
    clinic = await orgOf(USERS.clinic36);
    hospital = await orgOf(USERS.hospitalAdmin36);
    others = T36.facilities
      .filter((f) => f.id !== clinic && f.id !== hospital && f.kind === 'clinic')
      .slice(-2)
      .map((f) => f.id);
    const res = await createCampaign(USERS.pref36, {
      templateId: 'mhlw-bcp-r6',
      title: { ja: `令和8年度 BCP確認表 ${Date.now()}` },
      fiscalYear: 2026,
      opensOn: '2026-11-01',
      deadline: '2027-02-26',
      target: { kind: 'facilities', ids: [clinic, hospital, ...others] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    campaign = res.body.campaign;
    expect(campaign.form).toBe('bcp');
    expect(res.body.facilities).toBe(4);
    expect(res.body.carriedForward).toBe(0);
    const listed = await api<{ items: Campaign[] }>('GET', '/api/campaigns', { as: USERS.pref36 });
    expect(listed.body.items.find((c) => c.id === campaign.id)?.form).toBe('bcp');
  });

  it('refuses a facility outside the campaign, and another tenant', async () => {
    expect((await api('GET', path(T36.facilities.find((f) => ![clinic, hospital, ...others].includes(f.id))!.id), { as: USERS.pref36 })).status).toBe(404);
    expect((await api('GET', path(clinic), { as: USERS.pref37 })).status).toBe(404);
    expect((await api('GET', path(clinic), { as: USERS.hospitalAdmin36 })).status).toBe(403);
  });

  it("reaches the facility's tasks, not started, with 27 questions and no gate", async () => {
    const tasks = await api<MyTasksResponse>('GET', '/api/my/tasks', { as: USERS.clinic36 });
    const task = tasks.body.items.find((t) => t.campaign.id === campaign.id);
    expect(task).toMatchObject({ status: 'not_started', campaign: { form: 'bcp' } });
    const view = await api<ResponseView>('GET', path(clinic), { as: USERS.clinic36 });
    expect(view.status).toBe(200);
    expect(view.body.template.form).toBe('bcp');
    expect(view.body.evaluation).toMatchObject({ applicable: 27, required: 27, answered: 0, yes: 0, complete: false });
  });

  it('asks for a 目標日 on a いいえ, as the checklist does, naming the field', async () => {
    const before = (await api<ResponseView>('GET', path(clinic), { as: USERS.clinic36 })).body;
    const res = await api<ErrorBody>('PUT', `${path(clinic)}/answers`, {
      as: USERS.clinic36,
      body: { expectedVersion: before.version, changes: answerAll('2026-11-20', { 'detection-2': undefined }) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.map((f) => f.field)).toEqual(['body.changes[9].answer.targetDate']);
    expect((await api<ResponseView>('GET', path(clinic), { as: USERS.clinic36 })).body.version).toBe(before.version);
  });

  it('is answered, submitted, returned with a comment, fixed, submitted again and confirmed', async () => {
    const v0 = (await api<ResponseView>('GET', path(clinic), { as: USERS.clinic36 })).body;
    const saved = await api<ResponseView>('PUT', `${path(clinic)}/answers`, {
      as: USERS.clinic36,
      body: { expectedVersion: v0.version, changes: answerAll('2026-11-20', { 'detection-2': '2027-01-31', 'recovery-3': '2027-03-15' }) },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.evaluation).toMatchObject({ answered: 27, yes: 25, required: 27, complete: true });
    const sub = await api<ResponseView>('POST', `${path(clinic)}/submit`, { as: USERS.clinic36, body: { expectedVersion: saved.body.version, round: 1 } });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body.status).toBe('submitted');

    const back = await api<ResponseView>('POST', `${path(clinic)}/return`, {
      as: USERS.pref36,
      body: {
        expectedVersion: sub.body.version,
        message: '初動対応を確認してください',
        itemComments: [{ itemId: 'initial-response-1', comment: '依頼先の事業者を記載してください' }],
      },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.status).toBe('returned');
    expect(back.body.reviews.at(-1)).toMatchObject({ action: 'returned', itemComments: [{ itemId: 'initial-response-1' }] });

    const fixed = await api<ResponseView>('PUT', `${path(clinic)}/answers`, {
      as: USERS.clinic36,
      body: {
        expectedVersion: back.body.version,
        changes: [
          {
            itemId: 'initial-response-1',
            deviceClass: 'system',
            round: 1,
            answer: { value: 'yes', checkedOn: '2026-11-25', note: '保守契約先（電子カルテ）に依頼' },
          },
        ],
      },
    });
    expect(fixed.status).toBe(200);
    const again = await api<ResponseView>('POST', `${path(clinic)}/submit`, { as: USERS.clinic36, body: { expectedVersion: fixed.body.version, round: 1 } });
    expect(again.body.status).toBe('submitted');
    const ok = await api<ResponseView>('POST', `${path(clinic)}/confirm`, { as: USERS.pref36, body: { expectedVersion: again.body.version } });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('confirmed');
  });

  it('shows the dashboard like the checklist, its figures equal to a recount', async () => {
    // A second facility answers part of the table; the other two do not start.
    const h = (await api<ResponseView>('GET', path(hospital), { as: USERS.hospitalAdmin36 })).body;
    const some = answerAll('2026-11-21', { 'normal-5': '2027-02-01' }).slice(0, 10);
    expect((await api('PUT', `${path(hospital)}/answers`, { as: USERS.hospitalAdmin36, body: { expectedVersion: h.version, changes: some } })).status).toBe(
      200,
    );
    await settle();

    const dash = await api<Dashboard>('GET', `/api/campaigns/${campaign.id}/dashboard`, { as: USERS.pref36 });
    expect(dash.status, JSON.stringify(dash.body)).toBe(200);
    const s = dash.body.summary;
    expect(s.facilities).toBe(4);
    expect(s.byStatus).toMatchObject({ confirmed: 1, in_progress: 1, not_started: 2 });
    // The confirmed clinic: 25 of 27 はい; the hospital: 9 of 27 (one いいえ, 17 not answered).
    expect(s.scored).toBe(4);
    expect(s.meanScore).toBeCloseTo((25 / 27 + 9 / 27 + 0 + 0) / 4, 3);
    expect(s.openCells).toBe(3);
    expect(s.missingFirstFacilities).toBe(3);
    expect(dash.body.previous).toBeNull();

    const verify = await api<{ differenceCount: number }>('POST', `/api/campaigns/${campaign.id}/read-models/verify`, { as: USERS.pref36, body: {} });
    expect(verify.status).toBe(200);
    expect(verify.body.differenceCount).toBe(0);

    const heat = await api<Heatmap>('GET', `/api/campaigns/${campaign.id}/dashboard/items?by=hc`, { as: USERS.pref36 });
    expect(heat.status).toBe(200);
    expect(heat.body.items.map((i) => i.number)).toEqual(ITEMS.map((i) => i.number));
    expect(heat.body.total['detection-2']).toEqual({ y: 1, n: 1, u: 2 });
    expect(heat.body.total['post-incident-6']).toEqual({ y: 1, n: 0, u: 3 });
    expect(heat.body.total['normal-5']).toEqual({ y: 1, n: 1, u: 2 });

    const progress = await api<{ totals: { facilities: number; byStatus: Record<string, number> } }>('GET', `/api/campaigns/${campaign.id}/progress`, {
      as: USERS.pref36,
    });
    expect(progress.body.totals).toMatchObject({ facilities: 4, byStatus: { confirmed: 1, in_progress: 1, not_started: 2 } });
  });

  it('exports the answers as CSV and xlsx, and one facility on the 確認表 layout', async () => {
    const run = async (body: unknown): Promise<ExportJob> => {
      const created = await api<ExportJob>('POST', '/api/exports', { as: USERS.pref36, body });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      for (const until = Date.now() + 30_000; ; ) {
        const res = await api<ExportJob>('GET', `/api/exports/${created.body.id}`, { as: USERS.pref36 });
        if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
        if (Date.now() > until) throw new Error('export still running');
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const csv = await run({ kind: 'campaign-answers', campaignId: campaign.id, format: 'csv' });
    expect(csv.status, JSON.stringify(csv)).toBe('done');
    const text = new TextDecoder().decode(await (await fetch(csv.downloadUrl as string)).arrayBuffer());
    expect(text).toContain('1-1(1)');
    expect(text).toContain('5-6');
    expect(text.trim().split('\n').length).toBe(5);

    const xlsx = await run({ kind: 'campaign-answers', campaignId: campaign.id, format: 'xlsx' });
    expect(xlsx.status, JSON.stringify(xlsx)).toBe('done');

    const one = await run({ kind: 'facility-official', campaignId: campaign.id, facilityId: clinic });
    expect(one.status, JSON.stringify(one)).toBe('done');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await fetch(one.downloadUrl as string)).arrayBuffer()) as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    const header = rows.find((r) => r.includes('項番'));
    expect(header?.slice(0, 3)).toEqual(['項番', '大項目', '確認項目']);
    const first = rows.find((r) => r[2] === 'サーバ、端末PC、ネットワーク機器を把握できているか。');
    expect(first?.slice(0, 2)).toEqual(['1-1', '情報機器等の把握と適切な管理、全体構成図の作成']);
    const detection2 = rows.find((r) => r[0] === '2-2');
    expect(detection2?.join('|')).toContain('いいえ');
    expect(detection2?.join('|')).toContain('2027/01/31');
  });
});

describe('the demo BCP 確認表 survey', () => {
  it('reaches the hospitals and clinics with a spread of answers, and its figures equal a recount', async () => {
    await settle();
    const dash = await api<Dashboard>('GET', '/api/campaigns/fy2026-bcp/dashboard', { as: USERS.pref36 });
    expect(dash.status).toBe(200);
    expect(dash.body.campaign).toMatchObject({ form: 'bcp', fiscalYear: 2026 });
    const { byStatus, facilities } = dash.body.summary;
    expect(facilities).toBe(T36.facilities.filter((f) => f.kind === 'hospital' || f.kind === 'clinic').length);
    for (const status of ['not_started', 'in_progress', 'submitted', 'confirmed']) expect(byStatus[status] ?? 0).toBeGreaterThan(0);
    const verify = await api<{ differenceCount: number }>('POST', '/api/campaigns/fy2026-bcp/read-models/verify', { as: USERS.pref36, body: {} });
    expect(verify.body.differenceCount).toBe(0);
    // The demo users' own facilities: the hospital has submitted, the clinic is half way.
    const mine = async (as: string) => (await api<MyTasksResponse>('GET', '/api/my/tasks', { as })).body.items.find((t) => t.campaign.id === 'fy2026-bcp');
    expect((await mine(USERS.hospitalAdmin36))?.status).toBe('submitted');
    expect((await mine(USERS.clinic36))?.status).toBe('in_progress');
    // Another prefecture has no BCP survey in the demo.
    expect((await api('GET', '/api/campaigns/fy2026-bcp', { as: USERS.pref37 })).status).toBe(404);
  });
});
