import type { ReminderSettings } from '@mcr/contract';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

/** Issue 9: the prefecture sets the rhythm of deadline reminders on its mail settings page. */
const DEFAULT = { daysBefore: [14, 3], onTheDay: true, overdueEveryDays: 7, overdueForDays: 56 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // The other browser tests' reminders expect the default rhythm.
  const current = (await api<ReminderSettings>('GET', '/api/reminder-settings', { as: USERS.pref36 })).body;
  const res = await api('PUT', '/api/reminder-settings', { as: USERS.pref36, body: { ...DEFAULT, expectedVersion: current.version } });
  expect(res.status).toBe(200);
});

describe('the rhythm of deadline reminders in the browser', () => {
  it('the prefecture is stopped on a day it cannot use, then saves its own days; a facility does not see the setting', async () => {
    const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.goto(`${stackInfo().url}/settings/mail`);
    const form = p.getByTestId('reminder-settings');
    await form.waitFor({ timeout: 15_000 });
    const days = form.getByLabel('締切の何日前に送るか');
    await days.fill('0, 3');
    await form.getByRole('button', { name: 'リマインドの設定を保存' }).click();
    await expect.poll(() => form.locator('#rs-days-before-error').textContent()).toContain('1〜90');
    await days.fill('10, 3');
    await form.getByLabel('締切日の当日にも送る').uncheck();
    await form.getByRole('button', { name: 'リマインドの設定を保存' }).click();
    await expect.poll(() => p.getByTestId('reminder-settings-message').textContent(), { timeout: 10_000 }).toContain('保存しました');
    const saved = (await api<ReminderSettings>('GET', '/api/reminder-settings', { as: USERS.pref36 })).body;
    expect(saved).toMatchObject({ daysBefore: [10, 3], onTheDay: false, isDefault: false });
    // The saved version reloads the form; the message stays until the next save (a CI run once saw it vanish).
    await p.waitForLoadState('networkidle');
    expect(await p.getByTestId('reminder-settings-message').textContent()).toContain('保存しました');
    await form.scrollIntoViewIfNeeded();
    await screenshot(p, 'n9-reminder-settings');
    expect(await axeViolations(p)).toEqual([]);
    await p.close();

    const f = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(f, stackInfo().url, login(USERS.hospitalAdmin36));
    await f.goto(`${stackInfo().url}/settings/mail`);
    await f.getByRole('heading', { level: 1 }).waitFor();
    await f.locator('#mail-kinds-heading').waitFor({ timeout: 15_000 });
    expect(await f.getByTestId('reminder-settings').count()).toBe(0);
    await f.close();
  });
});
