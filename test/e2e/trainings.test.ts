import { todayInJapan } from '@mcr/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, settle, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import type { SesMail } from '../support/mail.ts';
import { stackInfo } from '../support/stack-info.ts';
import { inviteUser } from '../support/users.ts';

/**
 * Issue 9's trainings scenario in the browser: the prefecture schedules a session with 2 seats; three facilities
 * register, the third is waitlisted; one cancels, the third is promoted (and mailed); the prefecture records
 * attendance; the dashboard shows the coverage.
 */

const T36 = tokushima();
const stamp = Date.now();
const title = `E2E 研修 ${stamp}`;
const hospitalLogin = () => login(USERS.hospitalAdmin36);
const clinicLogin = () => login(USERS.clinic36);
/** A third facility: none of the demo users' facilities, and none another browser test signs in for. */
const third = T36.facilities.filter((f) => f.kind === 'clinic')[5]!;
const thirdEmail = `trainee-${stamp}@clinic.example.jp`;
const thirdPassword = 'Trainee-Pass-2026!';
let thirdSecret = '';

const day = (offset: number) => new Date(Date.parse(`${todayInJapan()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const startsAt = `${day(10)}T14:00`;
const endsAt = `${day(10)}T16:00`;
const deadline = `${day(7)}T17:00`;

let browser: Browser;
let sessionId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  await inviteUser('36', thirdEmail, 'Temp-Pass-2026!', {
    displayName: '吉野川 花子',
    role: 'facility_admin',
    orgKind: 'facility',
    orgId: third.id,
    orgName: third.name,
  });
  const s = stackInfo().services;
  const flows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
  thirdSecret = (await flows.completeFirstSignIn({ email: thirdEmail, temporaryPassword: 'Temp-Pass-2026!', newPassword: thirdPassword })).totpSecret;
  flows.destroy();
});
afterAll(async () => {
  await browser?.close();
});

async function open(user: { email: string; password: string; totpSecret: string }): Promise<Page> {
  const p = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 1000 } });
  await signIn(p, stackInfo().url, user);
  return p;
}

async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

async function openTrainings(p: Page) {
  await p.getByRole('link', { name: '研修', exact: true }).click();
  await p.getByRole('heading', { level: 1, name: '研修' }).waitFor();
}

/** A facility user registers one participant for the session; answers the status text shown. */
async function register(user: { email: string; password: string; totpSecret: string }, name: string, shot: string): Promise<Page> {
  const p = await open(user);
  await openTrainings(p);
  const card = p.getByTestId(`session-${sessionId}`);
  await card.waitFor({ timeout: 15_000 });
  await card.getByLabel('参加者の氏名').fill(name);
  await card.getByLabel('役職（任意）').fill('情報システム担当');
  await card.getByRole('button', { name: '申し込む' }).click();
  await card.locator('.training-mine li', { hasText: name }).waitFor({ timeout: 15_000 });
  await card.scrollIntoViewIfNeeded();
  await screenshot(p, shot);
  await expectAxeClean(p, `facility trainings page (${name})`);
  return p;
}

interface Registration {
  registrationId: string;
  facilityId: string;
  participantName: string;
  status: string;
  seq: number;
  attended: boolean | null;
}

async function registrations(): Promise<Registration[]> {
  const res = await api<{ items: Registration[] }>('GET', `/api/trainings/${sessionId}/registrations?limit=500`, { as: USERS.pref36 });
  expect(res.status).toBe(200);
  return res.body.items;
}

async function attendedThisYear(facilityId: string): Promise<boolean> {
  const res = await api<{ items: { registration: { attended: boolean | null } }[] }>('GET', `/api/facilities/${facilityId}/trainings`, { as: USERS.pref36 });
  expect(res.status).toBe(200);
  return res.body.items.some((i) => i.registration.attended === true);
}

async function mailsTo(email: string): Promise<SesMail[]> {
  const res = await fetch(`${stackInfo().services.sesEndpoint}/store`);
  const store = (await res.json()) as { emails: SesMail[] };
  return store.emails.filter((m) => m.destination.to.includes(email));
}

describe('trainings: schedule, register with a waitlist, promote on cancel, attendance, coverage', () => {
  it('the prefecture schedules a session with 2 seats (errors summarised first, then saved)', async () => {
    const p = await open(login(USERS.pref36));
    await openTrainings(p);
    await p.getByTestId('training-coverage').waitFor();
    await screenshot(p, '90-trainings-pref-list');
    await expectAxeClean(p, 'prefecture trainings page');

    await p.getByRole('button', { name: '研修を登録' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('button', { name: '保存する' }).click();
    // Nothing filled in: the summary names the fields and takes the focus.
    const summary = dialog.getByTestId('training-form-errors');
    await summary.getByText('研修の種別: 入力してください').waitFor();
    await summary.getByText('開始日時: 日時を入力してください').waitFor();
    await screenshot(p, '91-training-form-errors');
    await expectAxeClean(p, 'training form with errors');

    await dialog.getByLabel('研修の種別').selectOption('system_admin');
    await dialog.getByLabel('研修名').fill(title);
    await dialog.getByLabel('内容').fill('バックアップとインシデント対応の実習');
    await dialog.getByLabel('オンライン会議の URL').fill('https://meet.example.jp/e2e');
    await dialog.getByLabel('開始日時').fill(startsAt);
    await dialog.getByLabel('終了日時').fill(endsAt);
    await dialog.getByLabel('定員').fill('2');
    await dialog.getByLabel('申込締切').fill(deadline);
    await dialog.getByRole('button', { name: '保存する' }).click();

    await p.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 15_000 });
    await p.getByText(`「${title}」を保存しました`).waitFor();
    sessionId = decodeURIComponent(new URL(p.url()).pathname.split('/').pop() ?? '');
    expect(sessionId).not.toBe('');
    expect(await p.getByTestId('session-seats').textContent()).toBe('0 / 2');
    await screenshot(p, '92-training-session-new');
    await expectAxeClean(p, 'session page');
    await p.close();
  });

  it('three facilities register: two confirmed, the third waitlisted', async () => {
    expect(sessionId).not.toBe('');
    const a = await register(hospitalLogin(), '鳴門 太郎', '93-training-register-first');
    await a.getByTestId(`session-${sessionId}`).getByText('確定').first().waitFor();
    await a.close();
    const b = await register(clinicLogin(), '勝浦 健', '94-training-register-second');
    await b.getByTestId(`session-${sessionId}`).getByText('確定').first().waitFor();
    await b.close();
    const c = await register({ email: thirdEmail, password: thirdPassword, totpSecret: thirdSecret }, '吉野川 花子', '95-training-register-waitlisted');
    await c.getByText('吉野川 花子 さんはキャンセル待ちになりました').waitFor();
    await c.getByTestId(`session-${sessionId}`).locator('.badge.tr-waitlisted').waitFor();
    await c.close();

    const regs = await registrations();
    expect(regs.map((r) => [r.participantName, r.status])).toEqual([
      ['鳴門 太郎', 'confirmed'],
      ['勝浦 健', 'confirmed'],
      ['吉野川 花子', 'waitlisted'],
    ]);
  });

  it('the first cancels: the waitlisted third is promoted and mailed', async () => {
    const p = await open(hospitalLogin());
    await openTrainings(p);
    const card = p.getByTestId(`session-${sessionId}`);
    await card.getByRole('button', { name: '鳴門 太郎 さんの申込を取り消す' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByText('鳴門 太郎 さんの申込を取り消しますか？').waitFor();
    await expectAxeClean(p, 'cancel registration dialog');
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await p.getByText('鳴門 太郎 さんの申込を取り消しました').waitFor({ timeout: 15_000 });
    await card.locator('.badge.tr-cancelled').waitFor();
    await screenshot(p, '96-training-cancelled');
    await p.close();

    const regs = await registrations();
    expect(Object.fromEntries(regs.map((r) => [r.participantName, r.status]))).toEqual({
      '鳴門 太郎': 'cancelled',
      '勝浦 健': 'confirmed',
      '吉野川 花子': 'confirmed',
    });

    // The promotion mail, from the stream consumer through the SES sink, to the user who registered.
    await settle();
    await expect
      .poll(async () => (await mailsTo(thirdEmail)).filter((m) => m.subject.includes('キャンセル待ちから参加確定') && m.subject.includes(title)).length, {
        timeout: 20_000,
      })
      .toBe(1);

    // The third facility sees its participant confirmed now.
    const c = await open({ email: thirdEmail, password: thirdPassword, totpSecret: thirdSecret });
    await openTrainings(c);
    await c.getByTestId(`session-${sessionId}`).locator('.badge.tr-confirmed').waitFor({ timeout: 15_000 });
    await c.close();
  });

  it('the prefecture records attendance by hand and the dashboard shows the coverage', async () => {
    const regs = await registrations();
    const attendees = regs.filter((r) => r.status === 'confirmed');
    expect(attendees).toHaveLength(2);
    // Coverage before: which of the two facilities had no attended session this fiscal year yet.
    const newlyCovered = (await Promise.all(attendees.map((r) => attendedThisYear(r.facilityId)))).filter((x) => !x).length;
    await settle();
    const before = await api<{ slices: { slice: string; covered: number }[] }>('GET', '/api/training-coverage', { as: USERS.pref36 });
    const prefBefore = before.body.slices.find((s) => s.slice === 'pref')?.covered ?? -1;
    expect(prefBefore).toBeGreaterThanOrEqual(0);

    const p = await open(login(USERS.pref36));
    await openTrainings(p);
    await p.getByTestId('training-list').getByRole('link', { name: title }).click();
    await p.getByRole('heading', { level: 1, name: title }).waitFor();
    const list = p.getByTestId('participant-list');
    await list.waitFor();
    // Confirmed first in arrival order, the cancelled one last; the cancelled one has no checkbox.
    await expect.poll(() => list.locator('tbody th').allTextContents()).toEqual(['勝浦 健', '吉野川 花子', '鳴門 太郎']);
    await expect.poll(() => list.getByRole('checkbox').count()).toBe(2);
    for (const r of attendees) await list.getByRole('checkbox', { name: new RegExp(`^${r.participantName}`) }).check();
    await p.getByRole('button', { name: '出欠を保存' }).click();
    await p.getByText('2 人の出欠を保存しました').waitFor({ timeout: 15_000 });
    await list.scrollIntoViewIfNeeded();
    await screenshot(p, '97-training-attendance');
    await expectAxeClean(p, 'session page after attendance');

    const saved = await registrations();
    expect(
      saved
        .filter((r) => r.attended === true)
        .map((r) => r.participantName)
        .sort(),
    ).toEqual(attendees.map((r) => r.participantName).sort());

    // The coverage read model (stream consumer) counts the newly covered facilities; the dashboard card shows it.
    await settle();
    await p.getByRole('link', { name: 'ダッシュボード', exact: true }).click();
    const card = p.getByTestId('training-coverage');
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => card.getByTestId('coverage-pref-covered').textContent(), { timeout: 15_000 }).toBe(String(prefBefore + newlyCovered));
    await card.getByTestId(`coverage-hc:${third.healthCenterId}`).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(p, '98-dashboard-training-coverage');
    await expectAxeClean(p, 'dashboard with coverage');
    await p.close();
  });

  it("the facility's record shows who attended what", async () => {
    const c = await open({ email: thirdEmail, password: thirdPassword, totpSecret: thirdSecret });
    await openTrainings(c);
    const record = c.getByTestId('training-record');
    await record.getByRole('row', { name: new RegExp(`${title}.*吉野川 花子`) }).waitFor({ timeout: 15_000 });
    await record.scrollIntoViewIfNeeded();
    await screenshot(c, '99-facility-training-record');
    await expectAxeClean(c, 'facility record');
    await c.close();
  });
});
