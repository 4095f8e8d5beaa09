import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, settle, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, SCREENSHOTS, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

const T36 = tokushima();
const campaignId = T36.campaign.id;
const own = new Set(T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima').map((f) => f.id));

interface Summary {
  facilities: number;
  byStatus: Record<string, number>;
  meanScore: number | null;
  overdueFacilities: number;
  missingFirstFacilities: number;
}
interface DashboardBody {
  scope: { kind: string; id?: string };
  summary: Summary;
  breakdowns: { healthCenters: { value: string }[]; areas: { value: string }[] };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(email: string, width = 1280): Promise<Page> {
  const p = await browser.newPage({ locale: 'ja-JP', viewport: { width, height: 900 } });
  await signIn(p, stackInfo().url, login(email));
  return p;
}

async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.floor(v * 100)}%`);
const submissionRate = (s: Summary) => (s.facilities > 0 ? pct(((s.byStatus.submitted ?? 0) + (s.byStatus.confirmed ?? 0)) / s.facilities) : '—');

async function dashboardOf(email: string): Promise<DashboardBody> {
  await settle();
  const res = await api<DashboardBody>('GET', `/api/campaigns/${campaignId}/dashboard`, { as: email });
  expect(res.status).toBe(200);
  return res.body;
}

/** The headline cards show the API's numbers. */
async function expectHeadline(p: Page, s: Summary) {
  expect(await p.getByTestId('kpi-submission-rate').textContent()).toBe(submissionRate(s));
  expect(await p.getByTestId('kpi-mean-score').textContent()).toBe(pct(s.meanScore));
  expect(await p.getByTestId('kpi-overdue').textContent()).toBe(`${s.overdueFacilities.toLocaleString('en-US')} 施設`);
  expect(await p.getByTestId('kpi-missing-first').textContent()).toBe(`${s.missingFirstFacilities.toLocaleString('en-US')} 施設`);
}

describe('the dashboard of a survey', () => {
  it('the prefecture opens it from the header, sees the API numbers, switches the heatmap and drills down to one facility', async () => {
    const p = await signedIn(USERS.pref36);
    // ダッシュボード in the header opens the latest survey's dashboard.
    await p.getByRole('link', { name: 'ダッシュボード', exact: true }).click();
    await p.waitForURL(/\/campaigns\/[^/]+\/dashboard$/);
    await p.getByTestId('kpi-submission-rate').waitFor({ timeout: 15_000 });

    // The demo survey (other browser tests may have opened newer ones).
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/dashboard`);
    await p.getByRole('heading', { level: 1, name: /ダッシュボード/ }).waitFor();
    const data = await dashboardOf(USERS.pref36);
    expect(data.scope.kind).toBe('prefecture');
    await p.reload();
    await p.getByTestId('heatmap-table').waitFor({ timeout: 15_000 });
    await expectHeadline(p, data.summary);
    expect(await p.getByTestId('dashboard-scope').textContent()).toBe('徳島県全体');
    // Every breakdown the API gives is a row, with its 医療圏 (the breakdowns render just after the first paint).
    await p.getByTestId('breakdown-area').locator('tbody tr').first().waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('breakdown-hc').locator('tbody tr').count()).toBe(data.breakdowns.healthCenters.length);
    expect(await p.getByTestId('breakdown-area').locator('tbody tr').count()).toBe(data.breakdowns.areas.length);
    await screenshot(p, '70-dashboard-prefecture');
    await expectAxeClean(p, 'dashboard');

    // A chart's table alternative opens under it.
    const levels = p.getByTestId('chart-levels');
    await levels.getByRole('button', { name: '表で見る' }).click();
    await levels.getByRole('table').waitFor();
    expect(await levels.getByRole('table').locator('tbody tr').count()).toBe(5);

    // Weakest items by kind, then by 保健所: one column per 保健所, weakest first.
    const heatmap = p.getByTestId('heatmap');
    await heatmap.getByLabel('種別', { exact: true }).check();
    await heatmap.getByRole('columnheader', { name: '診療所', exact: true }).waitFor({ timeout: 15_000 });
    await heatmap.getByLabel('保健所', { exact: true }).check();
    await heatmap.getByRole('columnheader', { name: '徳島保健所' }).waitFor({ timeout: 15_000 });
    const totals = await heatmap.locator('tbody tr td:nth-child(2)').allTextContents();
    const values = totals.map((x) => Number.parseInt(x, 10));
    expect(values.length).toBeGreaterThan(0);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    await heatmap.scrollIntoViewIfNeeded();
    await screenshot(p, '71-dashboard-heatmap-by-health-center');
    await expectAxeClean(p, 'heatmap by 保健所');

    // Drill down: 徳島保健所's facilities in the table, filtered by the 保健所.
    await p.getByTestId('breakdown-hc-hc-tokushima').getByRole('link', { name: '徳島保健所' }).click();
    await p.waitForURL(/\/progress\?healthCenterId=hc-tokushima/);
    await p.getByRole('heading', { level: 1, name: /回答状況/ }).waitFor();
    // The filter shows the 保健所 once the list of 保健所 has loaded.
    await expect.poll(() => p.getByLabel('保健所で絞り込む').inputValue(), { timeout: 15_000 }).toBe('hc-tokushima');
    const rows = p.locator('[data-testid^="progress-row-"]');
    await rows.first().waitFor({ timeout: 15_000 });
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.replace('progress-row-', '') ?? ''));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !own.has(id))).toEqual([]);
    await screenshot(p, '72-dashboard-drilldown-health-center');

    // …and one facility's answers.
    const first = ids[0] as string;
    const name = T36.facilities.find((f) => f.id === first)?.name ?? '';
    await p.getByTestId(`progress-row-${first}`).getByRole('link', { name }).click();
    await p.waitForURL(new RegExp(`/campaigns/${campaignId}/facilities/${first}$`));
    await p.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor({ timeout: 15_000 });
    await screenshot(p, '73-dashboard-facility-answers');
    await p.close();
  });

  it('prints: no navigation or buttons, every chart with its table', async () => {
    const p = await signedIn(USERS.pref36);
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/dashboard`);
    await p.getByTestId('heatmap-table').waitFor({ timeout: 15_000 });
    await p.emulateMedia({ media: 'print' });
    expect(await p.locator('.main-nav').isVisible()).toBe(false);
    expect(await p.getByRole('button', { name: '印刷' }).isVisible()).toBe(false);
    const tables = p.locator('.chart-table');
    // The sections below the fold (trend, breakdowns) render just after the first paint: wait for them.
    await expect.poll(() => tables.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    const count = await tables.count();
    for (let i = 0; i < count; i++) expect(await tables.nth(i).isVisible()).toBe(true);
    await p.screenshot({ path: `${SCREENSHOTS}/75-dashboard-print.png`, fullPage: true });
    await p.close();
  });

  it('the inspector sees its own 保健所 only', async () => {
    const p = await signedIn(USERS.inspector36);
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/dashboard`);
    await p.getByTestId('heatmap-table').waitFor({ timeout: 15_000 });
    const data = await dashboardOf(USERS.inspector36);
    expect(data.scope).toMatchObject({ kind: 'health_center', id: 'hc-tokushima' });
    expect(data.summary.facilities).toBe(own.size);
    await expectHeadline(p, data.summary);
    expect(await p.getByTestId('dashboard-scope').textContent()).toBe('徳島保健所の管内');
    // One 保健所 row (its own), no 医療圏 table, no 医療圏 columns to choose (once the breakdowns have rendered).
    await p.getByTestId('breakdown-hc').locator('tbody tr').first().waitFor({ timeout: 15_000 });
    const hcRows = await p
      .getByTestId('breakdown-hc')
      .locator('tbody tr')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(hcRows).toEqual(['breakdown-hc-hc-tokushima']);
    expect(await p.getByTestId('breakdown-area').count()).toBe(0);
    expect(await p.getByTestId('heatmap').getByLabel('二次医療圏').count()).toBe(0);
    // The overdue and missing-date lists name its own facilities only.
    await p.getByTestId('overdue-list').locator('tbody th a').first().waitFor({ timeout: 15_000 });
    await p.getByTestId('missing-first-list').locator('tbody th a').first().waitFor({ timeout: 15_000 });
    const overdue = await p
      .getByTestId('overdue-list')
      .locator('tbody th a')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(overdue.length).toBe(Math.min(10, data.summary.overdueFacilities));
    expect(overdue.filter((href) => !own.has(href.split('/').pop() ?? ''))).toEqual([]);
    const missing = await p
      .getByTestId('missing-first-list')
      .locator('tbody th a')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(missing.length).toBe(Math.min(10, data.summary.missingFirstFacilities));
    expect(missing.filter((href) => !own.has(href.split('/').pop() ?? ''))).toEqual([]);
    await screenshot(p, '74-dashboard-inspector');
    await expectAxeClean(p, 'inspector dashboard');
    await p.close();
  });

  it('fits a phone', async () => {
    const p = await signedIn(USERS.pref36, 390);
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/dashboard`);
    await p.getByTestId('heatmap-table').waitFor({ timeout: 15_000 });
    // Nothing but the tables' own scroll boxes is wider than the screen.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(p, '76-dashboard-phone');
    await expectAxeClean(p, 'dashboard on a phone');
    await p.close();
  });
});
