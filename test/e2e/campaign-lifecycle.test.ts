import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { createCampaign } from '../support/campaigns.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * Issue 10: the prefecture changes a running survey in the browser — a new deadline, one facility's extension, then
 * closing it — and the clinic sees its own, extended deadline, then that the survey is closed.
 */
const T36 = tokushima();
const clinic = T36.facilities.find((f) => f.kind === 'clinic')!;
const stamp = Date.now().toString(36);
let browser: Browser;
let campaignId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const created = await createCampaign(USERS.pref36, {
    templateId: 'mhlw-facility-r7',
    title: { ja: `令和8年度 期限変更の確認 ${stamp}`, en: `FY2026 deadline check ${stamp}` },
    fiscalYear: 2026,
    opensOn: '2026-11-01',
    deadline: '2026-12-25',
    target: { kind: 'facilities', ids: [clinic.id, 'f001'] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  campaignId = created.body.campaign.id;
});
afterAll(async () => {
  await browser?.close();
  // Archived, it leaves the clinic's task list: other browser tests take the clinic's newest open survey.
  const c = await api<{ version: number; status: string }>('GET', `/api/campaigns/${campaignId}`, { as: USERS.pref36 });
  if (c.body.status === 'closed') {
    const res = await api('PUT', `/api/campaigns/${campaignId}/status`, { as: USERS.pref36, body: { expectedVersion: c.body.version, status: 'archived' } });
    expect(res.status).toBe(200);
  }
});

describe('a running survey in the browser', () => {
  it('the prefecture edits the deadline, extends one clinic and closes the survey; the clinic sees its extended deadline', async () => {
    const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/progress`);
    const settings = p.getByTestId('campaign-settings');
    await settings.waitFor({ timeout: 20_000 });
    expect(await settings.getByTestId('campaign-status').textContent()).toContain('回答受付中');

    // A deadline past the window is refused next to the field, then a sensible one is saved.
    await p.locator('#edit-deadline').fill('2027/07/01');
    await settings.getByRole('button', { name: '期限を保存' }).click();
    await expect.poll(() => settings.getByTestId('deadlines-outcome').textContent(), { timeout: 10_000 }).toBe('入力内容に誤りがあります');
    await expect.poll(() => p.locator('#edit-deadline-error').textContent()).toContain('2027年6月30日');
    await p.locator('#edit-deadline').fill('2027/01/15');
    await settings.getByRole('button', { name: '期限を保存' }).click();
    await expect.poll(() => settings.getByTestId('deadlines-outcome').textContent(), { timeout: 10_000 }).toContain('期限を変更しました');

    // One clinic gets until 12 February.
    await p.locator('#extend-facility').fill(clinic.name);
    await settings.getByTestId('extensions').getByRole('button', { name: '選択' }).first().click();
    await p.locator('#extend-to').fill('2027/02/12');
    await p.locator('#extend-reason').fill('電子カルテ更新のため');
    await settings.getByRole('button', { name: '期限を延長' }).click();
    await expect.poll(() => settings.getByTestId('extension-outcome').textContent(), { timeout: 10_000 }).toContain('延長しました');
    await settings.getByTestId(`extension-${clinic.id}`).waitFor();
    await settings.getByTestId('extensions').scrollIntoViewIfNeeded();
    await screenshot(p, 'c10-01-deadline-and-extension');
    expect(await axeViolations(p)).toEqual([]);

    // The clinic sees its own deadline.
    const d = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(d, stackInfo().url, login(USERS.clinic36));
    const task = d.getByTestId(`task-${campaignId}`);
    await task.waitFor({ timeout: 20_000 });
    await expect.poll(() => task.textContent()).toContain('延長後の期限 令和9年2月12日');
    expect(await task.textContent()).toContain('あと');
    expect(await task.textContent()).not.toContain('0%');
    expect(await task.textContent()).toContain('未回答');
    await task.scrollIntoViewIfNeeded();
    await screenshot(d, 'c10-02-clinic-extended-deadline');
    expect(await axeViolations(d)).toEqual([]);

    // The prefecture closes the survey after confirming.
    await settings.getByRole('button', { name: '回答の受付を締め切る' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.waitFor();
    await screenshot(p, 'c10-03-close-confirm');
    await dialog.getByRole('button', { name: '回答の受付を締め切る' }).click();
    await expect.poll(() => settings.getByTestId('campaign-status').textContent(), { timeout: 10_000 }).toContain('締切済み');
    await settings.scrollIntoViewIfNeeded();
    await screenshot(p, 'c10-04-closed');
    expect(await axeViolations(p)).toEqual([]);

    // The clinic's survey now says it is closed.
    await d.reload();
    await task.waitFor({ timeout: 20_000 });
    await expect.poll(() => task.textContent()).toContain('締切済み');
    await screenshot(d, 'c10-05-clinic-closed');
    await d.close();
    await p.close();
  });
});
