import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * Issue 9, the facility's calendar side in the browser: a registration's .ics file, and the facility's secret
 * calendar-feed URL (issued and rotated by its administrator after a confirmation; the old URL stops working at
 * once; a member cannot rotate). Uses the demo 導入研修 of 17 December, where the demo hospital has people registered.
 */
const sessionId = 'r8-intro-inspection-1217';
const sessionTitle = '導入研修 (立入検査対策) 12月 徳島会場';

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
  await p.getByRole('link', { name: '研修', exact: true }).click();
  await p.waitForURL(/\/trainings$/);
  await p.getByTestId(`session-${sessionId}`).waitFor({ timeout: 15_000 });
  return p;
}

async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

/** The feed URL as the page shows it, fetched without any sign-in (it is the secret). */
async function fetchFeed(url: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('trainings: .ics per registration and the calendar feed', () => {
  it('the hospital downloads a registration as an .ics file with the session in UTC', async () => {
    const p = await signedIn(USERS.hospitalAdmin36);
    const card = p.getByTestId(`session-${sessionId}`);
    const button = card.getByRole('button', { name: /を予定表に追加 \(\.ics\)$/ }).first();
    await button.waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([p.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const text = await readFile((await download.path()) as string, 'utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('BEGIN:VEVENT');
    // 14:00–16:30 Japan time is 05:00–07:30 UTC.
    expect(text).toContain('DTSTART:20261217T050000Z');
    expect(text).toContain('DTEND:20261217T073000Z');
    expect(text.replace(/\r\n[ \t]/g, '')).toContain(sessionTitle);
    await card.scrollIntoViewIfNeeded();
    await screenshot(p, '9c-trainings-ics-button');
    await expectAxeClean(p, 'facility trainings');
    await p.close();
  });

  it('the administrator issues the feed URL, rotates it after a confirmation, and the old URL stops working', async () => {
    const p = await signedIn(USERS.hospitalAdmin36);
    const feed = p.getByTestId('calendar-feed');
    await feed.scrollIntoViewIfNeeded();
    await feed.getByRole('button', { name: '購読用 URL を発行' }).click();
    const dialog = p.getByRole('dialog', { name: '購読用 URL を再発行しますか？' });
    await dialog.waitFor();
    await screenshot(p, '9d-trainings-feed-confirm');
    await expectAxeClean(p, 'feed rotation dialog');
    await dialog.getByRole('button', { name: '再発行する' }).click();
    const input = feed.getByRole('textbox', { name: '購読用 URL', exact: true });
    await input.waitFor({ timeout: 15_000 });
    const first = await input.inputValue();
    expect(first).toMatch(/^https?:\/\/.+\/calendar\/\d{2}-[A-Za-z0-9_-]{43}\.ics$/);
    const got = await fetchFeed(first);
    expect(got.status).toBe(200);
    expect(got.type).toMatch(/text\/calendar/);
    expect(got.text.replace(/\r\n[ \t]/g, '')).toContain(sessionTitle);
    await feed.scrollIntoViewIfNeeded();
    await screenshot(p, '9e-trainings-feed-issued');
    await expectAxeClean(p, 'feed issued');

    // Rotating again needs the confirmation too; the new URL works, the old one is gone at once.
    await feed.getByRole('button', { name: 'URL を再発行' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '再発行する' }).click();
    await expect.poll(() => input.inputValue(), { timeout: 15_000 }).not.toBe(first);
    const second = await input.inputValue();
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await fetchFeed(first)).status).toBe(404);
    await p.close();
  });

  it('a member sees the sessions but cannot issue the feed URL', async () => {
    const p = await signedIn(USERS.hospitalStaff36);
    const feed = p.getByTestId('calendar-feed');
    await feed.waitFor();
    expect(await feed.getByRole('button').count()).toBe(0);
    expect(await feed.textContent()).toContain('購読用 URL の発行・再発行は施設の管理者が行います。');
    await feed.scrollIntoViewIfNeeded();
    await screenshot(p, '9f-trainings-feed-member');
    await expectAxeClean(p, 'feed as a member');
    await p.close();
  });
  it("a 保健所 reads the sessions and its own facilities' participants only, without managing them; English too", async () => {
    const own = new Set(
      tokushima()
        .facilities.filter((f) => f.healthCenterId === 'hc-tokushima')
        .map((f) => f.id),
    );
    const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(p, stackInfo().url, login(USERS.inspector36));
    await p.getByRole('link', { name: '研修', exact: true }).click();
    await p.waitForURL(/\/trainings$/);
    await p.getByTestId(`training-${sessionId}`).waitFor({ timeout: 15_000 });
    expect(await p.getByRole('button', { name: '研修を登録' }).count()).toBe(0);
    await p.getByTestId(`training-${sessionId}`).getByRole('link', { name: sessionTitle }).click();
    await p.getByRole('heading', { level: 1, name: sessionTitle }).waitFor({ timeout: 15_000 });
    const rows = p.getByTestId('participant-list').locator('tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    // The page shows what the API gives this 保健所: its own facilities' people only, no checkboxes, no export.
    const res = await api<{ items: { facilityId: string }[] }>('GET', `/api/trainings/${sessionId}/registrations?limit=500`, { as: USERS.inspector36 });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.filter((r) => !own.has(r.facilityId))).toEqual([]);
    expect(await rows.count()).toBe(res.body.items.length);
    expect(await p.getByTestId('participant-list').getByRole('checkbox').count()).toBe(0);
    expect(await p.getByRole('button', { name: '出欠を保存' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: 'CSV で出力' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: '編集' }).count()).toBe(0);
    await screenshot(p, '9g-trainings-inspector-session');
    await expectAxeClean(p, 'session as a 保健所');

    // English second.
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { level: 2, name: 'Participants' }).waitFor({ timeout: 15_000 });
    await screenshot(p, '9h-trainings-inspector-session-english');
    await expectAxeClean(p, 'session in English');
    await p.close();
  });
  it('the prefecture checks a sign-in sheet (CSV) against the registrations; a wrong row is named, nothing is written', async () => {
    const regs = await api<{ items: { registrationId: string; participantName: string; status: string; attended: boolean | null }[] }>(
      'GET',
      `/api/trainings/${sessionId}/registrations?limit=500`,
      { as: USERS.pref36 },
    );
    expect(regs.status).toBe(200);
    const confirmed = regs.body.items.filter((r) => r.status === 'confirmed').slice(0, 2);
    expect(confirmed.length).toBe(2);
    const csv = ['申込ID,氏名,出欠', ...confirmed.map((r) => `${r.registrationId},${r.participantName},出席`), 'no-such-registration,誰か,出席', ''].join(
      '\r\n',
    );
    const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.goto(`${stackInfo().url}/trainings/${sessionId}`);
    const box = p.getByTestId('attendance-import');
    await box.waitFor({ timeout: 15_000 });
    await box.getByLabel('受付簿のファイル').setInputFiles({ name: 'sign-in.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
    await box.getByRole('button', { name: '内容を確認' }).click();
    const result = p.getByTestId('attendance-import-result');
    await result.waitFor({ timeout: 20_000 });
    await expect.poll(() => result.textContent()).toMatch(/3 行のうち 2 行が申込と一致しました。/);
    expect(await result.textContent()).toMatch(/1 件の誤りがあります/);
    // With an error in the sheet there is nothing to apply, and nothing was written.
    expect(await box.getByRole('button', { name: '出欠に反映' }).count()).toBe(0);
    const after = await api<{ items: { registrationId: string; attended: boolean | null }[] }>('GET', `/api/trainings/${sessionId}/registrations?limit=500`, {
      as: USERS.pref36,
    });
    for (const r of confirmed) expect(after.body.items.find((x) => x.registrationId === r.registrationId)?.attended).toBe(r.attended);
    await box.scrollIntoViewIfNeeded();
    await screenshot(p, '9i-trainings-sign-in-sheet-checked');
    await expectAxeClean(p, 'sign-in sheet checked');
    await p.close();
  });
});
