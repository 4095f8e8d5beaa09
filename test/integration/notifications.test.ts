import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { ErrorBody, ListNotificationsResponse, MarkReadResponse, Preferences, ResponseView, User } from '@mcr/contract';
import { createRepositories, keys } from '@mcr/data';
import { allItems, getBuiltInTemplate, type Template } from '@mcr/domain';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { LOCAL_REGION } from '../../packages/local/src/services/constants.ts';
import { api, settle, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';
import { mailTo, type SesMail, temporaryPasswordFor } from '../support/mail.ts';
import { testDb } from '../support/rows.ts';
import { stackInfo } from '../support/stack-info.ts';
import { asChanges, completeAnswers } from '../support/templates.ts';

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
    expect(first.body.mandatory).toEqual(['invitation', 'security', 'incident_reported']);

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

/** Every mail the SES sink holds for `email`, oldest first. */
async function mailsTo(email: string): Promise<SesMail[]> {
  const res = await fetch(`${stackInfo().services.sesEndpoint}/store`);
  const store = (await res.json()) as { emails: SesMail[] };
  return store.emails.filter((m) => m.destination.to.includes(email));
}

const R7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
/** A facility no other test file answers for: its people are only the two invited here. */
const FACILITY = 'f088';

describe('mails from the stream (outbox)', () => {
  const admin = { email: `notify-admin-${stamp}@f088.example.jp`, token: '', userId: '' };
  const member = { email: `notify-member-${stamp}@f088.example.jp`, token: '', userId: '' };
  let campaignId = '';
  let path = '';
  let view: ResponseView;
  const itemIds = allItems(R7)
    .filter((i) => !i.gate)
    .slice(0, 2)
    .map((i) => i.id);

  beforeAll(async () => {
    // The consumer is imported below and called in this process: it reads the same configuration as in Lambda.
    const s = stackInfo();
    Object.assign(process.env, {
      TABLE_NAME: s.tableName,
      AWS_REGION: LOCAL_REGION,
      COGNITO_ISSUER: s.services.issuer,
      COGNITO_CLIENT_ID: s.services.userPoolClientId,
      COGNITO_USER_POOL_ID: s.services.userPoolId,
      SES_ENDPOINT: s.services.sesEndpoint,
      DYNAMODB_ENDPOINT: s.services.dynamodbEndpoint,
      MAIL_FROM: 'no-reply@mcr.example.jp',
      APP_URL: s.url,
    });
    for (const [who, role] of [
      [admin, 'facility_admin'],
      [member, 'facility_member'],
    ] as const) {
      const res = await api<User>('POST', '/api/users', { as: USERS.pref36, body: { email: who.email, displayName: `通知 ${role}`, role, orgId: FACILITY } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      who.userId = res.body.userId;
      who.token = await signInFirstTime(who.email);
    }
    // The member reads English first and does not want confirmations by mail.
    const prefs = await api<Preferences>('PUT', '/api/my/preferences', {
      token: member.token,
      body: { language: 'en', kinds: { response_confirmed: false }, expectedVersion: 0 },
    });
    expect(prefs.status, JSON.stringify(prefs.body)).toBe(200);
    const created = await createCampaign(USERS.pref36, {
      templateId: 'mhlw-facility-r7',
      title: { ja: `通知テスト ${stamp}`, en: `Notification test ${stamp}` },
      fiscalYear: 2026,
      opensOn: '2026-06-01',
      deadline: '2027-03-31',
      target: { kind: 'facilities', ids: [FACILITY] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    campaignId = created.body.campaign.id;
    path = `/api/campaigns/${campaignId}/facilities/${FACILITY}/response`;
    view = (await api<ResponseView>('GET', path, { token: admin.token })).body;
    const saved = await api<ResponseView>('PUT', `${path}/answers`, {
      token: admin.token,
      body: { expectedVersion: view.version, changes: asChanges(completeAnswers(R7, view.context.hasVendorContract, '2026-06-10')) },
    });
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(200);
    view = saved.body;
  });

  const submit = async () => {
    const res = await api<ResponseView>('POST', `${path}/submit`, { token: admin.token, body: { expectedVersion: view.version, round: 1 } });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    view = res.body;
  };

  it('差戻し: exactly one mail per person with the comments, Japanese or English first, an inbox item and an unread count of 1', async () => {
    await submit();
    const returned = await api<ResponseView>('POST', `${path}/return`, {
      as: USERS.pref36,
      body: {
        expectedVersion: view.version,
        message: '全体として記入漏れがあります。',
        itemComments: [
          { itemId: itemIds[0], comment: 'バックアップの確認日を記入してください。' },
          { itemId: itemIds[1], comment: '担当者名を明記してください。' },
        ],
      },
    });
    expect(returned.status, JSON.stringify(returned.body).slice(0, 300)).toBe(200);
    view = returned.body;
    await settle();

    const toAdmin = (await mailsTo(admin.email)).filter((m) => m.subject.includes('差戻し'));
    expect(toAdmin).toHaveLength(1);
    const ja = toAdmin[0]!;
    expect(ja.subject.startsWith('【徳島県】差戻し')).toBe(true);
    expect(ja.body.text).toContain('バックアップの確認日を記入してください。');
    expect(ja.body.text).toContain('担当者名を明記してください。');
    expect(ja.body.text).toContain('全体として記入漏れがあります。');
    expect(ja.body.text).toContain(`${stackInfo().url}/campaigns/${campaignId}/facilities/${FACILITY}`);
    expect(ja.body.text.indexOf('差戻し:')).toBeLessThan(ja.body.text.indexOf('Sent back'));
    // Nothing of another tenant.
    expect(ja.body.text).not.toMatch(/香川|Kagawa/);

    const toMember = (await mailsTo(member.email)).filter((m) => m.subject.includes('Sent back'));
    expect(toMember).toHaveLength(1);
    expect(toMember[0]!.subject.startsWith('[Tokushima')).toBe(true);
    expect(toMember[0]!.body.text.indexOf('Sent back')).toBeLessThan(toMember[0]!.body.text.indexOf('差戻し:'));

    const inbox = await api<ListNotificationsResponse>('GET', '/api/my/notifications', { token: admin.token });
    expect(inbox.body.unreadCount).toBe(1);
    expect(inbox.body.items).toHaveLength(1);
    const item = inbox.body.items[0]!;
    expect(item).toMatchObject({ kind: 'response_returned', readAt: null, link: `/campaigns/${campaignId}/facilities/${FACILITY}` });
    expect(item.body.ja).toContain('担当者名を明記してください。');

    // Marking it read brings the count to 0; marking it again changes nothing.
    const read = await api<MarkReadResponse>('POST', `/api/my/notifications/${item.notificationId}/read`, { token: admin.token });
    expect(read.status).toBe(200);
    expect(read.body.unreadCount).toBe(0);
    expect(read.body.notification.readAt).not.toBeNull();
    const again = await api<MarkReadResponse>('POST', `/api/my/notifications/${item.notificationId}/read`, { token: admin.token });
    expect(again.body.unreadCount).toBe(0);
    // The same facility's member cannot mark the administrator's notification.
    expect((await api('POST', `/api/my/notifications/${item.notificationId}/read`, { token: member.token })).status).toBe(404);
  });

  it('a replayed stream batch sends nothing twice', async () => {
    const { processStreamRecords } = await import('../../functions/src/streams/read-models.ts');
    const db = testDb();
    const stored = (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.response({ tenantId: '36' }, campaignId, FACILITY) }))).Item!;
    expect(stored.status).toBe('returned');
    // The record the poller already processed: submitted → returned at this version.
    const record: DynamoDBRecord = {
      eventID: `replay-${stamp}`,
      eventName: 'MODIFY',
      dynamodb: {
        Keys: marshall({ PK: stored.PK, SK: stored.SK }) as never,
        OldImage: marshall({ ...stored, status: 'submitted', version: stored.version - 1 }, { removeUndefinedValues: true }) as Record<
          string,
          AttributeValue
        > as never,
        NewImage: marshall(stored, { removeUndefinedValues: true }) as Record<string, AttributeValue> as never,
        SequenceNumber: '1',
      },
    };
    const before = (await mailsTo(admin.email)).length;
    const first = await processStreamRecords(db, [record], `replay-${stamp}`);
    const second = await processStreamRecords(db, [record], `replay-${stamp}`);
    expect(first.notifications).toMatchObject({ events: 1, sent: 0, duplicate: 2 });
    expect(second.notifications).toMatchObject({ events: 1, sent: 0, duplicate: 2 });
    expect((await mailsTo(admin.email)).length).toBe(before);
    expect((await api<ListNotificationsResponse>('GET', '/api/my/notifications', { token: admin.token })).body.items).toHaveLength(1);
    // Repair what the replay did to the campaign's counts (the read models are not what this test is about).
    const verify = await api('POST', `/api/campaigns/${campaignId}/read-models/verify`, { as: USERS.pref36, body: { repair: true } });
    expect(verify.status, JSON.stringify(verify.body).slice(0, 300)).toBeLessThan(300);
  });

  it('confirmation: mailed to the administrator; the member who turned it off gets the inbox item and no mail', async () => {
    view = (await api<ResponseView>('GET', path, { token: admin.token })).body;
    await submit();
    const confirmed = await api<ResponseView>('POST', `${path}/confirm`, {
      as: USERS.pref36,
      body: { expectedVersion: view.version, message: '確認しました。' },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body).slice(0, 300)).toBe(200);
    await settle();
    const toAdmin = (await mailsTo(admin.email)).filter((m) => m.subject.includes('受理'));
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]!.body.text).toContain('確認しました。');
    expect((await mailsTo(member.email)).filter((m) => m.subject.includes('confirmed'))).toHaveLength(0);
    const inbox = await api<ListNotificationsResponse>('GET', '/api/my/notifications', { token: member.token });
    expect(inbox.body.items.map((n) => n.kind)).toEqual(['response_confirmed', 'response_returned']);
    expect(inbox.body.unreadCount).toBe(2);
    const all = await api<{ marked: number; unreadCount: number }>('POST', '/api/my/notifications/read', { token: member.token });
    expect(all.body).toEqual({ marked: 2, unreadCount: 0 });
  });

  it('training registration, waitlist and promotion mails go to the person who registered', async () => {
    const db = testDb();
    const sessionId = `nt-${stamp}`;
    const pk = `T#36#TRAIN#${sessionId}`;
    const startsAt = '2027-01-20T01:00:00.000Z';
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          PK: pk,
          SK: 'META',
          type: 'TrainingSession',
          sessionId,
          fiscalYear: 2026,
          kind: 'beginner',
          title: '初学者向けセキュリティ研修 (通知テスト)',
          description: '',
          mode: 'onsite',
          place: '徳島県庁 大会議室',
          startsAt,
          endsAt: '2027-01-20T03:00:00.000Z',
          capacity: 1,
          registrationDeadline: '2027-01-10T00:00:00.000Z',
          audience: { facilityKinds: [], sizeBands: [], roles: [] },
          confirmedCount: 1,
          waitlistCount: 1,
          status: 'scheduled',
          version: 1,
        },
      }),
    );
    const registration = (id: string, status: string, seq: number) => ({
      PK: pk,
      SK: `REG#${id}`,
      type: 'TrainingRegistration',
      registrationId: id,
      sessionId,
      facilityId: FACILITY,
      facilityName: '通知テスト病院',
      healthCenterId: 'hc-tokushima',
      participantName: seq === 1 ? '徳島 一郎' : '阿波 花子',
      registeredBy: member.userId,
      status,
      seq,
      attended: null,
      version: 1,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: registration(`r1-${stamp}`, 'confirmed', 1) }));
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: registration(`r2-${stamp}`, 'waitlisted', 2) }));
    await settle();
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: { PK: pk, SK: `REG#r2-${stamp}` },
        UpdateExpression: 'SET #s = :c, version = :v, promotedAt = :now',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':c': 'confirmed', ':v': 2, ':now': new Date().toISOString() },
      }),
    );
    await settle();
    const mails = (await mailsTo(member.email)).filter((m) => m.body.text.includes('通知テスト)'));
    expect(mails.map((m) => m.subject.split(' / ')[0])).toEqual([
      '[Tokushima Prefecture] Training registration confirmed: 初学者向けセキュリティ研修 (通知テスト)',
      '[Tokushima Prefecture] On the waitlist: 初学者向けセキュリティ研修 (通知テスト)',
      '[Tokushima Prefecture] A seat became free: 初学者向けセキュリティ研修 (通知テスト)',
    ]);
    expect(mails[2]!.body.text).toContain('阿波 花子');
    expect(mails[2]!.body.text).toContain('徳島県庁 大会議室');
    expect((await mailsTo(admin.email)).filter((m) => m.body.text.includes('通知テスト)'))).toHaveLength(0);
  });
});

describe('mails left sending', () => {
  it('are listed for a sweep once their claim is older than asked, and no longer once finished or retaken', async () => {
    const repos = createRepositories(testDb(), { tenantId: '36' });
    const userId = stackInfo().logins.find((l) => l.email === USERS.hospitalStaff36)!.userId;
    const eventId = `stuck:${stamp}`;
    const at = new Date(Date.now() - 20 * 60_000).toISOString();
    const written = await repos.notifications.deliver({
      userId,
      eventId,
      kind: 'deadline_reminder',
      title: { ja: '滞留テスト', en: 'Stuck test' },
      body: { ja: '本文', en: 'Body' },
      link: null,
      at,
    });
    expect(written.created).toBe(true);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    const mine = async () => (await repos.notifications.stuckSending(tenMinutesAgo, 100)).filter((d) => d.eventId === eventId);
    expect(await mine()).toHaveLength(1);
    // A sweeper takes it over: its claim is now fresh, so a second sweeper does not see it.
    expect(await repos.notifications.claimRetry(eventId, userId, 1, new Date().toISOString())).toBe(true);
    expect(await repos.notifications.claimRetry(eventId, userId, 1, new Date().toISOString())).toBe(false);
    expect(await mine()).toHaveLength(0);
    await repos.notifications.finish(eventId, userId, 'sent', new Date().toISOString());
    expect((await repos.notifications.stuckSending(new Date(Date.now() + 60_000).toISOString(), 100)).filter((d) => d.eventId === eventId)).toHaveLength(0);
    expect((await repos.notifications.dedupe(eventId, userId))?.state).toBe('sent');
  });
});

describe('vendor form requested', () => {
  it('mails the vendor users of each vendor the vendor-form campaign goes to, once', async () => {
    const awaFacility = tokushima().contracts.find((c) => c.vendorId === 'v-awa-medical' && c.facilityId !== 'f001' && c.facilityId !== 'f002')!.facilityId;
    const title = `事業者確認用 通知テスト ${stamp}`;
    const created = await createCampaign(USERS.pref36, {
      templateId: 'mhlw-vendor-r7',
      title: { ja: title, en: `Vendor form notification test ${stamp}` },
      fiscalYear: 2026,
      opensOn: '2026-06-01',
      deadline: '2027-03-31',
      target: { kind: 'facilities', ids: [awaFacility] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await settle();
    const mails = (await mailsTo(USERS.vendor36)).filter((m) => m.subject.includes(title));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('事業者確認用の回答のお願い');
    expect(mails[0]!.body.text).toContain('2027年3月31日');
    expect(mails[0]!.body.text).toContain(`/campaigns/${created.body.campaign.id}/vendors/v-awa-medical`);
    // Another vendor's user is not told about 阿波メディカル's form.
    expect((await mailsTo(USERS.vendor2_36)).filter((m) => m.body.text.includes('阿波メディカル') && m.subject.includes(title))).toHaveLength(0);
  });
});
