import type {
  ListNotificationsResponse,
  MarkAllReadResponse,
  MarkReadResponse,
  Me,
  Preferences,
  ReminderSettings,
  ResendInvitationResponse,
  RouteId,
  User,
} from '@mcr/contract';
import { createRepositories } from '@mcr/data';
import { expect } from 'vitest';
import { api, USERS } from '../../support/api.ts';
import { type IsolationCase, preparedCase } from '../../support/isolation.ts';
import { testDb } from '../../support/rows.ts';

type NotificationRouteId = Extract<RouteId, `notifications.${string}` | `preferences.${string}` | `reminderSettings.${string}` | 'users.resendInvite'>;

/**
 * Isolation cases of the inbox, the mail preferences and the invitation resend (issue 9). The victim is the demo
 * hospital's member (hospital-staff@…): its notifications are written through the repository (what the stream
 * consumer writes), and the attackers — tenant 37's hospital admin, another facility's admin — try to read or mark
 * them, or change the victim's preferences. The inbox key is built from the caller's verified user id.
 */
const stamp = Date.now().toString(36);
const repos36 = () => createRepositories(testDb(), { tenantId: '36' });
const userIdOf = async (as: string) => {
  const res = await api<Me>('GET', '/api/me', { as });
  expect(res.status).toBe(200);
  return res.body.userId;
};
let victimId = '';
const victimUserId = async () => (victimId ||= await userIdOf(USERS.hospitalStaff36));
let delivered = 0;
/** A notification delivered to the user `as` (the victim unless named), as the stream consumer delivers it. */
const deliver = async (as: string = USERS.hospitalStaff36) => {
  const userId = as === USERS.hospitalStaff36 ? await victimUserId() : await userIdOf(as);
  const r = await repos36().notifications.deliver({
    userId,
    eventId: `iso:${stamp}:${++delivered}`,
    kind: 'response_returned',
    title: { ja: '分離テスト', en: 'Isolation test' },
    body: { ja: '本文', en: 'Body' },
    link: null,
    at: new Date().toISOString(),
  });
  if (!r.created) throw new Error('isolation notification already existed');
  return r.notificationId;
};
/** Equal in effect to the default rhythm (see the comment on the reminderSettings cases). */
const RHYTHM36 = { daysBefore: [14, 3], onTheDay: true, overdueEveryDays: 7, overdueForDays: 56 };
const prefsOf = async (as: string) => (await api<Preferences>('GET', '/api/my/preferences', { as })).body;
/** The victim's mail preferences set as the case needs them. */
const setVictimPrefs = async (language: 'ja' | 'en', trainingReminder: boolean) => {
  const res = await api<Preferences>('PUT', '/api/my/preferences', {
    as: USERS.hospitalStaff36,
    body: { language, kinds: { training_reminder: trainingReminder }, expectedVersion: (await prefsOf(USERS.hospitalStaff36)).version },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const settingsOf = async (as: string) => (await api<ReminderSettings>('GET', '/api/reminder-settings', { as })).body;
/** Tenant 36's own rhythm saved (equal in effect to the default). */
const saveRhythm36 = async () => {
  const res = await api<ReminderSettings>('PUT', '/api/reminder-settings', {
    as: USERS.pref36,
    body: { ...RHYTHM36, expectedVersion: (await settingsOf(USERS.pref36)).version },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

export const NOTIFICATION_CASES: Record<NotificationRouteId, IsolationCase> = {
  'notifications.list': preparedCase(deliver, (listed) => ({
    positive: { as: USERS.hospitalStaff36, path: '/api/my/notifications' },
    expectPositive: (b) => {
      const body = b as ListNotificationsResponse;
      expect(body.items.filter((n) => n.notificationId === listed)).toMatchObject([{ readAt: null, title: { ja: '分離テスト' } }]);
      expect(body.unreadCount).toBeGreaterThan(0);
    },
    crossTenant: { as: USERS.hospitalAdmin37, path: '/api/my/notifications' },
    // The same facility's administrator: another user's inbox is not the facility's.
    crossOrg: { as: USERS.hospitalAdmin36, path: '/api/my/notifications' },
    leaks: (b) => ((b as ListNotificationsResponse).items.some((n) => n.notificationId === listed) ? ['the victim’s notification'] : []),
  })),
  'notifications.markRead': preparedCase(
    async () => ({ toRead: await deliver(), target: await deliver() }),
    ({ toRead, target }) => ({
      positive: { as: USERS.hospitalStaff36, method: 'POST', path: `/api/my/notifications/${toRead}/read` },
      expectPositive: async (b) => {
        expect((b as MarkReadResponse).notification.notificationId).toBe(toRead);
        expect((b as MarkReadResponse).notification.readAt).toEqual(expect.any(String));
        expect((await repos36().notifications.get(await victimUserId(), toRead))?.readAt).toEqual(expect.any(String));
      },
      crossTenant: { as: USERS.hospitalAdmin37, method: 'POST', path: `/api/my/notifications/${target}/read`, refused: [404] },
      crossOrg: { as: USERS.clinic36, method: 'POST', path: `/api/my/notifications/${target}/read`, refused: [404] },
    }),
  ),
  // The rightful caller marks their own inbox; the victim's notification must stay unread whoever else calls.
  'notifications.markAllRead': preparedCase(
    async () => ({ forAll: await deliver(), clinics: await deliver(USERS.clinic36) }),
    ({ forAll, clinics }) => ({
      positive: { as: USERS.clinic36, method: 'POST', path: '/api/my/notifications/read' },
      expectPositive: async (b) => {
        expect((b as MarkAllReadResponse).marked).toBeGreaterThanOrEqual(1);
        expect((b as MarkAllReadResponse).unreadCount).toBe(0);
        expect((await repos36().notifications.get(await userIdOf(USERS.clinic36), clinics))?.readAt).toEqual(expect.any(String));
      },
      crossTenant: { as: USERS.hospitalAdmin37, method: 'POST', path: '/api/my/notifications/read' },
      crossOrg: { as: USERS.hospitalAdmin36, method: 'POST', path: '/api/my/notifications/read' },
      leaks: async () => ((await repos36().notifications.get(await victimUserId(), forAll))?.readAt ? ['the victim’s notification was marked read'] : []),
    }),
  ),
  'preferences.get': preparedCase(
    () => setVictimPrefs('en', false),
    (saved) => ({
      positive: { as: USERS.hospitalStaff36, path: '/api/my/preferences' },
      expectPositive: (b) =>
        expect(b).toMatchObject({ language: 'en', kinds: { training_reminder: false }, version: saved.version, updatedAt: saved.updatedAt }),
      crossTenant: { as: USERS.hospitalAdmin37, path: '/api/my/preferences' },
      crossOrg: { as: USERS.clinic36, path: '/api/my/preferences' },
      // The victim's own item: the version and time of its last save.
      leaks: (b) => ((b as Preferences).updatedAt === saved.updatedAt ? ['the victim’s preferences'] : []),
    }),
  ),
  // The victim starts from Japanese mails without training reminders; the positive control switches to English. The
  // attackers, each writing their own preferences, must never switch the victim's training reminders back on.
  'preferences.put': preparedCase(
    () => setVictimPrefs('ja', false),
    (before) => ({
      positive: {
        as: USERS.hospitalStaff36,
        method: 'PUT',
        path: '/api/my/preferences',
        body: async () => ({ language: 'en', kinds: { training_reminder: false }, expectedVersion: (await prefsOf(USERS.hospitalStaff36)).version }),
      },
      expectPositive: async (b) => {
        const saved = { language: 'en', kinds: { training_reminder: false } };
        expect(b).toMatchObject({ ...saved, version: before.version + 1 });
        expect(await prefsOf(USERS.hospitalStaff36)).toMatchObject({ ...saved, version: before.version + 1 });
      },
      crossTenant: {
        as: USERS.hospitalAdmin37,
        method: 'PUT',
        path: '/api/my/preferences',
        body: async () => ({ language: 'ja', kinds: { training_reminder: true }, expectedVersion: (await prefsOf(USERS.hospitalAdmin37)).version }),
      },
      crossOrg: {
        as: USERS.clinic36,
        method: 'PUT',
        path: '/api/my/preferences',
        body: async () => ({ language: 'ja', kinds: { training_reminder: true }, expectedVersion: (await prefsOf(USERS.clinic36)).version }),
      },
      leaks: async () => {
        const p = await repos36().preferences.get(await victimUserId());
        return p?.kinds.training_reminder === false ? [] : ['the victim’s preferences were changed'];
      },
    }),
  ),
  // The prefecture's rhythm of reminders: tenant 36 saves one equal to the default (the other files' reminders
  // expect it) but its own; tenant 37 reads and writes only its own, and a facility or a 保健所 gets 403.
  'reminderSettings.get': preparedCase(saveRhythm36, (saved) => ({
    positive: { as: USERS.pref36, path: '/api/reminder-settings' },
    expectPositive: (b) => expect(b).toMatchObject({ ...RHYTHM36, isDefault: false, version: saved.version, updatedAt: saved.updatedAt }),
    crossTenant: { as: USERS.pref37, path: '/api/reminder-settings' },
    leaks: async (b) => ((b as ReminderSettings).updatedAt === (await repos36().reminderSettings.get())?.updatedAt ? ['tenant 36’s settings'] : []),
    crossOrg: { as: USERS.inspector36, path: '/api/reminder-settings' },
  })),
  'reminderSettings.put': preparedCase(saveRhythm36, (saved) => ({
    positive: {
      as: USERS.pref36,
      method: 'PUT',
      path: '/api/reminder-settings',
      body: async () => ({ ...RHYTHM36, expectedVersion: (await settingsOf(USERS.pref36)).version }),
    },
    expectPositive: async (b) => {
      expect(b).toMatchObject({ ...RHYTHM36, isDefault: false, version: saved.version + 1 });
      expect(await settingsOf(USERS.pref36)).toMatchObject({ ...RHYTHM36, version: saved.version + 1 });
    },
    // Tenant 37's administrator saves a rhythm: its own item changes, tenant 36's does not.
    crossTenant: {
      as: USERS.pref37,
      method: 'PUT',
      path: '/api/reminder-settings',
      body: async () => ({ ...RHYTHM36, daysBefore: [20], expectedVersion: (await settingsOf(USERS.pref37)).version }),
    },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'PUT', path: '/api/reminder-settings', body: { ...RHYTHM36, expectedVersion: 0 } },
    leaks: async () => {
      const s = await repos36().reminderSettings.get();
      return s && JSON.stringify(s.daysBefore) === JSON.stringify(RHYTHM36.daysBefore) ? [] : ['tenant 36’s rhythm was changed'];
    },
  })),
  'users.resendInvite': preparedCase(
    async () => {
      const res = await api<User>('POST', '/api/users', {
        as: USERS.pref36,
        body: { email: `resend-${stamp}@f007.example.jp`, displayName: '再送 三郎', role: 'facility_member', orgId: 'f007' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    },
    (invited) => ({
      positive: { as: USERS.pref36, method: 'POST', path: `/api/users/${invited.userId}/invitation` },
      expectPositive: (b) => {
        expect(b).toMatchObject({ userId: invited.userId, email: `resend-${stamp}@f007.example.jp` });
        expect((b as ResendInvitationResponse).invitedAt >= (invited.invitedAt ?? '')).toBe(true);
      },
      crossTenant: { as: USERS.pref37, method: 'POST', path: `/api/users/${invited.userId}/invitation` },
      crossOrg: { as: USERS.clinic36, method: 'POST', path: `/api/users/${invited.userId}/invitation` },
    }),
  ),
};
