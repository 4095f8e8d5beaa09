import type { ListNotificationsResponse, Me, Preferences, ReminderSettings, RouteId } from '@mcr/contract';
import { createRepositories } from '@mcr/data';
import { expect } from 'vitest';
import { api, USERS } from '../../support/api.ts';
import type { IsolationCase } from '../../support/isolation.ts';
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
const victim = { userId: '', listed: '', toRead: '', forAll: '' };
const deliverToVictim = async (suffix: string) => {
  victim.userId ||= await userIdOf(USERS.hospitalStaff36);
  const r = await repos36().notifications.deliver({
    userId: victim.userId,
    eventId: `iso:${stamp}:${suffix}`,
    kind: 'response_returned',
    title: { ja: '分離テスト', en: 'Isolation test' },
    body: { ja: '本文', en: 'Body' },
    link: null,
    at: new Date().toISOString(),
  });
  if (!r.created) throw new Error('isolation notification already existed');
  return r.notificationId;
};
let invited = '';
/** Equal in effect to the default rhythm (see the comment on the reminderSettings cases). */
const RHYTHM36 = { daysBefore: [14, 3], onTheDay: true, overdueEveryDays: 7, overdueForDays: 56 };
const prefsOf = async (as: string) => (await api<Preferences>('GET', '/api/my/preferences', { as })).body;

export const NOTIFICATION_CASES: Record<NotificationRouteId, IsolationCase> = {
  'notifications.list': {
    prepare: async () => {
      victim.listed = await deliverToVictim('listed');
    },
    positive: { as: USERS.hospitalStaff36, path: '/api/my/notifications' },
    expectPositive: (b) => {
      const body = b as ListNotificationsResponse;
      expect(body.items.map((n) => n.notificationId)).toContain(victim.listed);
      expect(body.unreadCount).toBeGreaterThan(0);
    },
    crossTenant: { as: USERS.hospitalAdmin37, path: '/api/my/notifications' },
    // The same facility's administrator: another user's inbox is not the facility's.
    crossOrg: { as: USERS.hospitalAdmin36, path: '/api/my/notifications' },
    leaks: (b) => ((b as ListNotificationsResponse).items.some((n) => n.notificationId === victim.listed) ? ['the victim’s notification'] : []),
  },
  'notifications.markRead': {
    prepare: async () => {
      victim.toRead = await deliverToVictim('to-read');
    },
    positive: {
      as: USERS.hospitalStaff36,
      method: 'POST',
      get path() {
        return `/api/my/notifications/${victim.toRead}/read`;
      },
    },
    crossTenant: {
      as: USERS.hospitalAdmin37,
      method: 'POST',
      get path() {
        return `/api/my/notifications/${victim.listed}/read`;
      },
      refused: [404],
    },
    crossOrg: {
      as: USERS.clinic36,
      method: 'POST',
      get path() {
        return `/api/my/notifications/${victim.listed}/read`;
      },
      refused: [404],
    },
  },
  'notifications.markAllRead': {
    prepare: async () => {
      victim.forAll = await deliverToVictim('for-all');
    },
    // The rightful caller marks their own inbox; the victim's notification must stay unread whoever else calls.
    positive: { as: USERS.clinic36, method: 'POST', path: '/api/my/notifications/read' },
    crossTenant: { as: USERS.hospitalAdmin37, method: 'POST', path: '/api/my/notifications/read' },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'POST', path: '/api/my/notifications/read' },
    leaks: async () => ((await repos36().notifications.get(victim.userId, victim.forAll))?.readAt ? ['the victim’s notification was marked read'] : []),
  },
  'preferences.get': {
    prepare: async () => {
      const current = await prefsOf(USERS.hospitalStaff36);
      const res = await api('PUT', '/api/my/preferences', {
        as: USERS.hospitalStaff36,
        body: { language: 'en', kinds: { training_reminder: false }, expectedVersion: current.version },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
    positive: { as: USERS.hospitalStaff36, path: '/api/my/preferences' },
    expectPositive: (b) => {
      expect((b as Preferences).language).toBe('en');
      expect((b as Preferences).kinds.training_reminder).toBe(false);
    },
    crossTenant: { as: USERS.hospitalAdmin37, path: '/api/my/preferences' },
    crossOrg: { as: USERS.clinic36, path: '/api/my/preferences' },
    leaks: (b) => ((b as Preferences).kinds.training_reminder === false ? ['the victim’s preferences'] : []),
  },
  'preferences.put': {
    positive: {
      as: USERS.hospitalStaff36,
      method: 'PUT',
      path: '/api/my/preferences',
      body: async () => ({ language: 'en', kinds: { training_reminder: false }, expectedVersion: (await prefsOf(USERS.hospitalStaff36)).version }),
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
      const p = await repos36().preferences.get(victim.userId || (await userIdOf(USERS.hospitalStaff36)));
      return p?.language === 'en' && p.kinds.training_reminder === false ? [] : ['the victim’s preferences were changed'];
    },
  },
  // The prefecture's rhythm of reminders: tenant 36 saves one equal to the default (the other files' reminders
  // expect it) but its own; tenant 37 reads and writes only its own, and a facility or a 保健所 gets 403.
  'reminderSettings.get': {
    prepare: async () => {
      const current = (await api<ReminderSettings>('GET', '/api/reminder-settings', { as: USERS.pref36 })).body;
      const res = await api('PUT', '/api/reminder-settings', { as: USERS.pref36, body: { ...RHYTHM36, expectedVersion: current.version } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
    positive: { as: USERS.pref36, path: '/api/reminder-settings' },
    expectPositive: (b) => expect(b).toMatchObject({ ...RHYTHM36, isDefault: false }),
    crossTenant: { as: USERS.pref37, path: '/api/reminder-settings' },
    leaks: async (b) => ((b as ReminderSettings).updatedAt === (await repos36().reminderSettings.get())?.updatedAt ? ['tenant 36’s settings'] : []),
    crossOrg: { as: USERS.inspector36, path: '/api/reminder-settings' },
  },
  'reminderSettings.put': {
    positive: {
      as: USERS.pref36,
      method: 'PUT',
      path: '/api/reminder-settings',
      body: async () => {
        const current = (await api<ReminderSettings>('GET', '/api/reminder-settings', { as: USERS.pref36 })).body;
        return { ...RHYTHM36, expectedVersion: current.version };
      },
    },
    // Tenant 37's administrator saves a rhythm: its own item changes, tenant 36's does not.
    crossTenant: {
      as: USERS.pref37,
      method: 'PUT',
      path: '/api/reminder-settings',
      body: async () => ({
        ...RHYTHM36,
        daysBefore: [20],
        expectedVersion: (await api<ReminderSettings>('GET', '/api/reminder-settings', { as: USERS.pref37 })).body.version,
      }),
    },
    crossOrg: { as: USERS.hospitalAdmin36, method: 'PUT', path: '/api/reminder-settings', body: { ...RHYTHM36, expectedVersion: 0 } },
    leaks: async () => {
      const s = await repos36().reminderSettings.get();
      return s && JSON.stringify(s.daysBefore) === JSON.stringify(RHYTHM36.daysBefore) ? [] : ['tenant 36’s rhythm was changed'];
    },
  },
  'users.resendInvite': {
    prepare: async () => {
      const res = await api<{ userId: string }>('POST', '/api/users', {
        as: USERS.pref36,
        body: { email: `resend-${stamp}@f007.example.jp`, displayName: '再送 三郎', role: 'facility_member', orgId: 'f007' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      invited = res.body.userId;
    },
    positive: {
      as: USERS.pref36,
      method: 'POST',
      get path() {
        return `/api/users/${invited}/invitation`;
      },
    },
    crossTenant: {
      as: USERS.pref37,
      method: 'POST',
      get path() {
        return `/api/users/${invited}/invitation`;
      },
    },
    crossOrg: {
      as: USERS.clinic36,
      method: 'POST',
      get path() {
        return `/api/users/${invited}/invitation`;
      },
    },
  },
};
