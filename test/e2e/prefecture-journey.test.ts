import { applicableCells, getBuiltInTemplate, type Template } from '@mcr/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../packages/local/src/cognito/auth-flows.ts';
import { api, login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { temporaryPasswordFor } from '../support/mail.ts';
import { stackInfo } from '../support/stack-info.ts';

const R7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
const HC = 'E2E保健所';
const CODE = '3610077001';
const directorEmail = `director-${Date.now()}@e2e-hospital.example.jp`;
const HEADER = '名称,種別,病床数,保健所,二次医療圏,医療機関コード,所在地,連絡先メール';
const good = [
  `E2E記念病院,病院,150,${HC},東部,${CODE},徳島県徳島市E2E町1,info@e2e-hospital.example.jp`,
  `E2Eこども診療所,診療所,0,${HC},東部,3610077002,徳島県徳島市E2E町2,`,
];
const broken = [...good, 'E2E不明機関,病医院,10,E2E保健所,東部,3610077003,,', `E2E重複病院,病院,5,${HC},東部,${CODE},,`];
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`);

let browser: Browser;
let facilityId = '';
let directorSecret = '';
const directorPassword = 'Director-Pass-2026!';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const newPage = () => browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });

async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

async function directorPage(): Promise<Page> {
  const p = await newPage();
  await signIn(p, stackInfo().url, { email: directorEmail, password: directorPassword, totpSecret: directorSecret });
  return p;
}

async function openResponseAsAdmin(p: Page) {
  await p.goto(`${stackInfo().url}/campaigns`);
  await p
    .getByRole('link', { name: /E2E 令和8年度/ })
    .first()
    .click();
  await p.getByTestId(`progress-row-${facilityId}`).getByRole('link').first().click();
}

describe('a prefecture runs the cycle: import, invite, distribute, review with 差戻し, confirm — and the audit log shows it', () => {
  it('imports the facility list: a file with broken rows is refused row by row, the fixed file is imported', async () => {
    const p = await newPage();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.getByRole('link', { name: '医療機関', exact: true }).click();
    await p.getByLabel('取り込むファイル (CSV / Excel)').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: csv(broken) });
    await p.getByTestId('import-errors').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('import-error-4').count()).toBeGreaterThan(0);
    expect(await p.getByTestId('import-error-5').count()).toBeGreaterThan(0);
    expect(await p.getByRole('button', { name: '取り込む', exact: true }).count()).toBe(0);
    await screenshot(p, '20-import-errors');
    await expectAxeClean(p, 'import errors');

    await p.getByLabel('取り込むファイル (CSV / Excel)').setInputFiles({ name: 'facilities.csv', mimeType: 'text/csv', buffer: csv(good) });
    // データ行, 新規, 更新, 変更なし, 誤り: two new facilities and nothing else (not merely a "2" somewhere).
    await expect
      .poll(() => p.getByTestId('import-summary').locator('.counter-value').allTextContents(), { timeout: 15_000 })
      .toEqual(['2 件', '2 件', '0 件', '0 件', '0 件']);
    // A 保健所 not registered yet: the import asks first (a misspelling would otherwise become a second 保健所).
    expect(await p.getByRole('button', { name: '取り込む', exact: true }).isDisabled()).toBe(true);
    await p.getByLabel(`「${HC}」を新しい保健所として登録する`).check();
    await p.getByRole('button', { name: '取り込む', exact: true }).click();
    await p.getByTestId('import-result').waitFor({ timeout: 15_000 });
    await screenshot(p, '21-import-done');
    const list = await api<{ items: { id: string; medicalInstitutionCode: string }[] }>('GET', `/api/facilities?q=${CODE}`, { as: USERS.pref36 });
    facilityId = list.body.items.find((f) => f.medicalInstitutionCode === CODE)?.id ?? '';
    expect(facilityId).not.toBe('');
    await p.close();
  });

  it('invites the hospital director by e-mail; the director signs in the first time and enrols TOTP', async () => {
    const p = await newPage();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.getByRole('link', { name: '利用者', exact: true }).click();
    await p.getByRole('button', { name: '利用者を招待' }).click();
    await p.getByLabel('メールアドレス').fill(directorEmail);
    await p.getByLabel('氏名').fill('記念 院長');
    await p.getByLabel('役割').selectOption('facility_admin');
    await p
      .getByLabel(/医療機関を検索|医療機関/)
      .first()
      .fill('E2E記念');
    await p
      .getByRole('option', { name: /E2E記念病院/ })
      .first()
      .click();
    await screenshot(p, '22-invite');
    await p.getByRole('button', { name: '招待する' }).click();
    await expect.poll(() => p.getByText('招待メールを送信しました').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await p.close();

    const temporary = await temporaryPasswordFor(directorEmail);
    expect(temporary).not.toBe('');

    const d = await newPage();
    await d.goto(stackInfo().url);
    await d.getByLabel('メールアドレス').fill(directorEmail);
    await d.getByLabel('パスワード', { exact: true }).fill(temporary);
    await d.getByRole('button', { name: 'ログイン' }).click();
    await d.getByLabel('新しいパスワード', { exact: true }).fill(directorPassword);
    await d.getByLabel('新しいパスワード (確認)').fill(directorPassword);
    await d.getByRole('button', { name: '次へ' }).click();
    directorSecret = (await d.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    await d.getByLabel('確認コード (6桁)').fill(totpCode(directorSecret));
    await d.getByRole('button', { name: '設定する' }).click();
    await d.getByRole('button', { name: 'ログアウト' }).waitFor();
    await d.close();
  });

  it('creates a campaign for the new 保健所; the hospital answers everything and submits', async () => {
    const p = await newPage();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.getByRole('button', { name: '新しい調査を作成' }).click();
    await p.getByLabel('様式').selectOption('mhlw-facility-r7');
    await p.getByLabel('タイトル').fill('E2E 令和8年度 チェックリスト');
    await p.getByLabel('対象年度').selectOption('2026');
    await p.getByLabel('開始日').fill('2026-06-01');
    await p.getByLabel('回答期限').fill('2027-03-31');
    await p.getByLabel('保健所で選ぶ').check();
    await p.getByLabel(new RegExp(HC)).check();
    await p.getByRole('button', { name: '作成する' }).click();
    await expect.poll(() => p.getByText(/施設に配布しました/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await p.close();

    const d = await directorPage();
    await d
      .getByRole('link', { name: /E2E 令和8年度/ })
      .first()
      .click();
    const cells = applicableCells(R7, { 'gate:system': { '1': { value: 'yes', checkedOn: '2026-06-10' } } }, { hasVendorContract: false });
    for (const c of cells) {
      const cell = d.getByTestId(`cell-${c.itemId}-${c.deviceClass}`);
      await cell.getByLabel('はい').check();
      await cell.getByLabel('確認日').fill('2026-06-10');
    }
    await expect.poll(() => d.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/保存しました/);
    await d.getByTestId('submit-panel').getByRole('button', { name: '1回目を提出する' }).click();
    await d.getByRole('dialog').getByRole('button', { name: '提出する' }).click();
    await d.getByTestId('submitted-banner').waitFor({ timeout: 15_000 });
    await d.close();
  });

  it('the prefecture sends it back with a comment on 2(11) (アクセスログ); the hospital sees it next to the item, fixes and resubmits', async () => {
    const p = await newPage();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await openResponseAsAdmin(p);
    await p.getByTestId('cell-2-12-server').scrollIntoViewIfNeeded();
    await p.getByRole('button', { name: 'この項目にコメント' }).nth(cellsBefore('2-12')).click();
    await p.getByLabel('コメント (2(11))').fill('ログの保存期間を備考に記載してください。');
    await p.getByLabel('差戻しの理由').fill('アクセスログの管理について確認をお願いします。');
    await p.getByRole('button', { name: '差戻す' }).click();
    await p.getByRole('dialog').getByRole('button', { name: '差戻しを送信' }).click();
    await expect.poll(() => p.getByText('差戻し').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(p, '23-returned-by-prefecture');
    await p.close();

    const d = await directorPage();
    await d
      .getByRole('link', { name: /E2E 令和8年度/ })
      .first()
      .click();
    await d.getByTestId('returned-banner').waitFor({ timeout: 10_000 });
    const comment = d.getByTestId('item-comment-2-12');
    await expect.poll(() => comment.textContent()).toContain('ログの保存期間');
    await comment.scrollIntoViewIfNeeded();
    await screenshot(d, '24-facility-sees-comment');
    await expectAxeClean(d, 'returned response');
    const cell = d.getByTestId('cell-2-12-server');
    await cell.getByText('備考').click();
    await cell.getByRole('textbox', { name: /備考/ }).fill('アクセスログは1年間保存しています。');
    await expect.poll(() => d.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/保存しました/);
    await d.getByTestId('submit-panel').getByRole('button', { name: '1回目を提出する' }).click();
    await d.getByRole('dialog').getByRole('button', { name: '提出する' }).click();
    await d.getByTestId('submitted-banner').waitFor({ timeout: 15_000 });
    await d.close();
  });

  it('the prefecture confirms; the audit log shows every step', async () => {
    const p = await newPage();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await openResponseAsAdmin(p);
    await p.getByRole('button', { name: '確認 (受理) する' }).click();
    const dialog = p.getByRole('dialog');
    if (await dialog.count()) await dialog.getByRole('button', { name: /確認/ }).last().click();
    // The response's own status badge (the page also says 確認 in buttons and headings).
    await expect.poll(() => p.locator('.badge.status-confirmed').first().textContent(), { timeout: 10_000 }).toBe('確認済み');

    await p.getByRole('link', { name: '操作履歴', exact: true }).click();
    await p.getByLabel('対象').fill(facilityId);
    await p.getByRole('button', { name: /検索|絞り込む/ }).click();
    await expect.poll(() => p.getByTestId('audit-row').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    const text = (await p.getByTestId('audit-row').allTextContents()).join('\n');
    for (const step of ['提出', '差戻し', '確認', '回答の保存']) expect(text, step).toContain(step);
    await screenshot(p, '25-audit-log');
    await expectAxeClean(p, 'audit log');
    await p.close();
  });
});

/** How many 「この項目にコメント」 buttons come before an item on the page (one per item, official order). */
function cellsBefore(itemId: string): number {
  const ids = R7.sections.flatMap((s) => s.items.map((i) => i.id));
  return ids.indexOf(itemId);
}
