import type { Campaign, Me } from '@mcr/contract';
import { allItems, getBuiltInTemplate } from '@mcr/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

// Issue 10, item 1: the prefecture distributes the BCP 確認表 and a facility answers it (decision 0017).
const BCP = getBuiltInTemplate('mhlw-bcp-r6');
const TITLE = `E2E BCP確認表 ${Date.now()}`;
const NO_ITEM = 'initial-response-5';

let browser: Browser;
let campaignId = '';

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

describe('the BCP 確認表 in the browser', () => {
  it('the prefecture distributes the BCP table to a clinic', async () => {
    const me = await api<Me>('GET', '/api/me', { as: USERS.clinic36 });
    const clinicName = me.body.organisation?.name as string;
    const p = await newPage();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.getByRole('button', { name: '新しい調査を作成' }).click();
    await p.getByLabel('様式').selectOption('mhlw-bcp-r6');
    // The table dates from 2024; a survey of it is for the current year.
    expect(await p.getByLabel('対象年度').inputValue()).toBe('2026');
    await p.getByLabel('タイトル').fill(TITLE);
    await p.getByLabel('開始日').fill('2026-11-01');
    await p.getByLabel('回答期限').fill('2027-02-26');
    await p.getByLabel('医療機関を選ぶ').check();
    await p.getByLabel('医療機関名または医療機関コードで検索').fill(clinicName);
    await p
      .getByRole('checkbox', { name: new RegExp(clinicName) })
      .first()
      .check();
    await expect.poll(() => p.getByText('この条件で 1 施設に配布します。').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(p, 'bcp-01-distribute');
    await expectAxeClean(p, 'new BCP survey');
    await p.getByRole('button', { name: '作成する' }).click();
    await expect.poll(() => p.getByText(/施設に配布しました/).count(), { timeout: 20_000 }).toBeGreaterThan(0);

    const list = await api<{ items: Campaign[] }>('GET', '/api/campaigns', { as: USERS.pref36 });
    const created = list.body.items.find((c) => c.title.ja === TITLE);
    expect(created).toMatchObject({ form: 'bcp', fiscalYear: 2026 });
    campaignId = created?.id ?? '';
    await p.goto(`${stackInfo().url}/campaigns`);
    const row = p.getByTestId(`campaign-row-${campaignId}`);
    await expect.poll(() => row.textContent()).toContain('BCP確認表');
    await p.close();
  });

  it('the clinic finds it on its BCP page, answers every question by phase and submits', async () => {
    const d = await newPage();
    await signIn(d, stackInfo().url, login(USERS.clinic36));
    await d.getByRole('link', { name: 'BCP確認表', exact: true }).click();
    const card = d.getByTestId(`bcp-task-${campaignId}`);
    await card.waitFor({ timeout: 10_000 });
    expect(await card.textContent()).toContain('未着手');
    // Nothing answered yet reads 「未回答」, not 「0% 要対応」.
    expect(await card.textContent()).toContain('未回答');
    expect(await card.textContent()).not.toContain('要対応');
    await screenshot(d, 'bcp-02-facility-page');
    await expectAxeClean(d, '/bcp');
    await card.getByRole('link', { name: '回答する' }).click();

    // Phases as sections, 大項目 as sub-headings, 項番 next to each question.
    await d.getByRole('heading', { name: /初動対応/ }).waitFor();
    for (const phase of ['平時', '検知', '初動対応', '復旧処理', '事後対応'])
      expect(await d.getByRole('heading', { name: new RegExp(phase) }).count()).toBeGreaterThan(0);
    await expect.poll(() => d.getByTestId('item-normal-1').textContent()).toContain('1-1(1)');
    await expect.poll(() => d.getByTestId('item-normal-1').textContent()).toContain('サーバ、端末PC、ネットワーク機器を把握できているか。');
    // The editor's summary of a table not started reads 「未回答」 too, not 「0% 要対応」.
    const summary = d.locator('section.summary');
    await expect.poll(() => summary.locator('.badge.not-answered').textContent()).toBe('未回答');
    expect(await summary.textContent()).not.toContain('要対応');
    await screenshot(d, 'bcp-03-editor-top');

    for (const item of allItems(BCP)) {
      const cell = d.getByTestId(`cell-${item.id}-system`);
      await cell
        .getByLabel(item.id === NO_ITEM ? 'いいえ' : 'はい')
        .check()
        .catch(async (err) => {
          await cell.scrollIntoViewIfNeeded();
          await screenshot(d, `bcp-debug-${item.id}`);
          throw err;
        });
      await cell.getByLabel('確認日').fill('2026-11-20');
      if (item.id === NO_ITEM) await cell.getByLabel('目標日').fill('2027-02-15');
    }
    await expect.poll(() => d.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/保存しました/);
    const noItem = d.getByTestId(`item-${NO_ITEM}`);
    await noItem.scrollIntoViewIfNeeded();
    await screenshot(d, 'bcp-04-initial-response-answered');
    await expectAxeClean(d, 'BCP editor');

    await d.getByTestId('submit-panel').getByRole('button', { name: '1回目を提出する' }).click();
    await d.getByRole('dialog').getByRole('button', { name: '提出する' }).click();
    await d.getByTestId('submitted-banner').waitFor({ timeout: 15_000 });
    await d.close();
  });

  it('the prefecture confirms it from the survey table, sees it on the BCP dashboard and can switch back to the checklist', async () => {
    const clinic = (await api<Me>('GET', '/api/me', { as: USERS.clinic36 })).body.organisation?.id as string;
    const p = await newPage();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/progress`);
    await p.getByTestId(`progress-row-${clinic}`).getByRole('link').first().click();
    await p.getByRole('button', { name: '確認 (受理) する' }).click();
    const dialog = p.getByRole('dialog');
    if (await dialog.count()) await dialog.getByRole('button', { name: /確認/ }).last().click();
    await p.getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => p.locator('.badge.status-confirmed').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await p.evaluate(() => window.scrollTo(0, 0));
    await screenshot(p, 'bcp-04b-confirmed');

    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/dashboard`);
    // One facility was sent the form, and it submitted (then was confirmed): the exact sentence, not any "1".
    await expect.poll(() => p.getByTestId('kpi-submitted-of').textContent(), { timeout: 15_000 }).toBe('1 施設中 1 施設が提出');
    await expect.poll(() => p.getByTestId('kpi-submission-rate').textContent(), { timeout: 15_000 }).toBe('100%');
    await expect
      .poll(
        () =>
          p
            .getByTestId('kpi-submission')
            .getByRole('link', { name: /^確認済み/ })
            .textContent(),
        { timeout: 15_000 },
      )
      .toBe('確認済み 1');
    // 26 of 27 はい.
    await expect.poll(() => p.getByTestId('kpi-mean-score').textContent(), { timeout: 15_000 }).toBe('96%');
    expect(await p.getByTestId('discrepancy-card').count()).toBe(0);
    await screenshot(p, 'bcp-05-dashboard');
    await expectAxeClean(p, 'BCP dashboard');
    // Weakest items by 項番: 3-5 (the one いいえ) is there with the other 26 questions.
    const heat = p.getByTestId('heatmap');
    await heat.scrollIntoViewIfNeeded();
    await expect.poll(() => p.getByTestId('heat-row-initial-response-5').count(), { timeout: 15_000 }).toBe(1);
    await screenshot(p, 'bcp-06-dashboard-items');
    const switcher = p.getByTestId('dashboard-switch');
    const options = await switcher.getByRole('option').allTextContents();
    expect(options.some((o) => o.includes('BCP確認表'))).toBe(true);
    expect(options.some((o) => o.includes('医療機関確認用'))).toBe(true);
    await p.close();
  });
});

describe('a facility no BCP 確認表 has reached', () => {
  it('reads a plain explanation on its BCP page', async () => {
    const p = await newPage();
    await signIn(p, stackInfo().url, login(USERS.hospitalAdmin37));
    await p.getByRole('link', { name: 'BCP確認表', exact: true }).click();
    await p.getByTestId('bcp-none').waitFor({ timeout: 10_000 });
    expect(await p.getByTestId('bcp-none').textContent()).toContain('BCP確認表の回答依頼はまだ届いていません。');
    await screenshot(p, 'bcp-07-none-yet');
    await expectAxeClean(p, '/bcp without a survey');
    await p.close();
  });
});
