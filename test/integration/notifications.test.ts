import type { ErrorBody, ListNotificationsResponse, MarkReadResponse, Preferences, User } from '@mcr/contract';
import { describe, expect, it } from 'vitest';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { api, USERS } from '../support/api.ts';
import { mailTo, temporaryPasswordFor } from '../support/mail.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * Notifications (issue 9, docs/decisions/0015-notifications.md) on the local stack: the inbox and its exact
 * unread count, mail preferences, the invitation resend; mails read back from the SES sink.
 */
const stamp = Date.now().toString(36);

async function invite(email: string, orgId = 'f013'): Promise<User> {
  const res = await api<User>('POST', '/api/users', { as: USERS.pref36, body: { email, displayName: '通知 テスト', role: 'facility_member', orgId } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function signInFirstTime(email: string): Promise<string> {
  const s = stackInfo().services;
  const flows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
  try {
    const { tokens } = await flows.completeFirstSignIn({ email, temporaryPassword: await temporaryPasswordFor(email), newPassword: 'Notify-Pass-2026!' });
    return tokens.accessToken;
  } finally {
    flows.destroy();
  }
}

describe('mail preferences', () => {
  it('default to Japanese with every kind on; mandatory kinds cannot be turned off (400 naming the field)', async () => {
    const email = `prefs-${stamp}@f013.example.jp`;
    await invite(email);
    const token = await signInFirstTime(email);
    const first = await api<Preferences>('GET', '/api/my/preferences', { token });
    expect(first.status).toBe(200);
    expect(first.body.language).toBe('ja');
    expect(first.body.version).toBe(0);
    expect(Object.values(first.body.kinds).every((on) => on)).toBe(true);
    expect(first.body.mandatory).toEqual(['invitation', 'security']);

    const refused = await api<ErrorBody>('PUT', '/api/my/preferences', { token, body: { language: 'en', kinds: { invitation: false }, expectedVersion: 0 } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields?.map((f) => f.field)).toEqual(['body.kinds.invitation']);
    expect(refused.body.error.fields?.[0]?.message.ja).toContain('必須');
    // Nothing was written.
    expect((await api<Preferences>('GET', '/api/my/preferences', { token })).body.version).toBe(0);

    const saved = await api<Preferences>('PUT', '/api/my/preferences', {
      token,
      body: { language: 'en', kinds: { deadline_reminder: false }, expectedVersion: 0 },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ language: 'en', version: 1 });
    expect(saved.body.kinds.deadline_reminder).toBe(false);
    expect(saved.body.kinds.invitation).toBe(true);

    const stale = await api<ErrorBody>('PUT', '/api/my/preferences', { token, body: { language: 'ja', expectedVersion: 0 } });
    expect(stale.status).toBe(409);
    const bad = await api<ErrorBody>('PUT', '/api/my/preferences', { token, body: { language: 'fr', expectedVersion: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]?.field).toBe('body.language');
  });
});

describe('invitation resend', () => {
  it('sends a new temporary password that works, and refuses a user who has already signed in (409 naming why)', async () => {
    const email = `resend-${stamp}@f013.example.jp`;
    const user = await invite(email);
    const firstPassword = await temporaryPasswordFor(email);
    const res = await api<{ userId: string; invitedAt: string }>('POST', `/api/users/${user.userId}/invitation`, { as: USERS.pref36 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.userId).toBe(user.userId);
    const second = await temporaryPasswordFor(email);
    expect(second).not.toBe('');
    expect(second).not.toBe(firstPassword);
    expect((await mailTo(email))?.subject).toContain('招待');

    const audit = await api<{ items: { action: string; target: string }[] }>(
      'GET',
      `/api/audit?action=user.resendInvite&target=${encodeURIComponent(`user/${user.userId}`)}`,
      { as: USERS.pref36 },
    );
    expect(audit.body.items.some((e) => e.action === 'user.resendInvite' && e.target === `user/${user.userId}`)).toBe(true);

    // The new temporary password signs in; after that there is nothing to resend.
    const token = await signInFirstTime(email);
    expect((await api('GET', '/api/me', { token })).status).toBe(200);
    const again = await api<ErrorBody>('POST', `/api/users/${user.userId}/invitation`, { as: USERS.pref36 });
    expect(again.status).toBe(409);
    expect(again.body.error.fields?.[0]).toMatchObject({ field: 'path.userId', code: 'already_signed_in' });
  });

  it('refuses a demo user who is active, and a facility administrator of another facility', async () => {
    const staff = await api<{ items: User[] }>('GET', `/api/users?q=${encodeURIComponent(USERS.hospitalStaff36)}`, { as: USERS.pref36 });
    const target = staff.body.items.find((u) => u.email === USERS.hospitalStaff36)!;
    expect((await api('POST', `/api/users/${target.userId}/invitation`, { as: USERS.hospitalAdmin36 })).status).toBe(409);
    expect((await api('POST', `/api/users/${target.userId}/invitation`, { as: USERS.clinic36 })).status).toBe(403);
    expect((await api('POST', `/api/users/${target.userId}/invitation`, { as: USERS.hospitalStaff36 })).status).toBe(403);
  });
});

describe('the inbox', () => {
  it('lists nothing for a new user, and a foreign or malformed notification id is 404 / 400', async () => {
    const email = `inbox-${stamp}@f013.example.jp`;
    await invite(email);
    const token = await signInFirstTime(email);
    const list = await api<ListNotificationsResponse>('GET', '/api/my/notifications', { token });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    expect((await api<MarkReadResponse>('POST', '/api/my/notifications/mbc12345-0123456789abcdef/read', { token })).status).toBe(404);
    expect((await api('POST', '/api/my/notifications/not-an-id/read', { token })).status).toBe(400);
    const all = await api('POST', '/api/my/notifications/read', { token });
    expect(all.body).toEqual({ marked: 0, unreadCount: 0 });
  });
});
