import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { totpCode } from '../../packages/local/src/cognito/auth-flows.ts';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';
import { inviteUser } from '../support/users.ts';

const T36 = tokushima();
/** A clinic nobody else's test touches. */
const clinic = T36.facilities.filter((f) => f.kind === 'clinic')[3]!;
const email = `director-${Date.now()}@clinic.example.jp`;
const temporaryPassword = 'Temp-Pass-2026!';
const newPassword = 'My-New-Pass-2026!';

let browser: Browser;
/** The TOTP secret the director enrolled in the first test; the next tests sign in with it. */
let secret = '';

beforeAll(async () => {
  browser = await launchBrowser();
  await inviteUser('36', email, temporaryPassword, {
    displayName: '小松 直子',
    role: 'facility_admin',
    orgKind: 'facility',
    orgId: clinic.id,
    orgName: clinic.name,
  });
});

afterAll(async () => {
  await browser?.close();
});

async function expectAxeClean(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('a clinic director signs in for the first time, answers the checklist, and the prefecture sees it', () => {
  it('first sign-in: temporary password → new password → TOTP enrolment with a QR code', async () => {
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(stackInfo().url);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード', { exact: true }).fill(temporaryPassword);
    await screenshot(page, '01-sign-in');
    await expectAxeClean(page, 'sign-in');
    await page.getByRole('button', { name: 'ログイン' }).click();

    await page.getByLabel('新しいパスワード', { exact: true }).fill(newPassword);
    await page.getByLabel('新しいパスワード (確認)').fill(newPassword);
    await screenshot(page, '02-new-password');
    await page.getByRole('button', { name: '次へ' }).click();

    secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect.poll(() => page.locator('img[alt*="QR"], canvas').count()).toBeGreaterThan(0);
    await screenshot(page, '03-totp-enrolment');
    await expectAxeClean(page, 'totp enrolment');
    await page.getByLabel('確認コード (6桁)').fill(totpCode(secret));
    await page.getByRole('button', { name: '設定する' }).click();

    await expect.poll(() => page.getByText(clinic.name).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('signs in again with password and TOTP, opens the checklist and saves an answer', async () => {
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(stackInfo().url);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByLabel('確認コード (6桁)').fill(totpCode(secret));
    await page.getByRole('button', { name: 'ログイン' }).click();

    await page
      .getByRole('link', { name: /令和6年度/ })
      .first()
      .click();
    const gate = page.getByTestId('cell-gate-system');
    await gate.getByLabel('はい').check();
    await gate.getByLabel('確認日').fill('2024-07-01');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/保存しました/);

    // A いいえ without its target date is stopped with a clear message, and not saved.
    const item = page.getByTestId('cell-1-1-system');
    await item.getByLabel('いいえ').check();
    await item.getByLabel('確認日').fill('2024-07-01');
    await expect.poll(() => item.getByText(/目標日/).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('「いいえ」の場合は対応目標日を入力してください').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await screenshot(page, '04-checklist-missing-target');
    await item.getByLabel('目標日').fill('2024-12-20');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/保存しました/);
    await screenshot(page, '05-checklist-saved');
    await expectAxeClean(page, 'checklist');
    await page.close();
  });

  it('the prefecture admin sees the clinic move to 回答中 on the campaign progress', async () => {
    const admin = login(USERS.pref36);
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(stackInfo().url);
    await page.getByLabel('メールアドレス').fill(admin.email);
    await page.getByLabel('パスワード', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByLabel('確認コード (6桁)').fill(totpCode(admin.totpSecret));
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page
      .getByRole('link', { name: /令和6年度/ })
      .first()
      .click();
    // The table is paged on the server: find the clinic by its 医療機関コード.
    await page.getByLabel(/医療機関コードで検索/).fill(clinic.medicalInstitutionCode);
    const row = page.getByTestId(`progress-row-${clinic.id}`);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/回答中/);
    await screenshot(page, '06-prefecture-progress');
    await expectAxeClean(page, 'progress');
    await page.close();
  });
});
