import { todayInJapan } from '@mcr/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { stackInfo } from '../support/stack-info.ts';

const T36 = tokushima();
const ownFacilities = T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima');
const ownIds = new Set(ownFacilities.map((f) => f.id));
const ownNames = new Set(ownFacilities.map((f) => f.name));
/** A clinic of 徳島保健所 with no demo inspection. */
const clinic = ownFacilities.find((f) => f.kind === 'clinic' && !['f041', 'f042', 'f044', 'f048'].includes(f.id))!;
const today = todayInJapan();
const findings = `E2E: バックアップの世代管理が不十分 (${Date.now()})`;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function inspectorPage(): Promise<Page> {
  const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 1000 } });
  await signIn(p, stackInfo().url, login(USERS.inspector36));
  return p;
}

async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

describe('a 保健所 inspector plans and records inspections in the browser', () => {
  it('sees the calendar and the readiness of its own facilities only', async () => {
    const p = await inspectorPage();
    await p.getByRole('link', { name: '立入検査', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: '立入検査' }).waitFor();
    await p.getByTestId('inspection-calendar').waitFor();
    await p
      .getByTestId('readiness-panel')
      .getByText(/予定 \d+ 件のうち/)
      .waitFor({ timeout: 15_000 });

    // Every facility in the readiness panel and in the month's list is one of 徳島保健所's.
    const readinessIds = await p
      .getByTestId('readiness-panel')
      .locator('[data-testid^="readiness-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.replace('readiness-', '') ?? '').filter((x) => x !== 'panel'));
    expect(readinessIds.length).toBeGreaterThan(0);
    expect(readinessIds.filter((id) => !ownIds.has(id))).toEqual([]);
    const listed = await p.getByTestId('inspection-list').locator('tbody th a').allTextContents();
    expect(listed.filter((name) => !ownNames.has(name))).toEqual([]);
    await screenshot(p, '60-inspections-calendar');
    await expectAxeClean(p, 'inspections page');

    // The facility choices of the form are its own jurisdiction's, and all of them.
    await p.getByRole('button', { name: '立入検査を登録' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('医療機関', { exact: true }).waitFor();
    const options = await dialog
      .getByLabel('医療機関', { exact: true })
      .locator('option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    expect(new Set(options)).toEqual(ownIds);
    await expectAxeClean(p, 'inspection form');
    await p.close();
  });

  it('records a done inspection: a follow-up before the date is refused next to the field, then it is saved and shown', async () => {
    const p = await inspectorPage();
    await p.getByRole('link', { name: '立入検査', exact: true }).click();
    await p.getByTestId('inspection-calendar').waitFor();
    await p.getByRole('button', { name: '立入検査を登録' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('医療機関', { exact: true }).selectOption(clinic.id);
    await dialog.getByLabel('検査日').fill(today);
    await dialog.getByLabel('実施済み').check();
    // No result yet, and a follow-up date before the inspection.
    await dialog.getByLabel('指摘事項・所見').fill(findings);
    await dialog.getByLabel('フォローアップ期限').fill('2020-01-01');
    await dialog.getByRole('button', { name: '保存する' }).click();
    await dialog.getByText('実施済みの検査には結果を選んでください').waitFor();
    await dialog.getByText('フォローアップ期限は検査日以降にしてください').waitFor();
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('inspection-result');
    await screenshot(p, '61-inspection-form-errors');

    await dialog.getByLabel('指摘あり').check();
    const followUp = new Date(Date.parse(`${today}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('フォローアップ期限').fill(followUp);
    await dialog.getByRole('button', { name: '保存する' }).click();
    await p.getByText(`${clinic.name} の立入検査を保存しました`).waitFor({ timeout: 15_000 });
    await p.getByTestId(`day-${today}`).getByText(clinic.name).waitFor({ timeout: 15_000 });
    await screenshot(p, '62-inspection-recorded');
    await expectAxeClean(p, 'after saving');

    // The server has it, under the inspector's 保健所.
    const saved = await api<{
      items: { facilityId: string; status: string; result: string | null; findings: string; healthCenterId: string }[];
      checklist: { campaignId: string } | null;
    }>('GET', `/api/facilities/${clinic.id}/inspections`, { as: USERS.inspector36 });
    expect(saved.body.items.find((i) => i.findings === findings)).toMatchObject({ status: 'done', result: 'findings', healthCenterId: 'hc-tokushima' });

    // The facility page shows the history and links to the checklist to print.
    await p.getByTestId('inspection-list').getByRole('link', { name: clinic.name }).first().click();
    const history = p.getByTestId('facility-inspections');
    await history.getByText(findings).waitFor({ timeout: 15_000 });
    // The facility's current checklist: the newest campaign it was asked to answer (another browser test may have
    // created a later one than the demo's).
    expect(saved.body.checklist).not.toBeNull();
    expect(await history.getByTestId('facility-checklist-link').getAttribute('href')).toBe(
      `/campaigns/${saved.body.checklist?.campaignId}/facilities/${clinic.id}`,
    );
    await history.scrollIntoViewIfNeeded();
    await screenshot(p, '63-facility-inspection-history');
    await expectAxeClean(p, 'facility page');
    await p.close();
  });

  it("cannot open another 保健所's facility", async () => {
    const p = await inspectorPage();
    const other = T36.facilities.find((f) => f.healthCenterId !== 'hc-tokushima')!;
    await p.goto(`${stackInfo().url}/facilities/${other.id}`);
    await p.getByRole('alert').first().waitFor({ timeout: 15_000 });
    expect(await p.getByText('この医療機関の情報は閲覧できません').count()).toBeGreaterThan(0);
    await p.close();
  });
});
