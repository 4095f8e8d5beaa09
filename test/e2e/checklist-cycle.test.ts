import { applicableCells, getBuiltInTemplate, type Template } from '@mcr/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';
import { nextVersionFile } from '../support/templates.ts';

const T36 = tokushima();
const R6 = getBuiltInTemplate('mhlw-facility-r6') as Template;
const hospital = T36.facilities[0]!;
const hasContract = T36.contracts.some((c) => c.facilityId === hospital.id);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function page(): Promise<Page> {
  return browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
}

async function waitSaved(p: Page) {
  await expect.poll(() => p.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/保存しました/);
}

describe('the checklist cycle in the browser: R6 answered and submitted, a new version loaded, R7 carried forward', () => {
  it('a hospital fills in the whole R6 form, is stopped on a いいえ without target date, and submits', async () => {
    const p = await page();
    await signIn(p, stackInfo().url, login(USERS.hospitalAdmin36));
    await p
      .getByRole('link', { name: /令和6年度/ })
      .first()
      .click();

    // The gate first, then every applicable cell of the official form.
    const gate = p.getByTestId('cell-gate-system');
    await gate.getByLabel('はい').check();
    await gate.getByLabel('確認日').fill('2024-06-10');
    const cells = applicableCells(R6, { 'gate:system': { '1': { value: 'yes', checkedOn: '2024-06-10' } } }, { hasVendorContract: hasContract }).filter(
      (c) => !c.gate,
    );
    for (const c of cells) {
      const cell = p.getByTestId(`cell-${c.itemId}-${c.deviceClass}`);
      if (c.key === '2-6:server') {
        await cell.getByLabel('いいえ').check();
        await cell.getByLabel('確認日').fill('2024-06-10');
        await expect.poll(() => p.getByText('「いいえ」の場合は対応目標日を入力してください').count()).toBeGreaterThan(0);
        await cell.getByLabel('目標日').fill('2024-12-20');
      } else {
        await cell.getByLabel('はい').check();
        await cell.getByLabel('確認日').fill('2024-06-10');
      }
    }
    await waitSaved(p);

    const panel = p.getByTestId('submit-panel');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(p, '10-r6-complete-before-submit');
    await panel.getByRole('button', { name: '1回目を提出する' }).click();
    await p.getByRole('dialog').getByRole('button', { name: '提出する' }).click();
    await expect.poll(() => p.getByTestId('submitted-banner').count(), { timeout: 15_000 }).toBe(1);
    await screenshot(p, '11-r6-submitted');
    expect(await axeViolations(p)).toEqual([]);
    await p.close();
  });

  it('the prefecture loads a new version from a file: a broken file is refused with its line, a good one appears', async () => {
    const p = await page();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.getByRole('link', { name: '様式 (チェックリストの版)' }).first().click();
    await p.getByRole('heading', { name: '様式 (チェックリストの版)' }).waitFor();

    const broken = JSON.stringify(nextVersionFile('pref-r8-broken'), null, 2).replace('"server"', '"printer"');
    await p.getByLabel('様式ファイル (JSON)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await p.getByRole('button', { name: '読み込む' }).click();
    await expect.poll(() => p.getByTestId('upload-errors').textContent(), { timeout: 10_000 }).toMatch(/行目/);
    await screenshot(p, '12-template-upload-errors');

    const id = 'pref-r8-e2e';
    await p
      .getByLabel('様式ファイル (JSON)')
      .setInputFiles({ name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(nextVersionFile(id), null, 2)) });
    await p.getByRole('button', { name: '読み込む' }).click();
    await p.getByTestId(`template-row-${id}`).waitFor({ timeout: 10_000 });
    await screenshot(p, '13-templates');
    expect(await axeViolations(p)).toEqual([]);
    await p.close();
  });

  it('the prefecture distributes R7; the hospital finds its R6 answers carried forward and the new items empty', async () => {
    const admin = await page();
    await signIn(admin, stackInfo().url, login(USERS.pref36));
    await admin.getByRole('button', { name: '新しい調査を作成' }).click();
    await admin.getByLabel('様式').selectOption('mhlw-facility-r7');
    await admin.getByLabel('タイトル').fill('令和7年度 医療機関におけるサイバーセキュリティ対策チェックリスト');
    await admin.getByLabel('対象年度').selectOption('2025');
    await admin.getByLabel('開始日').fill('2025-06-01');
    await admin.getByLabel('回答期限').fill('2026-03-31');
    await admin.getByLabel('すべての医療機関').check();
    await screenshot(admin, '14-create-campaign');
    await admin.getByRole('button', { name: '作成する' }).click();
    await expect.poll(() => admin.getByText(/施設に配布しました/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await screenshot(admin, '15-campaign-created');
    await admin.close();

    const p = await page();
    await signIn(p, stackInfo().url, login(USERS.hospitalAdmin36));
    await p
      .getByRole('link', { name: /令和7年度/ })
      .first()
      .click();
    const carried = p.getByTestId('cell-1-1-system');
    await expect.poll(() => carried.getByText('前年度から引継ぎ').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    for (const fresh of ['2-7', '2-8', '2-9', '2-10', '2-11']) {
      const cell = p.getByTestId(`cell-${fresh}-system`);
      expect(await cell.getByLabel('はい').isChecked(), fresh).toBe(false);
      expect(await cell.getByLabel('いいえ').isChecked(), fresh).toBe(false);
      expect(await cell.getByText('前年度から引継ぎ').count(), fresh).toBe(0);
    }
    await screenshot(p, '16-r7-carried-forward');
    await carried.getByRole('button', { name: 'この回答を確認' }).click();
    await waitSaved(p);
    expect(await carried.getByText('前年度から引継ぎ').count()).toBe(0);
    expect(await axeViolations(p)).toEqual([]);
    await p.close();
  });
});
