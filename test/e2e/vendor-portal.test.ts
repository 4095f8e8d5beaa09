import { applicableCells, getBuiltInTemplate, type Template } from '@mcr/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, settle, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

const T36 = tokushima();
const VENDOR_R7 = getBuiltInTemplate('mhlw-vendor-r7') as Template;
const AWA = 'v-awa-medical';
/** A facility 阿波メディカル serves in the demo data (other browser tests add contracts, never remove one). */
const awaFacility = T36.contracts
  .filter((c) => c.vendorId === AWA)
  .map((c) => c.facilityId)
  .sort()[0] as string;
/**
 * The MDS the demo has on file for 阿波メディカル (電子カルテ). The test registers new versions of it: other browser
 * tests sharing the stack read its current version, and rely on no document covering a レセコン-only contract.
 */
const PRODUCT = '阿波カルテ EHR';
const DOC_SYSTEM = '電子カルテ';
const TITLE = '令和7年度 事業者確認用 (ブラウザテスト)';

let browser: Browser;
/** Set by the first test: the vendor-form survey the prefecture distributes. */
let campaignId = '';
/** How many facilities have a contract with 阿波メディカル when the survey is created (read from the API). */
let awaCount = 0;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(email: string): Promise<Page> {
  const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  await signIn(p, stackInfo().url, login(email));
  return p;
}

async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

async function waitSaved(p: Page) {
  await expect.poll(() => p.getByTestId('save-status').first().textContent(), { timeout: 15_000 }).toMatch(/保存しました/);
}

/** A small, valid one-page PDF (header, catalog, page, xref, trailer) built here, so no file is checked in. */
function tinyPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 35} >>\nstream\nBT /F1 18 Tf 72 770 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Answers every applicable cell of round 1 with はい (the gate first), as typed by a person. */
async function answerAll(p: Page, checkedOn: string) {
  const gate = p.getByTestId('cell-gate-system');
  await gate.getByLabel('はい').check();
  await gate.getByLabel('確認日').fill(checkedOn);
  const cells = applicableCells(VENDOR_R7, { 'gate:system': { '1': { value: 'yes', checkedOn } } }, { hasVendorContract: true }).filter((c) => !c.gate);
  for (const c of cells) {
    const cell = p.getByTestId(`cell-${c.itemId}-${c.deviceClass}`);
    await cell.getByLabel('はい').check();
    await cell.getByLabel('確認日').fill(checkedOn);
  }
}

describe('the vendor form in the browser: distributed, answered once, overridden for one facility, submitted, reviewed; an MDS uploaded', () => {
  it('the prefecture distributes the 事業者確認用 to the vendors of every facility', async () => {
    const vendor = await api<{ facilityCount: number }>('GET', `/api/vendors/${AWA}`, { as: USERS.pref36 });
    awaCount = vendor.body.facilityCount;
    expect(awaCount).toBeGreaterThan(0);
    const p = await signedIn(USERS.pref36);
    await p.getByRole('button', { name: '新しい調査を作成' }).click();
    await p.getByLabel('様式').selectOption('mhlw-vendor-r7');
    await p.getByTestId('vendor-form-hint').waitFor();
    await p.getByLabel('タイトル').fill(TITLE);
    await p.getByLabel('対象年度').selectOption('2025');
    await p.getByLabel('開始日').fill('2025-06-01');
    await p.getByLabel('回答期限').fill('2026-03-31');
    await p.getByLabel('すべての医療機関').check();
    await expect.poll(() => p.getByText(/施設と契約している事業者に配布します/).count()).toBeGreaterThan(0);
    await p.getByText(/施設と契約している事業者に配布します/).scrollIntoViewIfNeeded();
    await screenshot(p, 'v01-vendor-campaign-form');
    await expectAxeClean(p, 'new vendor campaign form');
    await p.getByRole('button', { name: '作成する' }).click();

    // The survey opens on its vendor progress page, with the confirmation of what was distributed.
    await expect.poll(() => p.getByText(/事業者に配布しました/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    campaignId = /\/campaigns\/([^/]+)\/vendors$/.exec(new URL(p.url()).pathname)?.[1] ?? '';
    expect(campaignId).not.toBe('');
    const row = p.getByTestId(`vendor-progress-${AWA}`);
    await row.waitFor();
    expect(await row.textContent()).toContain(`${awaCount} 施設`);
    expect(await row.textContent()).toContain('未着手');
    await screenshot(p, 'v02-vendor-progress-new');
    await expectAxeClean(p, 'vendor progress');

    // The campaign list names the form and sends a vendor survey to its vendor progress.
    await p.getByRole('link', { name: '← 調査の一覧に戻る' }).click();
    const listed = p.getByTestId(`campaign-row-${campaignId}`);
    await listed.waitFor();
    expect(await listed.textContent()).toContain('事業者確認用');
    await p.close();
  });

  it('the vendor answers its standard answer once, sees it applies to all its facilities, overrides one facility and submits', async () => {
    const p = await signedIn(USERS.vendor36);
    await p.getByRole('heading', { name: '事業者ポータル' }).waitFor();
    const row = p.getByTestId(`vendor-campaign-${campaignId}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('対応が必要');
    await p.getByTestId('documents-table').waitFor();
    await p.getByTestId('vendor-facilities').getByRole('table').waitFor();
    await screenshot(p, 'v03-vendor-home');
    await expectAxeClean(p, 'vendor home');

    await row.getByRole('link', { name: TITLE }).click();
    await p.getByRole('heading', { name: '標準回答', exact: true }).waitFor();
    expect(await p.getByTestId('applies-to').textContent()).toBe(`この標準回答は ${awaCount} 施設に適用されます`);
    await answerAll(p, '2025-06-10');
    await waitSaved(p);
    await p.getByTestId('applies-to').scrollIntoViewIfNeeded();
    await screenshot(p, 'v04-vendor-standard-answer');
    await expectAxeClean(p, 'vendor response');

    // A second standard answer for a product none of its contracts names applies to no facility; it is deleted again.
    await p.getByRole('button', { name: '標準回答を追加' }).click();
    await p.getByLabel('名前 (製品・サービス名)').fill('PACS 連携オプション');
    await p.getByRole('group', { name: 'この標準回答を適用する契約のシステム' }).getByLabel('PACS').check();
    await p.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => p.getByTestId('applies-to').textContent(), { timeout: 10_000 }).toBe('この標準回答は 0 施設に適用されます');
    await screenshot(p, 'v04b-vendor-second-profile');
    await expectAxeClean(p, 'second standard answer');
    // Renamed, then answered: the answer is saved on top of the renamed version.
    await p.getByRole('button', { name: '名前・対象システムを変更' }).click();
    await p.getByLabel('名前 (製品・サービス名)').fill('PACS 連携');
    await p.getByRole('button', { name: '保存する' }).click();
    await p
      .locator('.profile-tabs')
      .getByRole('button', { name: /PACS 連携(?!オプション)/ })
      .waitFor();
    const gate = p.getByTestId('cell-gate-system');
    await gate.getByLabel('はい').check();
    await gate.getByLabel('確認日').fill('2025-06-10');
    await waitSaved(p);
    await p.locator('.profile-tabs').getByRole('button').first().click();
    await expect.poll(() => p.getByTestId('applies-to').textContent(), { timeout: 10_000 }).toBe(`この標準回答は ${awaCount} 施設に適用されます`);
    await p
      .locator('.profile-tabs')
      .getByRole('button', { name: /PACS 連携/ })
      .click();
    await p.getByRole('button', { name: 'この標準回答を削除' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'この標準回答を削除' }).click();
    await expect.poll(() => p.getByRole('button', { name: /PACS 連携/ }).count(), { timeout: 10_000 }).toBe(0);
    expect(await p.getByTestId('applies-to').textContent()).toBe(`この標準回答は ${awaCount} 施設に適用されます`);

    // One facility's deployment differs: 2(2) is いいえ there, with a target date.
    const facilityId = awaFacility;
    const facilityName = T36.facilities.find((f) => f.id === facilityId)?.name ?? '';
    const assignment = p.getByTestId(`assignment-${facilityId}`);
    // The list re-renders after the profile removal settles; a click during that re-render can be lost (a full
    // CI run saw the page not change once), so wait for the network to go quiet and click again if needed.
    await p.waitForLoadState('networkidle');
    const facilityHeading = p.getByRole('heading', { name: `${facilityName} への回答` });
    await assignment.getByRole('link', { name: facilityName }).click();
    if (
      !(await facilityHeading.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      ))
    ) {
      if (await assignment.isVisible()) await assignment.getByRole('link', { name: facilityName }).click();
      await facilityHeading.waitFor();
    }

    // Someone else (another tab, a colleague) changes this facility first: the page stops saving and offers a reload.
    const path = `/api/campaigns/${campaignId}/vendors/${AWA}/facilities/${facilityId}`;
    const before = await api<{ version: number }>('GET', path, { as: USERS.vendor36 });
    const elsewhere = await api('PUT', path, { as: USERS.vendor36, body: { expectedVersion: before.body.version, profileId: 'standard', changes: [] } });
    expect(elsewhere.status).toBe(200);
    await p.getByTestId('cell-3-1-system').getByLabel('確認日').fill('2025-06-11');
    await p.getByRole('button', { name: '最新の内容を読み込む' }).first().waitFor({ timeout: 15_000 });
    await screenshot(p, 'v05a-vendor-facility-conflict');
    await p.getByRole('button', { name: '最新の内容を読み込む' }).last().click();
    await p.getByRole('heading', { name: `${facilityName} への回答` }).waitFor();
    expect(await p.getByLabel('適用する標準回答').inputValue()).toBe('standard');
    expect(await p.getByTestId('cell-3-1-system').getByLabel('確認日').inputValue()).toBe('2025/06/10');
    const cell = p.getByTestId('cell-2-2-system');
    expect(await cell.getByLabel('はい').isChecked()).toBe(true);
    await cell.getByLabel('いいえ').check();
    await cell.getByLabel('目標日').fill('2026-03-01');
    await waitSaved(p);
    await expect.poll(() => p.getByTestId('overrides-summary').textContent()).toBe('この医療機関向けに変更した欄: 1');
    await p.getByTestId('override-2-2').waitFor();
    await p.getByTestId('item-2-2').scrollIntoViewIfNeeded();
    await screenshot(p, 'v05-vendor-facility-override');
    await expectAxeClean(p, 'vendor facility override');

    // A second override, cleared again with 「標準回答に戻す」.
    const other = p.getByTestId('cell-1-1-system');
    await other.getByLabel('いいえ').check();
    await other.getByLabel('目標日').fill('2026-03-01');
    await waitSaved(p);
    await expect.poll(() => p.getByTestId('overrides-summary').textContent()).toBe('この医療機関向けに変更した欄: 2');
    await p.getByTestId('override-1-1').getByRole('button', { name: '標準回答に戻す' }).click();
    await expect.poll(() => p.getByTestId('overrides-summary').textContent()).toBe('この医療機関向けに変更した欄: 1');
    expect(await other.getByLabel('はい').isChecked()).toBe(true);

    // The response lists the facility with its one changed cell; the whole response is submitted.
    await p.getByRole('link', { name: '← 回答 (標準回答) に戻る' }).click();
    await expect.poll(() => p.getByTestId(`assignment-${facilityId}`).textContent(), { timeout: 10_000 }).toContain('1 欄');
    const panel = p.getByTestId('vendor-submit-panel');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByRole('button', { name: '1回目を提出する' }).click();
    await p.getByRole('dialog').getByRole('button', { name: '提出する' }).click();
    await p.getByTestId('vendor-submitted-banner').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('vendor-submitted-banner').textContent()).toContain('1回目を提出しました');
    await screenshot(p, 'v06-vendor-submitted');
    await expectAxeClean(p, 'vendor submitted');
    await p.close();
  });

  it('the vendor uploads an MDS: an executable named .pdf is refused with its reason, a real PDF is registered', async () => {
    const p = await signedIn(USERS.vendor36);
    const docs = p.getByTestId('documents-section');
    await docs.waitFor();
    await docs.getByRole('button', { name: '開示書を登録' }).click();
    const form = p.getByTestId('document-form');
    await form.getByLabel('MDS (製造業者による開示書)').check();
    await form.getByLabel('製品・サービス名').fill(PRODUCT);
    await form.getByLabel('製品のバージョン').fill('5.2');
    await form.getByLabel('発行日').fill('2025-05-01');
    await form.getByLabel('JAHIS 様式のバージョン').fill('Ver.3.1');
    await form.getByLabel(DOC_SYSTEM).check();

    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 1)]);
    await form.getByLabel('ファイル', { exact: true }).setInputFiles({ name: 'disclosure.pdf', mimeType: 'application/pdf', buffer: exe });
    await form.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => p.getByTestId('document-file-error').count(), { timeout: 15_000 }).toBe(1);
    const reason = (await p.getByTestId('document-file-error').textContent()) ?? '';
    expect(reason.length).toBeGreaterThan(0);
    await form.scrollIntoViewIfNeeded();
    await screenshot(p, 'v07-document-refused');
    await expectAxeClean(p, 'document refused');

    await form
      .getByLabel('ファイル', { exact: true })
      .setInputFiles({ name: 'awa-karte-mds.pdf', mimeType: 'application/pdf', buffer: tinyPdf('MDS awa karte cloud 5.2') });
    await form.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => p.getByTestId('document-created').textContent(), { timeout: 20_000 }).toMatch(/を登録しました/);
    const table = p.getByTestId('documents-table');
    await expect.poll(() => table.textContent()).toContain('awa-karte-mds.pdf');

    // The same kind and product again: the next version; the one before is kept, marked as superseded.
    await docs.getByRole('button', { name: '開示書を登録' }).click();
    await form.getByLabel('製品・サービス名').fill(PRODUCT);
    await form.getByLabel('製品のバージョン').fill('5.3');
    await form.getByLabel('発行日').fill('2025-09-01');
    await form.getByLabel('JAHIS 様式のバージョン').fill('Ver.3.1');
    await form.getByLabel(DOC_SYSTEM).check();
    await form
      .getByLabel('ファイル', { exact: true })
      .setInputFiles({ name: 'awa-karte-mds-5.3.pdf', mimeType: 'application/pdf', buffer: tinyPdf('MDS awa karte cloud 5.3') });
    await form.getByRole('button', { name: '登録する' }).click();
    await expect.poll(() => p.getByTestId('document-created').textContent(), { timeout: 20_000 }).toMatch(/第\d+版を登録しました/);
    const v = Number(/第(\d+)版/.exec((await p.getByTestId('document-created').textContent()) ?? '')?.[1]);
    expect(v).toBeGreaterThan(1);
    const listed = await api<{ items: { documentId: string; product: string; versions: { current: boolean; fileName: string }[] }[] }>(
      'GET',
      `/api/vendors/${AWA}/documents`,
      { as: USERS.vendor36 },
    );
    const mine = listed.body.items.find((g) => g.product === PRODUCT);
    expect(mine?.versions.slice(0, 2).map((x) => [x.current, x.fileName])).toEqual([
      [true, 'awa-karte-mds-5.3.pdf'],
      [false, 'awa-karte-mds.pdf'],
    ]);
    const newer = p.getByTestId(`document-${mine?.documentId}-v${v}`);
    await newer.waitFor({ timeout: 10_000 });
    expect(await newer.textContent()).toContain('最新');
    expect(await p.getByTestId(`document-${mine?.documentId}-v${v - 1}`).textContent()).toContain(`第${v}版で更新`);
    await docs.scrollIntoViewIfNeeded();
    await screenshot(p, 'v08-document-registered');
    await expectAxeClean(p, 'documents');

    // The portal reads in English too.
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Vendor portal', level: 1 }).waitFor();
    await p.getByRole('heading', { name: 'Surveys to answer (vendor form)' }).waitFor();
    await screenshot(p, 'v08b-vendor-home-english');
    await expectAxeClean(p, 'vendor home in English');
    await p.getByRole('button', { name: '日本語' }).click();
    await p.close();
  });

  it('the prefecture sees the submission, sends it back with a reason; the vendor reads it, submits again; the prefecture confirms', async () => {
    await settle();
    const pref = await signedIn(USERS.pref36);
    await pref.goto(`${stackInfo().url}/campaigns/${campaignId}/vendors`);
    const row = pref.getByTestId(`vendor-progress-${AWA}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('提出済み');
    await row.getByRole('link').click();
    const review = pref.getByTestId('vendor-review-panel');
    await review.waitFor();
    await review.scrollIntoViewIfNeeded();
    await screenshot(pref, 'v09-vendor-review');
    await expectAxeClean(pref, 'vendor review');
    await review.getByLabel('差戻しの理由 (直してほしいこと)').fill('2(2) のリモート保守の回答を、契約内容と合わせて見直してください。');
    await review.getByRole('button', { name: '差し戻す' }).click();
    await pref.getByRole('dialog').getByRole('button', { name: '差し戻す' }).click();
    await pref.getByTestId('vendor-returned-banner').waitFor({ timeout: 15_000 });

    const vendor = await signedIn(USERS.vendor36);
    await vendor.getByTestId(`vendor-campaign-${campaignId}`).getByRole('link', { name: TITLE }).click();
    const banner = vendor.getByTestId('vendor-returned-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('都道府県から差戻しがありました');
    expect(await banner.textContent()).toContain('2(2) のリモート保守の回答を');
    await screenshot(vendor, 'v10-vendor-returned');
    await expectAxeClean(vendor, 'vendor returned');
    const panel = vendor.getByTestId('vendor-submit-panel');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByRole('button', { name: '1回目を提出する' }).click();
    await vendor.getByRole('dialog').getByRole('button', { name: '提出する' }).click();
    await vendor.getByTestId('vendor-submitted-banner').waitFor({ timeout: 15_000 });
    await vendor.close();

    await pref.reload();
    const again = pref.getByTestId('vendor-review-panel');
    await again.waitFor();
    // The page settles (its reads and the header's unread count) before the dialog opens: in one full CI run under
    // load the first click's dialog never showed (seen once, not reproduced alone); a second click covers that.
    await pref.waitForLoadState('networkidle');
    const message = pref.getByRole('dialog').getByLabel('事業者へのメッセージ (任意)');
    await again.getByRole('button', { name: '確認 (受理) する' }).click();
    if (
      !(await message.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      ))
    )
      await again.getByRole('button', { name: '確認 (受理) する' }).click();
    await message.fill('確認しました。');
    await pref.getByRole('dialog').getByRole('button', { name: '確認を送信' }).click();
    // The banner says who confirmed it, and quotes the message apart (the message itself says 確認しました too).
    const confirmed = pref.getByTestId('vendor-submitted-banner');
    await expect.poll(() => confirmed.locator('p').nth(1).textContent(), { timeout: 15_000 }).toMatch(/^令和\d+年\d+月\d+日に阿波 花子さんが確認しました$/);
    expect(await confirmed.locator('p.quote').textContent()).toBe('確認しました。');
    await screenshot(pref, 'v11-vendor-confirmed');
    await pref.getByRole('link', { name: '← 事業者ごとの回答状況に戻る' }).click();
    await expect.poll(() => pref.getByTestId(`vendor-progress-${AWA}`).locator('td').first().textContent(), { timeout: 10_000 }).toBe('確認済み');
    await screenshot(pref, 'v12-vendor-progress-confirmed');

    // The vendors page links to the vendor's documents.
    await pref.getByRole('link', { name: '事業者', exact: true }).click();
    // …and lists the contracted vendors with no current MDS/SDS: 四国医療情報サービス has none at all.
    const missing = pref.getByTestId('missing-v-shikoku-it');
    await missing.waitFor({ timeout: 10_000 });
    expect(await missing.getByRole('cell').last().textContent()).toBe('1 件も登録なし');
    await pref.getByTestId('missing-documents').scrollIntoViewIfNeeded();
    await screenshot(pref, 'v12b-vendors-missing-documents');
    await expectAxeClean(pref, 'vendors page with the missing MDS/SDS card');
    await pref.getByTestId(`vendor-row-${AWA}`).getByRole('link').click();
    await expect.poll(() => pref.getByTestId('documents-table').textContent(), { timeout: 10_000 }).toContain('awa-karte-mds-5.3.pdf');
    await screenshot(pref, 'v13-prefecture-vendor-page');
    await expectAxeClean(pref, 'prefecture vendor page');
    await pref.close();
  });
});
