import type { AnswerChange, ResponseView } from '@mcr/contract';
import { fiscalYearOf, fiscalYearRange, todayInJapan } from '@mcr/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { createCampaign } from '../support/campaigns.ts';
import { stackInfo } from '../support/stack-info.ts';
import { inviteUser } from '../support/users.ts';

/**
 * Issue 10 item 6, the answering side, in the browser (docs/decisions/0018-dates-and-answering.md): a clinic answers
 * a past year's いいえ without a trap; a date typed year/month/day under an English browser saves the right day; two
 * people of one clinic save different cells from two browsers and both land; the same cell shows the other value
 * next to the field; the gate いいえ asks first.
 */
const T36 = tokushima();
/** A clinic no other browser test touches. */
const clinic = T36.facilities.filter((f) => f.kind === 'clinic')[7]!;
const stamp = Date.now();
const people = [
  { email: `director-${stamp}@traps.example.jp`, name: '阿波 一郎', role: 'facility_admin' as const },
  { email: `nurse-${stamp}@traps.example.jp`, name: '鳴門 花子', role: 'facility_member' as const },
].map((p) => ({ ...p, password: 'Traps-Pass-2026!', totpSecret: '' }));
const today = todayInJapan();
const endOfThisYear = fiscalYearRange(fiscalYearOf(today)).end;
const slashed = (iso: string) => iso.replaceAll('-', '/');

let browser: Browser;
let path = '';
let apiPath = '';

async function current(): Promise<ResponseView> {
  const res = await api<ResponseView>('GET', apiPath, { as: USERS.pref36 });
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const s = stackInfo().services;
  const flows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
  for (const p of people) {
    await inviteUser('36', p.email, 'Temp-Pass-2026!', { displayName: p.name, role: p.role, orgKind: 'facility', orgId: clinic.id, orgName: clinic.name });
    p.totpSecret = (await flows.completeFirstSignIn({ email: p.email, temporaryPassword: 'Temp-Pass-2026!', newPassword: p.password })).totpSecret;
  }
  const token = (await flows.signIn({ email: people[0]!.email, password: people[0]!.password, totpSecret: people[0]!.totpSecret })).accessToken;
  flows.destroy();
  // A 令和6年度 campaign for this clinic, created today: its fiscal year is long over.
  const created = await createCampaign(USERS.pref36, {
    templateId: 'mhlw-facility-r6',
    title: { ja: '令和6年度 チェックリスト（追加調査）', en: 'FY2024 checklist (additional survey)' },
    fiscalYear: 2024,
    opensOn: '2024-06-01',
    deadline: '2025-03-31',
    target: { kind: 'facilities', ids: [clinic.id] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  path = `/campaigns/${created.body.campaign.id}/facilities/${clinic.id}`;
  apiPath = `/api${path}/response`;
  // Start from an empty form: answers carried forward from the demo's year are cleared.
  const view = await current();
  const clear: AnswerChange[] = Object.entries(view.answers).flatMap(([key, cell]) =>
    Object.keys(cell).map((round) => {
      const [itemId, deviceClass] = key.split(':') as [string, AnswerChange['deviceClass']];
      return { itemId, deviceClass, round: Number(round) as 1 | 2 | 3, answer: null };
    }),
  );
  if (clear.length) {
    const res = await api('PUT', `${apiPath}/answers`, { token, body: { expectedVersion: view.version, changes: clear } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});
afterAll(async () => {
  await browser?.close();
});

async function open(who: (typeof people)[number], locale = 'ja-JP'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, stackInfo().url, who);
  await page.goto(`${stackInfo().url}${path}`);
  await page.getByTestId('cell-gate-system').waitFor();
  return { context, page };
}

async function waitSaved(p: Page) {
  await expect.poll(() => p.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/保存しました/);
}

async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

describe('answering without traps', () => {
  it('a clinic answers a past-year campaign いいえ today: 確認日 is today and a 目標日 in this fiscal year saves', async () => {
    const { context, page } = await open(people[0]!);
    const gate = page.getByTestId('cell-gate-system');
    await gate.getByLabel('はい').check();
    const cell = page.getByTestId('cell-1-1-system');
    await cell.getByLabel('いいえ').check();
    // 確認日 is filled with today, shown year/month/day; the 目標日 window runs to the end of this fiscal year.
    await expect.poll(() => cell.getByLabel('確認日').inputValue()).toBe(slashed(today));
    const target = cell.getByLabel('目標日');
    await expect.poll(() => cell.getByText(/終了しているため/).count()).toBe(1);
    await target.pressSequentially(endOfThisYear.replaceAll('-', ''));
    await expect.poll(() => target.inputValue()).toBe(slashed(endOfThisYear));
    await waitSaved(page);
    await cell.scrollIntoViewIfNeeded();
    await screenshot(page, 'answer-traps-01-past-year-no');
    await expectAxeClean(page, 'past-year いいえ');
    const saved = (await current()).answers['1-1:system']?.['1'];
    expect(saved).toMatchObject({ value: 'no', checkedOn: today, targetDate: endOfThisYear });
    await context.close();
  });

  it('a date typed year/month/day in an en-US browser saves that day, and the calendar is keyboard-usable', async () => {
    const { context, page } = await open(people[0]!, 'en-US');
    const cell = page.getByTestId('cell-2-1-system');
    await cell.getByLabel('はい').check();
    const checked = cell.getByLabel('確認日');
    await checked.fill('');
    await checked.pressSequentially('2025/02/03');
    await expect.poll(() => checked.inputValue()).toBe('2025/02/03');
    await expect.poll(() => cell.getByText('令和7年2月3日（2025年）').count()).toBe(1);
    await waitSaved(page);
    expect((await current()).answers['2-1:system']?.['1']).toMatchObject({ value: 'yes', checkedOn: '2025-02-03' });

    // The calendar: opens on the chosen month, Escape closes it and gives the focus back.
    await cell.getByRole('button', { name: 'カレンダーから選ぶ' }).click();
    const calendar = cell.getByRole('dialog', { name: 'カレンダー' });
    await calendar.waitFor();
    await expect.poll(() => calendar.textContent()).toMatch(/2025/);
    await screenshot(page, 'answer-traps-02-calendar');
    await expectAxeClean(page, 'calendar open');
    await page.keyboard.press('Escape');
    await expect.poll(() => calendar.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('カレンダーから選ぶ');
    await context.close();
  });

  it('two people edit different cells of one response in two browsers and both saves land', async () => {
    const a = await open(people[0]!);
    const b = await open(people[1]!);
    // Both read the same version; each answers a different cell.
    await a.page.getByTestId('cell-2-4-server').getByLabel('はい').check();
    await b.page.getByTestId('cell-2-4-client').getByLabel('はい').check();
    await waitSaved(a.page);
    await waitSaved(b.page);
    const answers = (await current()).answers;
    expect(answers['2-4:server']?.['1']).toMatchObject({ value: 'yes', checkedOn: today });
    expect(answers['2-4:client']?.['1']).toMatchObject({ value: 'yes', checkedOn: today });
    // Neither was stopped by the other's save.
    expect(await a.page.getByTestId('cell-conflict').count()).toBe(0);
    expect(await b.page.getByTestId('cell-conflict').count()).toBe(0);
    await b.page.getByTestId('cell-2-4-client').scrollIntoViewIfNeeded();
    await screenshot(b.page, 'answer-traps-03-second-browser-saved');
    await a.context.close();
    await b.context.close();
  });

  it('the same cell changed by both shows the other value next to the field; 自分の値で上書き saves mine', async () => {
    const a = await open(people[0]!);
    const b = await open(people[1]!);
    await a.page.getByTestId('cell-2-5-server').getByLabel('はい').check();
    await waitSaved(a.page);

    const cell = b.page.getByTestId('cell-2-5-server');
    await cell.getByLabel('いいえ').check();
    await cell.getByLabel('目標日').pressSequentially(endOfThisYear.replaceAll('-', ''));
    const box = cell.getByTestId('cell-conflict');
    await box.waitFor({ timeout: 15_000 });
    expect(await box.getByTestId('conflict-theirs').textContent()).toMatch(/はい/);
    await cell.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'answer-traps-04-same-cell-conflict');
    await expectAxeClean(b.page, 'cell conflict');
    // Nothing of B's was written yet: A's はい stands.
    expect((await current()).answers['2-5:server']?.['1']?.value).toBe('yes');

    await box.getByRole('button', { name: '自分の値で上書き' }).click();
    await waitSaved(b.page);
    await expect.poll(() => box.count()).toBe(0);
    expect((await current()).answers['2-5:server']?.['1']).toMatchObject({ value: 'no', targetDate: endOfThisYear });
    await a.context.close();
    await b.context.close();
  });

  it('the gate いいえ asks first, explaining that every other item becomes 対象外', async () => {
    const { context, page } = await open(people[0]!);
    const gate = page.getByTestId('cell-gate-system');
    await gate.getByLabel('はい').check();
    // click, not check: the radio only changes once the dialog is answered.
    await gate.getByLabel('いいえ').click();
    const dialog = page.getByRole('dialog', { name: /ほかの項目はすべて対象外/ });
    await dialog.waitFor();
    await screenshot(page, 'answer-traps-05-gate-confirm');
    await expectAxeClean(page, 'gate confirmation');
    // キャンセル: nothing changes.
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await expect.poll(() => gate.getByLabel('はい').isChecked()).toBe(true);
    expect(await page.getByTestId('item-1-1').locator('.badge.na').count()).toBe(0);

    await gate.getByLabel('いいえ').click();
    await dialog.getByRole('button', { name: '「いいえ」にする' }).click();
    await expect.poll(() => gate.getByLabel('いいえ').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('item-1-1').locator('.badge.na').count()).toBe(1);
    await waitSaved(page);
    expect((await current()).answers['gate:system']?.['1']?.value).toBe('no');
    await context.close();
  });
});
