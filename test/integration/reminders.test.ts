import type { ErrorBody, Preferences, User, VendorMissingDocuments } from '@mcr/contract';
import { describe, expect, it } from 'vitest';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { api, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';
import { type SesMail, temporaryPasswordFor } from '../support/mail.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * Scheduled reminders (docs/decisions/0015-notifications.md, "Scheduled reminders") on the local stack: the local
 * scheduler runs the same handler as EventBridge Scheduler in AWS, at a chosen time through
 * `POST /__local/scheduler/run {"now": ISO}`; mails are read back from the SES sink.
 */
const stamp = Date.now().toString(36);

interface RunSummary {
  day: string;
  deadline: { sent: number; duplicate: number; skipped: number; campaigns: number };
  documentsMissing: { sent: number; duplicate: number; vendors: number };
  trainings: { sent: number; duplicate: number; sessions: number };
  errors: string[];
}

async function runScheduler(now: string): Promise<RunSummary> {
  const res = await fetch(`${stackInfo().url}/__local/scheduler/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as RunSummary;
}

async function mailsTo(email: string): Promise<SesMail[]> {
  const res = await fetch(`${stackInfo().services.sesEndpoint}/store`);
  const store = (await res.json()) as { emails: SesMail[] };
  return store.emails.filter((m) => m.destination.to.includes(email));
}

async function invite(email: string, role: string, orgId: string): Promise<User> {
  const res = await api<User>('POST', '/api/users', { as: USERS.pref36, body: { email, displayName: 'リマインダー テスト', role, orgId } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function signInFirstTime(email: string): Promise<string> {
  const s = stackInfo().services;
  const flows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
  try {
    const { tokens } = await flows.completeFirstSignIn({ email, temporaryPassword: await temporaryPasswordFor(email), newPassword: 'Remind-Pass-2026!' });
    return tokens.accessToken;
  } finally {
    flows.destroy();
  }
}

describe('the local scheduler', () => {
  it('refuses a "now" that is not a time (400)', async () => {
    const res = await fetch(`${stackInfo().url}/__local/scheduler/run`, { method: 'POST', body: JSON.stringify({ now: 'tomorrow' }) });
    expect(res.status).toBe(400);
  });
});

describe('deadline reminders', () => {
  it('reach the facility administrators of a facility not submitted once per step, in the language they chose; an optional kind off keeps the inbox item only', async () => {
    // f021: a facility only this file targets with its own campaign.
    const jaAdmin = `remind-ja-${stamp}@f021.example.jp`;
    const enAdmin = `remind-en-${stamp}@f021.example.jp`;
    const offAdmin = `remind-off-${stamp}@f021.example.jp`;
    await invite(jaAdmin, 'facility_admin', 'f021');
    await invite(enAdmin, 'facility_admin', 'f021');
    await invite(offAdmin, 'facility_admin', 'f021');
    const enToken = await signInFirstTime(enAdmin);
    const offToken = await signInFirstTime(offAdmin);
    const en = await api<Preferences>('PUT', '/api/my/preferences', { token: enToken, body: { language: 'en', expectedVersion: 0 } });
    expect(en.status, JSON.stringify(en.body)).toBe(200);
    const off = await api<Preferences>('PUT', '/api/my/preferences', {
      token: offToken,
      body: { language: 'ja', kinds: { deadline_reminder: false }, expectedVersion: 0 },
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);

    const title = `リマインダー試験 ${stamp}`;
    const created = await createCampaign(USERS.pref36, {
      templateId: 'mhlw-facility-r7',
      title: { ja: title, en: `Reminder test ${stamp}` },
      fiscalYear: 2031,
      opensOn: '2031-04-01',
      deadline: '2031-06-20',
      target: { kind: 'facilities', ids: ['f021'] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    // The day it opens (run twice): one 'campaign opened' mail to each administrator.
    await runScheduler('2031-04-01T00:30:00Z');
    await runScheduler('2031-04-02T00:30:00Z');
    const opened = (await mailsTo(jaAdmin)).filter((m) => m.subject.includes(title));
    expect(opened).toHaveLength(1);
    expect(opened[0]?.subject).toContain('が始まりました');
    expect(opened[0]?.body.text).toContain('2031-06-20');

    // A day on no step of the rhythm (15 days before): nothing more for this campaign.
    await runScheduler('2031-06-05T00:30:00Z');
    expect((await mailsTo(jaAdmin)).filter((m) => m.subject.includes(title))).toHaveLength(1);

    // 09:30 JST on 2031-06-06: 14 days before. Run twice: one mail each.
    const first = await runScheduler('2031-06-06T00:30:00Z');
    expect(first.day).toBe('2031-06-06');
    expect(first.errors).toEqual([]);
    const second = await runScheduler('2031-06-06T03:00:00Z');
    expect(second.deadline.duplicate).toBeGreaterThanOrEqual(3);

    const ja = (await mailsTo(jaAdmin)).filter((m) => m.subject.includes(title) && m.subject.includes('提出期限'));
    expect(ja).toHaveLength(1);
    expect(ja[0]?.subject).toMatch(/^【徳島県】/);
    expect(ja[0]?.subject).toContain('提出期限まであと 14 日');
    expect(ja[0]?.body.text).toContain('/campaigns/');
    expect(ja[0]?.body.text).toContain('/facilities/f021');
    expect(ja[0]?.body.text.indexOf('提出期限')).toBeLessThan(ja[0]?.body.text.indexOf('Deadline') ?? 0);

    const english = (await mailsTo(enAdmin)).filter((m) => m.subject.includes(`Reminder test ${stamp}`) && m.subject.includes('deadline'));
    expect(english).toHaveLength(1);
    expect(english[0]?.subject).toMatch(/^\[Tokushima/);
    expect(english[0]?.body.text.indexOf('Deadline')).toBeLessThan(english[0]?.body.text.indexOf('提出期限') ?? 0);

    expect((await mailsTo(offAdmin)).filter((m) => m.subject.includes(title) && m.subject.includes('提出期限'))).toHaveLength(0);
    const inbox = await api<{ items: { kind: string; title: { ja: string } }[]; unreadCount: number }>('GET', '/api/my/notifications', { token: offToken });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.filter((n) => n.kind === 'deadline_reminder' && n.title.ja.includes(title))).toHaveLength(1);
    expect(inbox.body.unreadCount).toBeGreaterThanOrEqual(1);

    // The next step (3 days before) is a new event: one more mail.
    await runScheduler('2031-06-17T00:30:00Z');
    const again = (await mailsTo(jaAdmin)).filter((m) => m.subject.includes(title) && m.subject.includes('提出期限'));
    expect(again).toHaveLength(2);
    expect(again[1]?.subject).toContain('あと 3 日');
    // Overdue: 7 days after the deadline.
    await runScheduler('2031-06-27T00:30:00Z');
    expect((await mailsTo(jaAdmin)).filter((m) => m.subject.includes(title)).at(-1)?.subject).toContain('7 日過ぎています');
  });
});

describe('training day-before reminders', () => {
  it('reach the user who registered a confirmed participant once, the day before the session (JST)', async () => {
    const title = `前日リマインダー研修 ${stamp}`;
    const session = await api<{ sessionId: string }>('POST', '/api/trainings', {
      as: USERS.pref36,
      body: {
        kind: 'beginner',
        title,
        mode: 'onsite',
        place: '徳島県庁 10階 大会議室',
        startsAt: '2031-01-21T10:00:00+09:00',
        endsAt: '2031-01-21T12:00:00+09:00',
        capacity: 10,
        registrationDeadline: '2031-01-14T17:00:00+09:00',
      },
    });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const reg = await api('POST', `/api/trainings/${session.body.sessionId}/registrations`, {
      as: USERS.clinic36,
      body: { participantName: '徳島 花子' },
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const dayBefore = () => mailsTo(USERS.clinic36).then((all) => all.filter((m) => m.subject.includes('明日は研修') && m.subject.includes(title)));

    // Two days before: not yet.
    await runScheduler('2031-01-19T00:30:00Z');
    expect(await dayBefore()).toHaveLength(0);
    const first = await runScheduler('2031-01-20T00:30:00Z');
    expect(first.trainings.sessions).toBeGreaterThanOrEqual(1);
    await runScheduler('2031-01-20T05:00:00Z');
    const mails = await dayBefore();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain('徳島 花子');
    expect(mails[0]?.body.text).toContain('2031-01-21 10:00');
    expect(mails[0]?.body.text).toContain('徳島県庁 10階 大会議室');
    expect(mails[0]?.body.text).toContain(`/trainings/${session.body.sessionId}`);
  });
});

describe('MDS/SDS missing', () => {
  it("on the 1st of the month tell a vendor's users which facilities lack a current document, once", async () => {
    const missing = await api<{ items: VendorMissingDocuments[] }>('GET', '/api/vendor-documents/missing', { as: USERS.pref36 });
    expect(missing.status).toBe(200);
    const vendor = missing.body.items[0];
    if (!vendor) throw new Error('the demo has no vendor without a current MDS/SDS');
    const email = `remind-vendor-${stamp}@vendor.example.jp`;
    await invite(email, 'vendor_user', vendor.vendorId);

    await runScheduler('2031-02-02T00:30:00Z');
    expect(await mailsTo(email)).toHaveLength(1); // the invitation only
    await runScheduler('2031-03-01T00:30:00Z');
    await runScheduler('2031-03-01T06:00:00Z');
    const mails = (await mailsTo(email)).filter((m) => m.subject.includes('MDS/SDS'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain(vendor.vendorName);
    expect(mails[0]?.body.text).toContain(`${vendor.facilitiesWithout} 施設`);
    expect(mails[0]?.body.text).toContain('対象の施設:');
    // Only this tenant's facilities: a Kagawa facility id or name never appears (tenant 37's names start with 香川/高松…).
    expect(mails[0]?.body.text).not.toMatch(/香川|高松/);
  });

  it('is not reachable through the API (the scheduler run is a local-only endpoint, never under /api)', async () => {
    const res = await api<ErrorBody>('POST', '/api/__local/scheduler/run', { as: USERS.pref36, body: {} });
    expect(res.status).toBe(404);
  });
});
