import type { ExportJob, ResponseView } from '@mcr/contract';
import { getBuiltInTemplate, latestRound, type Template } from '@mcr/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { answersHeader } from '../../functions/src/services/export/campaign-answers.ts';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../support/api.ts';

const T36 = tokushima();
const campaign = T36.campaign.id;
const R6 = getBuiltInTemplate('mhlw-facility-r6') as Template;
const inspectorsFacilities = new Set(T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima').map((f) => f.id));

/** Starts an export and polls it (as the SPA does) until it is done or failed. */
async function runExport(as: string, body: unknown): Promise<ExportJob> {
  const created = await api<ExportJob>('POST', '/api/exports', { as, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body.status).toBe('queued');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await api<ExportJob>('GET', `/api/exports/${created.body.id}`, { as });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`export still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function download(job: ExportJob): Promise<{ body: Buffer; headers: Headers }> {
  expect(job.status, JSON.stringify(job)).toBe('done');
  const res = await fetch(job.downloadUrl as string);
  expect(res.status).toBe(200);
  return { body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  return wb;
}

/** A facility of the demo prefecture that has answered some of the checklist. */
async function answeredFacility(): Promise<{ id: string; view: ResponseView }> {
  for (const f of T36.facilities.slice(40)) {
    const res = await api<ResponseView>('GET', `/api/campaigns/${campaign}/facilities/${f.id}/response`, { as: USERS.pref36 });
    if (Object.keys(res.body.answers).length > 3) return { id: f.id, view: res.body };
  }
  throw new Error('no answered facility in the demo data');
}

describe('exports', () => {
  it('gives the prefecture every facility × cell as xlsx, with the overdue and missing lists, by a short-lived link', async () => {
    const { id, view } = await answeredFacility();
    const job = await runExport(USERS.pref36, { kind: 'campaign-answers', campaignId: campaign, format: 'xlsx' });
    expect(job.progress).toEqual({ processed: T36.facilities.length, total: T36.facilities.length });
    // The object lives under the tenant, and the link expires in 5 minutes.
    const url = new URL(job.downloadUrl as string);
    expect(url.pathname).toContain(`/exports/36/${job.id}/`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    const { body, headers } = await download(job);
    expect(headers.get('content-disposition')).toContain("filename*=UTF-8''");

    const wb = await workbook(body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['回答一覧', '目標日超過', '1回目未確認']);
    const sheet = wb.getWorksheet('回答一覧') as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(T36.facilities.length + 1);
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(answersHeader(R6));
    const facility = T36.facilities.find((f) => f.id === id)!;
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === facility.medicalInstitutionCode) row = r;
    });
    expect(row, `row of ${facility.name}`).toBeDefined();
    expect(row?.getCell(2).value).toBe(facility.name);
    // Every answered cell of that facility is in its row: the latest round's answer and its date.
    for (const [key, cell] of Object.entries(view.answers)) {
      const latest = latestRound(cell)?.answer;
      if (!latest) continue;
      const [itemId, device] = key.split(':');
      const item = R6.sections.flatMap((s) => s.items).find((i) => i.id === itemId)!;
      const label = item.gate
        ? '医療情報システムの有無'
        : device === 'system'
          ? item.number
          : `${item.number} ${{ server: 'サーバ', client: '端末PC', network: 'ネットワーク機器' }[device as 'server']}`;
      const col = header.indexOf(`${label} 回答`) + 1;
      expect(row?.getCell(col).value, key).toBe(latest.value === 'yes' ? 'はい' : 'いいえ');
      expect(row?.getCell(col + 1).value, key).toBe(latest.checkedOn);
    }
    const overdue = wb.getWorksheet('目標日超過') as ExcelJS.Worksheet;
    expect((overdue.getRow(1).values as string[]).slice(1)).toEqual([
      '医療機関コード',
      '医療機関名',
      '保健所',
      '項目',
      '機器区分',
      'チェック項目',
      '目標日',
      '超過日数',
    ]);
    const missing = wb.getWorksheet('1回目未確認') as ExcelJS.Worksheet;
    expect(missing.rowCount).toBeGreaterThan(1);
  });

  it('gives the same answers as CSV: UTF-8 with BOM, one line per facility', async () => {
    const job = await runExport(USERS.pref36, { kind: 'campaign-answers', campaignId: campaign, format: 'csv' });
    const { body, headers } = await download(job);
    expect(headers.get('content-type')).toContain('text/csv');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(answersHeader(R6).join(','));
    expect(lines).toHaveLength(T36.facilities.length + 1);
  });

  it('records every export in the audit log: who asked for which data', async () => {
    const job = await runExport(USERS.inspector36, { kind: 'campaign-answers', campaignId: campaign, format: 'csv' });
    const log = await api<{ items: { action: string; target: string; actor: { role: string }; changes: { format?: string; healthCenterId?: string } }[] }>(
      'GET',
      '/api/audit?action=export.create&limit=50',
      { as: USERS.pref36 },
    );
    expect(log.status).toBe(200);
    const entry = log.body.items.find((e) => e.actor.role === 'inspector' && e.changes.format === 'csv');
    expect(entry, JSON.stringify(log.body.items.slice(0, 3))).toMatchObject({
      action: 'export.create',
      target: `campaign/${campaign}`,
      changes: { healthCenterId: 'hc-tokushima' },
    });
    expect(job.status).toBe('done');
  });

  it('limits an inspector to the facilities of its 保健所', async () => {
    const job = await runExport(USERS.inspector36, { kind: 'campaign-answers', campaignId: campaign, format: 'xlsx' });
    const wb = await workbook((await download(job)).body);
    const sheet = wb.getWorksheet('回答一覧') as ExcelJS.Worksheet;
    const codes = new Set<string>();
    sheet.eachRow((r, n) => {
      if (n > 1) codes.add(String(r.getCell(1).value));
    });
    const expected = T36.facilities.filter((f) => inspectorsFacilities.has(f.id)).map((f) => f.medicalInstitutionCode);
    expect([...codes].sort()).toEqual(expected.sort());
    expect(job.progress.processed).toBe(expected.length);
  });

  it('prints one facility in the official layout with its answers', async () => {
    const { id, view } = await answeredFacility();
    const job = await runExport(USERS.pref36, { kind: 'facility-official', campaignId: campaign, facilityId: id });
    expect(job.fileName).toMatch(/^チェックリスト_.+\.xlsx$/);
    const ws = (await workbook((await download(job)).body)).worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell(1, 1).value).toBe('医療機関におけるサイバーセキュリティ対策チェックリスト');
    expect(ws.getCell(1, 7).value).toBe('医療機関確認用');
    const gate = view.answers['gate:system']?.['1'];
    let gateRow = 0;
    ws.eachRow((r, n) => {
      if (String(r.getCell(3).value ?? '').startsWith('医療情報システムを導入')) gateRow = n;
    });
    expect(ws.getCell(gateRow, 5).value).toBe(
      gate ? `${gate.value === 'yes' ? 'はい' : 'いいえ'}\n（${gate.checkedOn.replaceAll('-', '/')}）` : 'はい・いいえ\n（　　/　　/　　）',
    );
  });

  it('lets a facility print its own form, and nobody else read its job', async () => {
    const job = await runExport(USERS.hospitalAdmin36, { kind: 'facility-official', campaignId: campaign, facilityId: T36.facilities[0]!.id });
    expect(job.status).toBe('done');
    // Same organisation, another user: the job is not theirs.
    expect((await api('GET', `/api/exports/${job.id}`, { as: USERS.hospitalStaff36 })).status).toBe(404);
    expect((await api('GET', `/api/exports/${job.id}`, { as: USERS.pref36 })).status).toBe(404);
  });

  it.each([
    ['a facility, for all answers', USERS.hospitalAdmin36, { kind: 'campaign-answers', campaignId: campaign, format: 'csv' }, 403],
    [
      'an inspector, for another 保健所’s facility',
      USERS.inspector36,
      { kind: 'facility-official', campaignId: campaign, facilityId: T36.facilities.find((f) => !inspectorsFacilities.has(f.id))!.id },
      403,
    ],
    ['the prefecture, for a campaign that does not exist', USERS.pref36, { kind: 'campaign-answers', campaignId: 'nope', format: 'xlsx' }, 404],
  ])('refuses %s', async (_label, as, body, status) => {
    expect((await api('POST', '/api/exports', { as, body })).status).toBe(status);
  });

  it.each([
    [{ campaignId: campaign, format: 'xlsx' }, 'body.kind'],
    [{ kind: 'campaign-answers', campaignId: campaign, format: 'pdf' }, 'body.format'],
    [{ kind: 'facility-official', campaignId: campaign }, 'body.facilityId'],
    [{ kind: 'campaign-answers', campaignId: '../x', format: 'csv' }, 'body.campaignId'],
  ])('answers bad input %j with 400 naming %s', async (body, field) => {
    const res = await api<{ error: { fields: { field: string }[] } }>('POST', '/api/exports', { as: USERS.pref36, body });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.field)).toContain(field);
  });

  it('answers an unknown or malformed job id with 404 or 400, never 500', async () => {
    expect((await api('GET', '/api/exports/00000000-0000-0000-0000-000000000000', { as: USERS.pref36 })).status).toBe(404);
    expect((await api('GET', `/api/exports/${'x'.repeat(65)}`, { as: USERS.pref36 })).status).toBe(400);
  });
});
