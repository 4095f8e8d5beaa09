import { getBuiltInTemplate, type Template } from '@mcr/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, settle, USERS } from '../support/api.ts';
import { axeViolations, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { createCampaign } from '../support/campaigns.ts';
import type { SesMail } from '../support/mail.ts';
import { temporaryPasswordFor } from '../support/mail.ts';
import { stackInfo } from '../support/stack-info.ts';
import { asChanges, completeAnswers } from '../support/templates.ts';

/**
 * Notifications in the browser (issue 9): a 差戻し mails its comment once and shows in the inbox with an unread
 * count in the header; the mail language follows メール設定; a scheduled reminder run twice arrives once; the
 * people page resends an invitation. Mails are read back from the local SES sink.
 */
const T36 = tokushima();
const R7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
// f025: a facility no other browser test targets with its own campaign.
const FACILITY = 'f025';
const facility = T36.facilities.find((f) => f.id === FACILITY)!;
const hasContract = T36.contracts.some((c) => c.facilityId === FACILITY);
const stamp = Date.now().toString(36);
const adminEmail = `nf-admin-${stamp}@f025.example.jp`;
const pendingEmail = `nf-pending-${stamp}@f025.example.jp`;
const password = 'Notify-E2E-2026!';
const titleJa = `通知E2E ${stamp}`;
const titleEn = `Notify E2E ${stamp}`;
const COMMENT = `アクセスログの保存期間を確認してください (${stamp})`;

let browser: Browser;
let campaignId = '';
let adminToken = '';
let adminSecret = '';

async function mailsTo(email: string): Promise<SesMail[]> {
  const res = await fetch(`${stackInfo().services.sesEndpoint}/store`);
  const store = (await res.json()) as { emails: SesMail[] };
  return store.emails.filter((m) => m.destination.to.includes(email));
}

async function runScheduler(now: string): Promise<{ errors: string[]; deadline: { sent: number; duplicate: number } }> {
  const res = await fetch(`${stackInfo().url}/__local/scheduler/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { errors: string[]; deadline: { sent: number; duplicate: number } };
}

const responsePath = () => `/api/campaigns/${campaignId}/facilities/${FACILITY}/response`;

async function responseVersion(): Promise<number> {
  const res = await api<{ version: number; status: string }>('GET', responsePath(), { token: adminToken });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.version;
}

async function submit(): Promise<void> {
  const res = await api('POST', `${responsePath()}/submit`, { token: adminToken, body: { expectedVersion: await responseVersion(), round: 1 } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function newPage(): Promise<Page> {
  return browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
}

async function expectAxeClean(p: Page, where: string) {
  const v = await axeViolations(p);
  expect(v, `${where}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

async function invite(email: string, displayName: string): Promise<{ userId: string }> {
  const res = await api<{ userId: string }>('POST', '/api/users', { as: USERS.pref36, body: { email, displayName, role: 'facility_admin', orgId: FACILITY } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // A new facility administrator who has signed in once (new password, TOTP enrolled).
  await invite(adminEmail, '通知 管理者');
  const s = stackInfo().services;
  const flows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
  try {
    const first = await flows.completeFirstSignIn({ email: adminEmail, temporaryPassword: await temporaryPasswordFor(adminEmail), newPassword: password });
    adminToken = first.tokens.accessToken;
    adminSecret = first.totpSecret;
  } finally {
    flows.destroy();
  }
  // Its own survey, answered completely and submitted.
  const created = await createCampaign(USERS.pref36, {
    templateId: 'mhlw-facility-r7',
    title: { ja: titleJa, en: titleEn },
    fiscalYear: 2032,
    opensOn: '2032-04-01',
    deadline: '2032-06-20',
    target: { kind: 'facilities', ids: [FACILITY] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  campaignId = created.body.campaign.id;
  const changes = asChanges(completeAnswers(R7, hasContract));
  for (let i = 0; i < changes.length; i += 200) {
    const saved = await api('PUT', `${responsePath()}/answers`, {
      token: adminToken,
      body: { expectedVersion: await responseVersion(), changes: changes.slice(i, i + 200) },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  }
  await submit();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe(`notifications: ${facility?.name ?? FACILITY}`, () => {
  it('the prefecture sends the response back with a comment; the mail with the comment arrives exactly once', async () => {
    const p = await newPage();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.goto(`${stackInfo().url}/campaigns/${campaignId}/facilities/${FACILITY}`);
    await p.getByLabel('差戻しの理由').fill(COMMENT);
    await p.getByRole('button', { name: '差戻す' }).click();
    await p.getByRole('dialog').getByRole('button', { name: '差戻しを送信' }).click();
    await expect.poll(() => p.getByText('差戻し').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await p.close();

    await settle();
    await expect.poll(async () => (await mailsTo(adminEmail)).filter((m) => m.body.text.includes(COMMENT)).length, { timeout: 15_000 }).toBe(1);
    const mail = (await mailsTo(adminEmail)).find((m) => m.body.text.includes(COMMENT))!;
    expect(mail.subject).toContain('差戻');
    expect(mail.body.text).toContain(`/campaigns/${campaignId}/facilities/${FACILITY}`);
    // Retries of the stream or a second settle do not send it again.
    await settle();
    expect((await mailsTo(adminEmail)).filter((m) => m.body.text.includes(COMMENT))).toHaveLength(1);
  });

  it('a deadline reminder from the local scheduler arrives once when the scheduler runs twice', async () => {
    // 09:30 JST, 14 days before the deadline, while the response is sent back (not submitted).
    const first = await runScheduler('2032-06-06T00:30:00Z');
    expect(first.errors).toEqual([]);
    const second = await runScheduler('2032-06-06T03:00:00Z');
    expect(second.errors).toEqual([]);
    expect(second.deadline.duplicate).toBeGreaterThanOrEqual(1);
    const reminders = (await mailsTo(adminEmail)).filter((m) => m.subject.includes(titleJa) && m.subject.includes('提出期限'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.subject).toContain('あと 14 日');
  });

  it('the facility sees the unread count in the header, opens the inbox, the item leads to the checklist, and the count goes to 0', async () => {
    const p = await newPage();
    await signIn(p, stackInfo().url, { email: adminEmail, password, totpSecret: adminSecret });
    const bell = p.getByTestId('notification-bell');
    // 差戻し + 調査の開始 + 提出期限: at least two unread.
    await expect.poll(async () => p.getByRole('link', { name: /お知らせ 未読 [2-9]\d* 件/ }).count(), { timeout: 15_000 }).toBe(1);
    await screenshot(p, 'n1-header-unread');
    await bell.click();
    await p.getByRole('heading', { name: 'お知らせ', level: 1 }).waitFor();
    const returned = p.locator('li[data-kind="response_returned"]');
    await expect.poll(() => returned.count(), { timeout: 10_000 }).toBe(1);
    expect(await returned.getAttribute('class')).toContain('is-unread');
    expect(await p.getByTestId('inbox-unread').textContent()).toMatch(/未読 \d+ 件/);
    await screenshot(p, 'n2-inbox');
    await expectAxeClean(p, 'inbox');

    await returned.getByRole('link').first().click();
    await p.waitForURL(`**/campaigns/${campaignId}/facilities/${FACILITY}`);
    await p.getByTestId('returned-banner').waitFor({ timeout: 10_000 });

    await p.goto(`${stackInfo().url}/notifications`);
    await expect.poll(() => p.locator('li[data-kind="response_returned"]').getAttribute('class'), { timeout: 10_000 }).toContain('is-read');
    await p.getByRole('button', { name: 'すべて既読にする' }).click();
    await expect.poll(() => p.getByTestId('inbox-unread').textContent(), { timeout: 10_000 }).toContain('未読のお知らせはありません');
    await expect.poll(() => p.getByRole('link', { name: 'お知らせ 未読なし' }).count(), { timeout: 10_000 }).toBe(1);
    await screenshot(p, 'n3-inbox-all-read');
    await expectAxeClean(p, 'inbox all read');
    await p.close();
  });

  it('in メール設定 the user chooses English; the next mail (the confirmation) is English first', async () => {
    const p = await newPage();
    await signIn(p, stackInfo().url, { email: adminEmail, password, totpSecret: adminSecret });
    await p.getByTestId('notification-bell').click();
    await p.getByRole('link', { name: 'メール設定' }).first().click();
    await p.getByRole('heading', { name: 'メール設定', level: 1 }).waitFor();
    // Mandatory kinds are on and cannot be turned off.
    const invitation = p.getByRole('switch', { name: /招待/ });
    expect(await invitation.isChecked()).toBe(true);
    expect(await invitation.isDisabled()).toBe(true);
    await p.getByLabel('English (英語)').check();
    await screenshot(p, 'n4-mail-settings');
    await expectAxeClean(p, 'mail settings');
    await p.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => p.getByTestId('prefs-message').textContent(), { timeout: 10_000 }).toContain('メール設定を保存しました。');
    await screenshot(p, 'n5-mail-settings-saved');
    await p.close();

    // The facility resubmits; the prefecture confirms: that mail comes in English first.
    await submit();
    const before = (await mailsTo(adminEmail)).length;
    const version = (await api<{ version: number }>('GET', responsePath(), { as: USERS.pref36 })).body.version;
    const confirmed = await api('POST', `${responsePath()}/confirm`, { as: USERS.pref36, body: { expectedVersion: version } });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    await settle();
    await expect.poll(async () => (await mailsTo(adminEmail)).length, { timeout: 15_000 }).toBe(before + 1);
    const mail = (await mailsTo(adminEmail)).at(-1)!;
    expect(mail.subject).toMatch(/^\[/);
    expect(mail.subject).toContain(titleEn);
    const text = mail.body.text;
    expect(text.indexOf(titleEn)).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(titleEn)).toBeLessThan(text.indexOf(titleJa));
  });

  it('the prefecture resends the invitation of someone who has not signed in yet; a new mail with a new password arrives', async () => {
    await invite(pendingEmail, '未ログイン 職員');
    const firstPassword = await temporaryPasswordFor(pendingEmail);
    expect(firstPassword).not.toBe('');
    const p = await newPage();
    await signIn(p, stackInfo().url, login(USERS.pref36));
    await p.getByRole('link', { name: '利用者', exact: true }).click();
    await p.getByLabel(/検索/).first().fill(pendingEmail);
    const row = p.getByTestId(`user-row-${pendingEmail}`);
    await row.waitFor({ timeout: 10_000 });
    await row.getByRole('button', { name: '未ログイン 職員 さんに招待を再送' }).click();
    const dialog = p.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain(pendingEmail);
    await screenshot(p, 'n6-resend-confirm');
    await dialog.getByRole('button', { name: '再送する' }).click();
    await expect.poll(() => p.getByTestId('user-updated').textContent(), { timeout: 10_000 }).toContain('招待メールを再送しました');
    await screenshot(p, 'n7-resend-done');
    await expectAxeClean(p, 'people page after resend');
    expect((await mailsTo(pendingEmail)).length).toBe(2);
    const secondPassword = await temporaryPasswordFor(pendingEmail);
    expect(secondPassword).not.toBe('');
    expect(secondPassword).not.toBe(firstPassword);

    // Someone who has signed in already: the server refuses (409) and the page says why.
    await p.getByLabel(/検索/).first().fill(adminEmail);
    const active = p.getByTestId(`user-row-${adminEmail}`);
    await active.waitFor({ timeout: 10_000 });
    await active.getByRole('button', { name: '通知 管理者 さんに招待を再送' }).click();
    await p.getByRole('dialog').getByRole('button', { name: '再送する' }).click();
    await expect.poll(() => p.getByTestId('user-failure').count(), { timeout: 10_000 }).toBe(1);
    expect(await p.getByTestId('user-failure').textContent()).toContain('ログイン');
    expect(await p.getByTestId('user-updated').count()).toBe(0);
    await screenshot(p, 'n8-resend-refused');
    await p.close();
  });
});
