import type { ErrorBody, ReminderSettings, User } from '@mcr/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { api, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';
import type { SesMail } from '../support/mail.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * The prefecture's rhythm of deadline reminders (issue 9: "at a configurable rhythm"): saved through
 * `reminderSettings.put`, read by the same scheduled run that EventBridge Scheduler starts in AWS.
 */
const stamp = Date.now().toString(36);
const DEFAULT = { daysBefore: [14, 3], onTheDay: true, overdueEveryDays: 7, overdueForDays: 56 };

async function runScheduler(now: string): Promise<{ errors: string[] }> {
  const res = await fetch(`${stackInfo().url}/__local/scheduler/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { errors: string[] };
}

async function mailsTo(email: string, title: string): Promise<SesMail[]> {
  const store = (await (await fetch(`${stackInfo().services.sesEndpoint}/store`)).json()) as { emails: SesMail[] };
  return store.emails.filter((m) => m.destination.to.includes(email) && m.subject.includes(title));
}

const read = async () => (await api<ReminderSettings>('GET', '/api/reminder-settings', { as: USERS.pref36 })).body;
const put = (body: Record<string, unknown>) => api<ReminderSettings & ErrorBody>('PUT', '/api/reminder-settings', { as: USERS.pref36, body });

afterAll(async () => {
  // Back to the default rhythm, which the other files' reminders expect.
  const res = await put({ ...DEFAULT, expectedVersion: (await read()).version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});

describe('the rhythm of deadline reminders', () => {
  it('refuses a rhythm it cannot follow, naming the field, and a stale version', async () => {
    const current = await read();
    const cases: [Record<string, unknown>, string][] = [
      [{ daysBefore: [0] }, 'body.daysBefore[0]'],
      [{ daysBefore: [5, 5] }, 'body.daysBefore'],
      [{ daysBefore: [1, 2, 3, 4, 5, 6, 7] }, 'body.daysBefore'],
      [{ overdueEveryDays: 31 }, 'body.overdueEveryDays'],
      [{ overdueEveryDays: 7, overdueForDays: 3 }, 'body.overdueForDays'],
    ];
    for (const [change, field] of cases) {
      const res = await put({ ...DEFAULT, ...change, expectedVersion: current.version });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.error.fields?.[0]?.field, JSON.stringify(res.body)).toBe(field);
    }
    expect((await read()).version).toBe(current.version);
    const stale = await put({ ...DEFAULT, expectedVersion: current.version + 5 });
    expect(stale.status).toBe(409);
  });

  it('is the prefecture’s only', async () => {
    expect((await api('GET', '/api/reminder-settings', { as: USERS.inspector36 })).status).toBe(403);
    expect((await api('PUT', '/api/reminder-settings', { as: USERS.hospitalAdmin36, body: { ...DEFAULT, expectedVersion: 0 } })).status).toBe(403);
  });

  it('reminds on the prefecture’s days, not the default ones, and records who changed it', async () => {
    const saved = await put({ daysBefore: [3, 10], onTheDay: false, overdueEveryDays: 0, overdueForDays: 30, expectedVersion: (await read()).version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ daysBefore: [10, 3], onTheDay: false, overdueEveryDays: 0, overdueForDays: 0, isDefault: false });
    expect((await read()).version).toBe(saved.body.version);

    // f033: a facility with a new administrator of its own, and a campaign only this file creates.
    const admin = `rhythm-${stamp}@f033.example.jp`;
    const invited = await api<User>('POST', '/api/users', {
      as: USERS.pref36,
      body: { email: admin, displayName: 'リズム テスト', role: 'facility_admin', orgId: 'f033' },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const title = `リズム試験 ${stamp}`;
    const created = await createCampaign(USERS.pref36, {
      templateId: 'mhlw-facility-r7',
      title: { ja: title, en: `Rhythm test ${stamp}` },
      fiscalYear: 2033,
      opensOn: '2033-04-01',
      deadline: '2033-06-20',
      target: { kind: 'facilities', ids: ['f033'] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const reminders = async () => (await mailsTo(admin, title)).filter((m) => !m.subject.includes('始まりました') && !m.subject.includes('started'));

    // 14 days before (a default step): nothing. 10 days before (the prefecture's): one, also when run twice.
    expect((await runScheduler('2033-06-06T00:30:00Z')).errors).toEqual([]);
    expect(await reminders()).toHaveLength(0);
    await runScheduler('2033-06-10T00:30:00Z');
    await runScheduler('2033-06-10T02:00:00Z');
    expect(await reminders()).toHaveLength(1);
    expect((await reminders())[0]?.subject).toContain('10');
    // On the day and 7 days overdue: switched off.
    await runScheduler('2033-06-20T00:30:00Z');
    await runScheduler('2033-06-27T00:30:00Z');
    expect(await reminders()).toHaveLength(1);

    const audit = await api<{ items: { action: string }[] }>('GET', '/api/audit', { as: USERS.pref36 });
    expect(audit.body.items.some((e) => e.action === 'reminders.settings')).toBe(true);
  });
});
