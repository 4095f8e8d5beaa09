import { readFile } from 'node:fs/promises';
import type { ResponseView } from '@mcr/contract';
import { DEVICE_CLASS_LABELS, getBuiltInTemplate, latestRound, type Template } from '@mcr/domain';
import ExcelJS from 'exceljs';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersHeader } from '../../functions/src/services/export/campaign-answers.ts';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

const T36 = tokushima();
const campaignId = T36.campaign.id;
const R6 = getBuiltInTemplate('mhlw-facility-r6') as Template;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(email: string): Promise<Page> {
  const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await signIn(p, stackInfo().url, login(email));
  return p;
}

async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

const answersOf = async (facilityId: string): Promise<ResponseView> => {
  const res = await api<ResponseView>('GET', `/api/campaigns/${campaignId}/facilities/${facilityId}/response`, { as: USERS.pref36 });
  expect(res.status).toBe(200);
  return res.body;
};

/** A cell answered はい in round 1 under an item with device rows, and a いいえ cell with a 目標日. */
function pickCells(view: ResponseView): { yes: string; no: string } | undefined {
  const items = new Map(view.template.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
  let yes: string | undefined;
  let no: string | undefined;
  for (const [key, cell] of Object.entries(view.answers)) {
    const [itemId, device] = key.split(':');
    const item = items.get(itemId ?? '');
    if (!item || item.gate) continue;
    if (!yes && cell['1']?.value === 'yes' && device !== 'system' && item.cells.length > 1 && !cell['2']) yes = key;
    if (!no && latestRound(cell)?.answer.value === 'no' && cell['1']?.targetDate && !cell['2'] && !cell['3']) no = key;
  }
  return yes && no ? { yes, no } : undefined;
}

/**
 * Clicks an export button while holding back the job's polls (so the progress state stays on screen long enough
 * to be checked), and records what the panel's live region said.
 */
async function startExport(p: Page, panel: Locator, button: string): Promise<{ release: () => Promise<void>; live: Locator }> {
  let open!: () => void;
  const gate = new Promise<void>((r) => {
    open = r;
  });
  const pattern = /\/api\/exports\/[^/?]+$/;
  await p.route(pattern, async (route) => {
    if (route.request().method() === 'GET') await gate;
    await route.continue();
  });
  const exportButton = panel.getByRole('button', { name: button });
  await exportButton.click();
  // The button names its status region; the region is a polite live region.
  const statusId = await exportButton.getAttribute('aria-describedby');
  expect(statusId).toBeTruthy();
  const live = p.locator(`[id="${statusId}"]`);
  expect(await live.getAttribute('aria-live')).toBe('polite');
  // Record every text the live region shows from now on.
  await live.evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { __said: string[] }).__said = seen;
    const note = () => {
      const text = el.textContent?.trim() ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    note();
    new MutationObserver(note).observe(el, { subtree: true, childList: true, characterData: true });
  });
  const bar = live.getByRole('progressbar', { name: '出力の進み具合' });
  await bar.waitFor({ timeout: 15_000 });
  expect(await exportButton.isDisabled()).toBe(true);
  return {
    live,
    release: async () => {
      open();
      await live.getByRole('link', { name: /^ダウンロード: / }).waitFor({ timeout: 60_000 });
      await p.unroute(pattern);
    },
  };
}

const said = (p: Page) => p.evaluate(() => (window as unknown as { __said: string[] }).__said);

/** Clicks the download link and returns the downloaded file, checking the link goes to the local S3. */
async function downloadFrom(p: Page, live: Locator): Promise<{ body: Buffer; download: Download; href: string }> {
  const link = live.getByRole('link', { name: /^ダウンロード: / });
  const href = (await link.getAttribute('href')) ?? '';
  const s3 = new URL(stackInfo().services.s3Endpoint);
  const url = new URL(href);
  expect(url.host).toBe(s3.host);
  expect(url.pathname).toContain(`/exports/36/`);
  expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
  const [download] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), link.click()]);
  expect(await download.failure()).toBeNull();
  const file = await download.path();
  return { body: await readFile(file), download, href };
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  return wb;
}

const formDate = (iso: string) => iso.replaceAll('-', '/');

/** The first facility of the progress table (first page) with a はい under device rows and a いいえ with a 目標日. */
async function answeredFacilityOf(p: Page): Promise<{ id: string; view: ResponseView }> {
  const rows = p.locator('[data-testid^="progress-row-"]');
  await rows.first().waitFor({ timeout: 15_000 });
  const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.replace('progress-row-', '') ?? ''));
  for (const id of ids) {
    const view = await answersOf(id);
    if (pickCells(view)) return { id, view };
  }
  throw new Error(`no facility of the first page (${ids.length} rows) has a はい and a いいえ with a 目標日`);
}

describe('exports in the browser', () => {
  it('the prefecture exports every facility’s answers from the progress page as Excel and CSV', async () => {
    const p = await signedIn(USERS.pref36);
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/progress`);
    await p.getByRole('heading', { level: 1, name: /回答状況/ }).waitFor({ timeout: 15_000 });
    // A facility of the table that has answered: its answers, read through the API, are what the files must show.
    const { id: facilityId, view } = await answeredFacilityOf(p);
    const facility = T36.facilities.find((f) => f.id === facilityId)!;

    const panel = p.getByRole('region', { name: 'ファイル出力' });
    await panel.scrollIntoViewIfNeeded();
    const { live, release } = await startExport(p, panel, '全医療機関の回答 (Excel)');
    expect(await live.textContent()).toContain('出力の準備をしています…');
    await screenshot(p, '80-exports-campaign-progress');
    await expectAxeClean(p, 'export in progress');
    await release();
    const announced = await said(p);
    expect(announced[0]).toContain('出力の準備をしています…');
    expect(announced.at(-1)).toContain('出力が完了しました。');
    await screenshot(p, '81-exports-campaign-done');
    await expectAxeClean(p, 'export done');

    const { body, download } = await downloadFrom(p, live);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = await workbook(body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['回答一覧', '目標日超過', '1回目未確認']);
    const sheet = wb.getWorksheet('回答一覧') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 8)).toEqual(['医療機関コード', '医療機関名', '種別', '保健所', '二次医療圏', '回答状況', '達成率(%)', '評価']);
    expect(header).toEqual(answersHeader(R6));
    expect(sheet.rowCount).toBe(T36.facilities.length + 1);
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === facility.medicalInstitutionCode) row = r;
    });
    expect(row, `row of ${facility.name}`).toBeDefined();
    expect(row?.getCell(2).value).toBe(facility.name);
    // The はい and the いいえ cell of that facility, with their dates, under their columns.
    const { yes, no } = pickCells(view)!;
    const columnOf = (key: string) => {
      const [itemId, device] = key.split(':') as [string, keyof typeof DEVICE_CLASS_LABELS];
      const item = R6.sections.flatMap((s) => s.items).find((i) => i.id === itemId)!;
      const label = device === 'system' ? item.number : `${item.number} ${DEVICE_CLASS_LABELS[device].ja}`;
      const col = header.indexOf(`${label} 回答`) + 1;
      expect(col, label).toBeGreaterThan(0);
      return col;
    };
    const y = columnOf(yes);
    expect(row?.getCell(y).value).toBe('はい');
    expect(row?.getCell(y + 1).value).toBe(view.answers[yes]!['1']!.checkedOn);
    const n = columnOf(no);
    expect(row?.getCell(n).value).toBe('いいえ');
    expect(row?.getCell(n + 2).value).toBe(view.answers[no]!['1']!.targetDate);
    // Every answered cell of that facility is in its row.
    for (const [key, cell] of Object.entries(view.answers)) {
      const latest = latestRound(cell)?.answer;
      if (!latest || key.startsWith('gate:')) continue;
      expect(row?.getCell(columnOf(key)).value, key).toBe(latest.value === 'yes' ? 'はい' : 'いいえ');
    }
    expect(((wb.getWorksheet('目標日超過') as ExcelJS.Worksheet).getRow(1).values as string[]).slice(1)).toEqual([
      '医療機関コード',
      '医療機関名',
      '保健所',
      '項目',
      '機器区分',
      'チェック項目',
      '目標日',
      '超過日数',
    ]);
    expect(((wb.getWorksheet('1回目未確認') as ExcelJS.Worksheet).getRow(1).values as string[]).slice(1, 3)).toEqual(['医療機関コード', '医療機関名']);

    // The CSV: UTF-8 with a BOM, the same header, one line per facility.
    const csv = await startExport(p, panel, '全医療機関の回答 (CSV)');
    await csv.release();
    const file = await downloadFrom(p, csv.live);
    expect(file.download.suggestedFilename()).toMatch(/\.csv$/);
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.body.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(answersHeader(R6).join(','));
    expect(lines).toHaveLength(T36.facilities.length + 1);
    expect(lines.find((l) => l.startsWith(`${facility.medicalInstitutionCode},`))).toContain(facility.name);
    await p.close();
  });

  it('opens one facility’s answers from the progress table and exports the official form', async () => {
    const p = await signedIn(USERS.pref36);
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/progress`);
    const { id: facilityId } = await answeredFacilityOf(p);
    const facility = T36.facilities.find((f) => f.id === facilityId)!;
    await p.getByTestId(`progress-row-${facilityId}`).getByRole('link', { name: facility.name }).click();
    await p.waitForURL(new RegExp(`/campaigns/${campaignId}/facilities/${facilityId}$`));
    await p.getByRole('heading', { level: 1, name: new RegExp(facility.name) }).waitFor({ timeout: 15_000 });

    const panel = p.getByRole('region', { name: 'ファイル出力' });
    await panel.scrollIntoViewIfNeeded();
    const { live, release } = await startExport(p, panel, '厚労省様式で出力 (Excel)');
    await screenshot(p, '82-exports-official-progress');
    await expectAxeClean(p, 'official form export in progress');
    await release();
    await screenshot(p, '83-exports-official-done');
    await expectAxeClean(p, 'official form export done');
    expect(await said(p)).toEqual(expect.arrayContaining([expect.stringContaining('出力が完了しました。')]));

    const { body, download } = await downloadFrom(p, live);
    expect(download.suggestedFilename()).toMatch(/^チェックリスト_.+\.xlsx$/);
    const view = await answersOf(facilityId);
    const { yes, no } = pickCells(view)!;
    const ws = (await workbook(body)).worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name).toBe('医療機関確認用');
    expect(ws.getCell(1, 1).value).toBe('医療機関におけるサイバーセキュリティ対策チェックリスト');
    expect(String(ws.getCell(2, 1).value)).toContain(facility.name);

    // Two tables (the gate, then the checklist), each under a two-row header with 区分 merged down; the second gives the columns.
    const headerRows: number[] = [];
    ws.eachRow((r, i) => {
      if (r.getCell(1).value === '区分' && r.getCell(1).master.address === `A${i}`) headerRows.push(i);
    });
    expect(headerRows).toHaveLength(2);
    const head = headerRows[1]!;
    const targetCol = (ws.getRow(head).values as unknown[]).indexOf('目標日');
    expect(targetCol).toBeGreaterThan(0);
    expect(ws.getCell(head, 5).value).toBe('確認結果（日付）');
    expect(ws.getCell(head + 1, 5).value).toBe('1回目');
    expect(ws.getCell(head + 1, 6).value).toBe('2回目');
    // The label box sits over 目標日 and 備考 in the title row.
    expect(ws.getCell(1, targetCol).value).toBe('医療機関確認用');

    /** The row of one cell: the item's text row, then one row per device class. */
    const rowOf = (key: string) => {
      const [itemId, device] = key.split(':') as [string, keyof typeof DEVICE_CLASS_LABELS];
      const item = view.template.sections.flatMap((s) => s.items).find((i) => i.id === itemId)!;
      let first = 0;
      ws.eachRow((r, i) => {
        if (i > head && !first && r.getCell(3).value === item.text.ja) first = i;
      });
      if (!first) {
        ws.eachRow((r, i) => {
          if (i > head && !first && String(r.getCell(3).value ?? '').startsWith(item.text.ja)) first = i;
        });
      }
      expect(first, item.text.ja).toBeGreaterThan(0);
      return { item, device, first, row: first + item.cells.indexOf(device) };
    };

    // A device-class row under an item: the device labels in column D, the number and text merged down.
    const y = rowOf(yes);
    expect(y.item.cells.map((_, i) => ws.getCell(y.first + i, 4).value)).toEqual(y.item.cells.map((d) => DEVICE_CLASS_LABELS[d].ja));
    expect(ws.getCell(y.first + 1, 3).master.address).toBe(`C${y.first}`);
    expect(ws.getCell(y.first + 1, 2).master.address).toBe(`B${y.first}`);
    // The item's section is one cell merged down column A: its name, from its first row to past this item.
    const section = view.template.sections.find((sec) => sec.items.includes(y.item))!;
    const sectionName = `${section.number} ${section.title.ja}`.trim();
    let sectionRow = 0;
    ws.eachRow((r, i) => {
      if (i > head && !sectionRow && r.getCell(1).value === sectionName) sectionRow = i;
    });
    expect(sectionRow, sectionName).toBeGreaterThan(head + 1);
    expect(sectionRow).toBeLessThan(y.first);
    expect(ws.getCell(sectionRow, 1).master.address).toBe(`A${sectionRow}`);
    for (const r of [sectionRow + 1, y.row]) expect(ws.getCell(r, 1).master.address).toBe(`A${sectionRow}`);
    // はい over its 確認日.
    const yesAnswer = view.answers[yes]!['1']!;
    expect(ws.getCell(y.row, 5).value).toBe(`はい\n（${formDate(yesAnswer.checkedOn)}）`);
    expect(ws.getCell(y.row, 6).value).not.toMatch(/^はい\n|^いいえ\n/);

    // いいえ with its 目標日.
    const nRow = rowOf(no);
    const noAnswer = view.answers[no]!['1']!;
    expect(ws.getCell(nRow.row, 5).value).toBe(`いいえ\n（${formDate(noAnswer.checkedOn)}）`);
    expect(ws.getCell(nRow.row, targetCol).value).toBe(formDate(noAnswer.targetDate as string));
    await p.close();
  });
});
