import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, settle, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import type { SesMail } from '../support/mail.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * Issue 10 item 3, Done when: a facility reports a suspected incident and the prefecture answers in the timeline.
 * The clinic director reports from the home page's big button with the short form; the prefecture is mailed at
 * once, opens the report from the dashboard's card and the list, answers in the timeline; the clinic sees the
 * answer, ticks a 初動対応 step and the prefecture sees the tick. axe on every page; screenshots looked at.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const stamp = Date.now().toString(36);
const WHAT = `受付のパソコンに「ファイルを暗号化しました」と表示され、レセコンが開けない (${stamp})`;

async function signedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const p = await browser.newPage({ locale: 'ja-JP', viewport });
  await signIn(p, stackInfo().url, login(email));
  return p;
}
async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}
async function mailsAbout(email: string, incidentId: string): Promise<SesMail[]> {
  const res = await fetch(`${stackInfo().services.sesEndpoint}/store`);
  const store = (await res.json()) as { emails: SesMail[] };
  return store.emails.filter((m) => m.destination.to.includes(email) && m.body.text.includes(`/incidents/${incidentId}`));
}

describe('suspected-incident report in the browser', () => {
  let incidentPath = '';

  it('the clinic director reports from the home page with the short form (errors named first)', async () => {
    const p = await signedIn(USERS.clinic36);
    const callout = p.getByTestId('incident-callout');
    await callout.waitFor({ timeout: 40_000 });
    await screenshot(p, '10i-1-facility-home-callout');
    await expectAxeClean(p, 'facility home');
    await callout.getByRole('link', { name: 'インシデントかも？ 県に報告する' }).click();
    await p.waitForURL(/\/incidents\/new$/);
    await p.getByRole('heading', { level: 1, name: 'インシデントかも？ 県に報告する' }).waitFor();
    // Sending nothing names what is missing, next to the fields and at the top.
    await p.getByRole('button', { name: '県に報告する' }).click();
    const summary = p.getByRole('alert').filter({ hasText: '入力内容を確認してください' });
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('何が起きたか');
    expect(await summary.textContent()).toContain('診療への影響');
    await screenshot(p, '10i-2-form-errors');
    await expectAxeClean(p, 'form with errors');

    await p.getByLabel('何が起きましたか (見たこと)').fill(WHAT);
    await p.getByRole('radio', { name: /一部に影響/ }).check();
    await p.getByRole('checkbox', { name: 'システムの事業者 (ベンダー)' }).check();
    await p.getByLabel('その他のシステム (読点「、」で区切る)').fill('レセコン');
    await p.getByRole('button', { name: '県に報告する' }).click();
    await p.waitForURL(/\/incidents\/inc-[a-z0-9]+$/, { timeout: 15_000 });
    incidentPath = new URL(p.url()).pathname;
    await p.getByText('報告を県に送りました').waitFor();
    expect(await p.getByTestId('incident-description').textContent()).toBe(WHAT);
    expect(await p.getByTestId('incident-status').textContent()).toBe('対応中');
    // The 初動対応 checklist of the BCP table is there while the report is open.
    const steps = p.getByTestId('incident-steps');
    expect(await steps.getByRole('checkbox').count()).toBeGreaterThan(0);
    expect(await p.getByRole('link', { name: '連絡先 (連絡体制図) を見る' }).getAttribute('href')).toBe('/contact-chart');
    await screenshot(p, '10i-3-report-sent');
    await expectAxeClean(p, 'report page (facility)');
    await p.close();

    await settle();
    const id = incidentPath.split('/').at(-1) ?? '';
    expect(await mailsAbout(USERS.pref36, id)).toHaveLength(1);
  });

  it('the prefecture sees it on the dashboard and in the list, and answers in the timeline', async () => {
    expect(incidentPath).not.toBe('');
    const p = await signedIn(USERS.pref36);
    await p.getByRole('link', { name: 'ダッシュボード', exact: true }).click();
    const card = p.getByTestId('incidents-card');
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(async () => Number((await card.getByTestId('incidents-open').locator('strong').textContent()) ?? 0)).toBeGreaterThan(0);
    await card.scrollIntoViewIfNeeded();
    await screenshot(p, '10i-4-dashboard-card');
    await card.getByRole('link', { name: '報告の一覧を開く' }).click();
    await p.waitForURL(/\/incidents\?status=open$/);
    const table = p.getByTestId('incident-table');
    await table.waitFor({ timeout: 40_000 });
    const row = table.getByRole('row').filter({ hasText: stamp });
    await row.waitFor({ timeout: 20_000 });
    await screenshot(p, '10i-5-prefecture-list');
    await expectAxeClean(p, 'prefecture list');
    await row.getByRole('link').click();
    await p.waitForURL(new RegExp(`${incidentPath}$`));
    await p.getByLabel('経過に書き込む').fill('徳島県です。受け付けました。端末はネットワークから外し、電源は切らずにそのままにしてください。');
    await p.getByRole('button', { name: '書き込む' }).click();
    await p.getByText('書き込みました。').waitFor();
    const timeline = p.getByTestId('incident-timeline');
    await expect.poll(() => timeline.getByTestId('timeline-entry').count()).toBe(2);
    expect(await timeline.getByTestId('timeline-entry').last().textContent()).toContain('電源は切らずに');
    // The prefecture reads the checklist but does not tick it.
    expect(await p.getByTestId('incident-steps').getByRole('checkbox').first().isDisabled()).toBe(true);
    await screenshot(p, '10i-6-prefecture-answered');
    await expectAxeClean(p, 'report page (prefecture)');
    // English second: the same page in English.
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    expect(await p.getByTestId('incident-impact').textContent()).toBe('Partly affected');
    await p.getByRole('heading', { level: 2, name: 'First-response checklist' }).scrollIntoViewIfNeeded();
    await screenshot(p, '10i-6b-prefecture-english');
    await expectAxeClean(p, 'report page in English');
    await p.close();
  });

  it('the clinic sees the answer, ticks a 初動対応 step, and the prefecture sees the tick; on a phone too', async () => {
    const p = await signedIn(USERS.clinic36, { width: 390, height: 844 });
    await p.goto(`${stackInfo().url}${incidentPath}`);
    const timeline = p.getByTestId('incident-timeline');
    await timeline.waitFor({ timeout: 40_000 });
    expect(await timeline.textContent()).toContain('電源は切らずに');
    const first = p.getByTestId('incident-steps').getByRole('checkbox').first();
    await first.check();
    await expect.poll(() => timeline.getByTestId('timeline-entry').count(), { timeout: 10_000 }).toBe(3);
    expect(await first.isChecked()).toBe(true);
    await first.scrollIntoViewIfNeeded();
    await screenshot(p, '10i-7-clinic-phone-ticked');
    await expectAxeClean(p, 'report page on a phone');
    await p.close();

    const pref = await signedIn(USERS.pref36);
    await pref.goto(`${stackInfo().url}${incidentPath}`);
    await pref.getByTestId('incident-steps').waitFor({ timeout: 40_000 });
    expect(await pref.getByTestId('incident-steps').getByRole('checkbox').first().isChecked()).toBe(true);
    await pref.close();
  });
});
