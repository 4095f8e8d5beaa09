import { PassThrough } from 'node:stream';
import { getBuiltInTemplate, type Template } from '@mcr/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { answersHeader, type ExportResponse, writeCampaignAnswers } from '../../../functions/src/services/export/campaign-answers.ts';
import { BLANK_ANSWER, buildOfficialForm, type OfficialFormInput } from '../../../functions/src/services/export/official-form.ts';

const R5 = getBuiltInTemplate('mhlw-facility-r5') as Template;
const R6 = getBuiltInTemplate('mhlw-facility-r6') as Template;

const formInput = (over: Partial<OfficialFormInput> = {}): OfficialFormInput => ({
  template: R6,
  campaign: { title: '令和6年度 チェックリスト', fiscalYear: 2024, roundDeadlines: { '2': '2024-12-20' } },
  facility: { name: '徳島県立うずしお中央病院', medicalInstitutionCode: '3610000001' },
  answers: {
    'gate:system': { '1': { value: 'yes', checkedOn: '2024-07-01' } },
    '1-1:system': { '1': { value: 'yes', checkedOn: '2024-07-02' } },
    '2-4:server': { '1': { value: 'no', checkedOn: '2024-07-03', targetDate: '2024-12-01', note: '更新予定' }, '2': { value: 'yes', checkedOn: '2024-11-20' } },
  },
  hasVendorContract: true,
  generatedOn: '2024-11-30',
  ...over,
});

/** Reads a workbook back the way a user's spreadsheet program would. */
async function reopen(wb: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back.worksheets[0] as ExcelJS.Worksheet;
}

function findRow(ws: ExcelJS.Worksheet, predicate: (values: string[]) => boolean): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v)));
    if (predicate(values)) return r;
  }
  return -1;
}

function findLastRow(ws: ExcelJS.Worksheet, predicate: (values: string[]) => boolean): number {
  let found = -1;
  for (let r = 1; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v)));
    if (predicate(values)) found = r;
  }
  return found;
}

const text = (ws: ExcelJS.Worksheet, row: number, col: number) => String(ws.getCell(row, col).value ?? '');

describe('official MHLW form (xlsx)', () => {
  it('has the title, the 医療機関確認用 label, the gate table and the fiscal-year notes', async () => {
    const ws = await reopen(await buildOfficialForm(formInput()));
    expect(text(ws, 1, 1)).toBe('医療機関におけるサイバーセキュリティ対策チェックリスト');
    expect(text(ws, 1, 7)).toBe('医療機関確認用');
    const gate = findRow(ws, (v) => v.some((x) => x.startsWith('医療情報システムを導入、運用している。')));
    expect(text(ws, gate, 1)).toBe('医療情報システムの有無');
    expect(text(ws, gate, 5)).toBe('はい\n（2024/07/01）');
    expect(findRow(ws, (v) => v.includes('※以下項目は令和6年度中にすべての項目で「はい」にマルが付くよう取り組んでください。'))).toBeGreaterThan(gate);
    expect(findRow(ws, (v) => v.includes('※2(2)及び2(3)については、事業者と契約していない場合には記入不要です。'))).toBeGreaterThan(gate);
    expect(findRow(ws, (v) => v.includes('※1回目の確認で「いいえ」の場合、令和6年度中の対応目標日を記入してください。'))).toBeGreaterThan(gate);
  });

  it('merges each section down column A and spans group rows across the table', async () => {
    const ws = await reopen(await buildOfficialForm(formInput()));
    const section2 = findRow(ws, (v) => v[1] === '2 医療情報システムの管理・運用');
    expect(section2).toBeGreaterThan(0);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    const sectionMerge = merges.find((m) => m.startsWith(`A${section2}:A`));
    expect(sectionMerge).toBeDefined();
    expect(Number(sectionMerge?.split(':A')[1])).toBeGreaterThan(section2 + 10);
    const group = findRow(ws, (v) => v.includes('サーバ、端末PC、ネットワーク機器について、以下を実施している。'));
    expect(merges).toContain(`B${group}:H${group}`);
  });

  it('puts one row per device class under an item, with はい/いいえ and the date per round, 目標日 and 備考', async () => {
    const ws = await reopen(await buildOfficialForm(formInput()));
    const item = findRow(ws, (v) => v.some((x) => x.startsWith('利用者の職種・担当業務別の情報区分毎のアクセス利用権限を設定している。')));
    expect(text(ws, item, 2)).toBe('(4)');
    expect(text(ws, item, 4)).toBe('サーバ');
    expect(text(ws, item, 5)).toBe('いいえ\n（2024/07/03）');
    expect(text(ws, item, 6)).toBe('はい\n（2024/11/20）');
    expect(text(ws, item, 7)).toBe('2024/12/01');
    expect(text(ws, item, 8)).toBe('更新予定');
    expect(text(ws, item + 1, 4)).toBe('端末PC');
    expect(text(ws, item + 1, 5)).toBe(BLANK_ANSWER);
    const one = findRow(ws, (v) => v.includes('医療情報システム安全管理責任者を設置している。'));
    expect(text(ws, one, 5)).toBe('はい\n（2024/07/02）');
  });

  it('marks 参考 items and cells (R5: 3(2) whole item, 2(4) 端末PC with *注)', async () => {
    const ws = await reopen(await buildOfficialForm(formInput({ template: R5, campaign: { title: 'R5', fiscalYear: 2023, roundDeadlines: {} } })));
    const backup = findRow(ws, (v) => v.some((x) => x.endsWith('（参考項目）')));
    expect(backup).toBeGreaterThan(0);
    expect(text(ws, backup, 8)).toContain('参考');
    const partial = findRow(ws, (v) => v.some((x) => x.endsWith(' *注')));
    const clientRow = findRow(ws, (v) => v[4] === '端末PC' && v[8]?.startsWith('参考') === true);
    expect(partial).toBeGreaterThan(0);
    expect(clientRow).toBeGreaterThanOrEqual(partial);
    expect(findRow(ws, (v) => v.includes('*注：一部参考項目'))).toBeGreaterThan(clientRow);
  });

  it('adds 3回目 when the campaign has it, and prints on A4 fitted to the width with repeated titles', async () => {
    const wb = await buildOfficialForm(formInput({ campaign: { title: 'x', fiscalYear: 2024, roundDeadlines: { '2': '2024-10-01', '3': '2025-01-10' } } }));
    const ws = await reopen(wb);
    // The main table's header (the gate table has one of its own above it).
    const header = findLastRow(ws, (v) => v.includes('1回目'));
    expect([text(ws, header, 5), text(ws, header, 6), text(ws, header, 7)]).toEqual(['1回目', '2回目', '3回目']);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe(`${header - 1}:${header}`);
    expect(ws.getCell(header, 5).font?.name).toBe('游ゴシック');
    expect(ws.getCell(header + 2, 3).alignment?.wrapText).toBe(true);
    expect(ws.getCell(header + 2, 5).border?.top?.style).toBe('thin');
  });

  it('writes 記入不要 for items that need a vendor contract the facility does not have', async () => {
    const ws = await reopen(await buildOfficialForm(formInput({ hasVendorContract: false })));
    const remote = findRow(ws, (v) => v[2] === '(2)' && v.some((x) => x.includes('リモートメンテナンス')));
    expect(text(ws, remote, 5)).toBe('記入不要');
  });
});

const response = (id: string, answers: ExportResponse['answers'], status: ExportResponse['status'] = 'in_progress'): ExportResponse => ({
  facilityId: id,
  facilityName: `医療機関${id}`,
  facilityKind: 'clinic',
  healthCenterName: '徳島保健所',
  status,
  answers,
});

async function exportTo(format: 'xlsx' | 'csv', pages: ExportResponse[][]) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const progress: number[] = [];
  const summary = await writeCampaignAnswers({
    template: R6,
    pages: (async function* () {
      yield* pages;
    })(),
    facilities: new Map([['f1', { medicalInstitutionCode: '=3610000001', medicalAreaName: '東部' }]]),
    withContract: new Set(['f1']),
    today: '2024-12-10',
    format,
    out,
    onPage: (n) => {
      progress.push(n);
    },
  });
  await new Promise((r) => setImmediate(r));
  return { file: Buffer.concat(chunks), summary, progress };
}

describe('prefecture-wide answers', () => {
  const pages = [
    [
      response('f1', {
        'gate:system': { '1': { value: 'yes', checkedOn: '2024-07-01' } },
        '1-1:system': { '1': { value: 'no', checkedOn: '2024-07-01', targetDate: '2024-12-01' } },
        '2-4:server': { '1': { value: 'yes', checkedOn: '2024-07-05' } },
      }),
    ],
    [response('f2', { 'gate:system': { '1': { value: 'no', checkedOn: '2024-07-01' } } }, 'submitted')],
  ];

  it('as xlsx: one row per facility with each cell, and the overdue and missing lists', async () => {
    const { file, summary, progress } = await exportTo('xlsx', pages);
    expect(summary).toEqual({ facilities: 2, overdue: 1, missing: 1 });
    expect(progress).toEqual([1, 2]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['回答一覧', '目標日超過', '1回目未確認']);
    const answers = wb.getWorksheet('回答一覧') as ExcelJS.Worksheet;
    const header = answers.getRow(1).values as string[];
    const col = (name: string) => header.indexOf(name);
    const f1 = answers.getRow(2);
    expect(f1.getCell(1).value).toBe('=3610000001');
    expect(f1.getCell(2).value).toBe('医療機関f1');
    expect(f1.getCell(5).value).toBe('東部');
    expect(f1.getCell(col('2(4) サーバ 回答')).value).toBe('はい');
    expect(f1.getCell(col('2(4) サーバ 確認日')).value).toBe('2024-07-05');
    expect(f1.getCell(col('1(1) 回答')).value).toBe('いいえ');
    expect(f1.getCell(col('1(1) 目標日')).value).toBe('2024-12-01');
    const f2 = answers.getRow(3);
    expect(f2.getCell(6).value).toBe('提出済み');
    expect(f2.getCell(col('1(1) 回答')).value).toBe('対象外');
    const overdue = wb.getWorksheet('目標日超過') as ExcelJS.Worksheet;
    expect(overdue.getRow(2).values).toEqual([
      undefined,
      '=3610000001',
      '医療機関f1',
      '徳島保健所',
      '1(1)',
      undefined,
      '医療情報システム安全管理責任者を設置している。',
      '2024-12-01',
      9,
    ]);
    const missing = wb.getWorksheet('1回目未確認') as ExcelJS.Worksheet;
    expect(missing.getRow(2).getCell(2).value).toBe('医療機関f1');
    expect(String(missing.getRow(2).getCell(6).value)).toContain('2(4) 端末PC');
  });

  it('as CSV: UTF-8 with BOM, the same header, formula injection neutralised', async () => {
    const { file } = await exportTo('csv', pages);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(answersHeader(R6).join(','));
    expect(lines[1]?.startsWith("'=3610000001,医療機関f1,診療所,徳島保健所,東部,回答中,")).toBe(true);
    expect(lines).toHaveLength(4);
  });
});
