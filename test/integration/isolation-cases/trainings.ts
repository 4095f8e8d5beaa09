import type { RouteId, TrainingRegistration, TrainingSession } from '@mcr/contract';
import { expect } from 'vitest';
import { tokushima } from '../../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../../support/api.ts';
import { type IsolationCase, preparedCase } from '../../support/isolation.ts';
import { uploadFile } from '../../support/uploads.ts';

type TrainingRouteId = Extract<RouteId, `trainings.${string}` | `calendar.${string}`>;

/**
 * Isolation cases of the trainings routes (issue 9, decision 0014). Facility ↔ another facility's registration
 * (f001 徳島保健所 ↔ the demo clinic under 阿南保健所), 保健所 ↔ a facility of another 保健所, vendor and facility
 * ↔ the prefecture's routes, tenant 37 ↔ tenant 36 (every key starts with the tenant), and the calendar feed's
 * secret token ↔ a rotated or re-addressed one. Each case makes its own sessions through the API (no case sees
 * another's registrations or cancellations), far in the fiscal year so that no other file's counts move.
 */
const T36 = tokushima();
const clinicId = T36.users.find((u) => u.email === USERS.clinic36)!.orgId;
const stamp = Date.now().toString(36);
const DAY = 86_400_000;
const inDays = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * DAY + 9 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+09:00`;
};
const sessionBody = (over: Record<string, unknown> = {}) => ({
  kind: 'system_admin',
  title: `分離テスト研修 ${stamp}`,
  description: 'isolation suite',
  mode: 'online',
  url: 'https://meet.example.jp/isolation',
  startsAt: inDays(30, 10),
  endsAt: inDays(30, 12),
  capacity: 50,
  registrationDeadline: inDays(25, 17),
  ...over,
});

interface Fixture {
  /** Meant for every facility: f001 and the clinic both registered. */
  open: TrainingSession;
  /** For hospitals only: the clinic does not see it. */
  hospitals: TrainingSession;
  /** f001's registration kept through the suite. */
  keep: TrainingRegistration;
  /** f001's registration the positive control cancels. */
  toCancel: TrainingRegistration;
  /** The clinic's (阿南保健所) registration. */
  clinic: TrainingRegistration;
}

async function created<T>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}
/** Creates a case's own sessions and registrations: no case sees another's changes (capacity, cancellations, counts). */
async function makeFixture(): Promise<Fixture> {
  const open = await created(api<TrainingSession>('POST', '/api/trainings', { as: USERS.pref36, body: sessionBody() }));
  const hospitals = await created(
    api<TrainingSession>('POST', '/api/trainings', {
      as: USERS.pref36,
      body: sessionBody({ title: `病院向け 分離テスト ${stamp}`, audience: { facilityKinds: ['hospital'], sizeBands: [], roles: [] } }),
    }),
  );
  const reg = (as: string, participantName: string, sessionId = open.sessionId) =>
    created(api<TrainingRegistration>('POST', `/api/trainings/${sessionId}/registrations`, { as, body: { participantName } }));
  const keep = await reg(USERS.hospitalAdmin36, '分離 保持');
  const toCancel = await reg(USERS.hospitalAdmin36, '分離 取消');
  const clinic = await reg(USERS.clinic36, '分離 診療所');
  await reg(USERS.hospitalAdmin36, '分離 病院向け', hospitals.sessionId);
  return { open, hospitals, keep, toCancel, clinic };
}
const versionOf = async (sessionId: string) => (await api<TrainingSession>('GET', `/api/trainings/${sessionId}`, { as: USERS.pref36 })).body.version;
const registrationsOf = async (sessionId: string) =>
  (await api<{ items: TrainingRegistration[] }>('GET', `/api/trainings/${sessionId}/registrations`, { as: USERS.pref36 })).body.items;

/** The case's fixture and f001's calendar-feed tokens: the first rotated away by the second. */
async function makeFeed(): Promise<Fixture & { old: string; current: string }> {
  const fx = await makeFixture();
  const rotate = () => created(api<{ path: string }>('POST', '/api/facilities/f001/calendar-feed', { as: USERS.hospitalAdmin36 }));
  const old = (await rotate()).path;
  const current = (await rotate()).path;
  return { ...fx, old, current };
}

type Reg = { registrationId: string; facilityId: string; healthCenterId: string };
const itemsOf = (b: unknown) => (b as { items: Reg[] }).items;
const sessionIdsOf = (b: unknown) => (b as { items: { sessionId: string }[] }).items.map((s) => s.sessionId);
const mineOf = (b: unknown) => (b as { items: { myRegistrations: Reg[] }[] }).items.flatMap((s) => s.myRegistrations);

export const TRAINING_CASES: Record<TrainingRouteId, IsolationCase> = {
  'trainings.list': preparedCase(makeFixture, (fx) => ({
    positive: { as: USERS.hospitalAdmin36, path: '/api/trainings?limit=100' },
    expectPositive: (b) => {
      expect(sessionIdsOf(b)).toContain(fx.open.sessionId);
      const mine = mineOf(b);
      expect(mine.map((r) => r.registrationId)).toContain(fx.keep.registrationId);
      expect(mine.filter((r) => r.facilityId !== 'f001')).toEqual([]);
    },
    crossTenant: { as: USERS.pref37, path: '/api/trainings?limit=100' },
    // The clinic lists its own sessions: never f001's registrations, never a session meant for hospitals only.
    crossOrg: { as: USERS.clinic36, path: '/api/trainings?limit=100' },
    leaks: (b, which) => {
      const ids = sessionIdsOf(b);
      if (which === 'crossTenant') return ids.filter((id) => id === fx.open.sessionId || id === fx.hospitals.sessionId);
      return [
        ...ids.filter((id) => id === fx.hospitals.sessionId),
        ...mineOf(b)
          .filter((r) => r.facilityId !== clinicId)
          .map((r) => r.registrationId),
      ];
    },
  })),
  'trainings.create': {
    positive: { as: USERS.pref36, method: 'POST', path: '/api/trainings', body: sessionBody({ title: `分離テスト 作成 ${stamp}` }) },
    expectPositive: async (b) => {
      const session = { title: `分離テスト 作成 ${stamp}`, kind: 'system_admin', capacity: 50, status: 'scheduled', confirmedCount: 0, waitlistCount: 0 };
      expect(b).toMatchObject(session);
      expect((await api('GET', `/api/trainings/${(b as TrainingSession).sessionId}`, { as: USERS.pref36 })).body).toMatchObject(session);
    },
    // Tenant 37 schedules in its own partition: tenant 36 never sees it.
    crossTenant: { as: USERS.pref37, method: 'POST', path: '/api/trainings', body: sessionBody({ title: '香川の研修' }) },
    // A 保健所 does not schedule; nor does a vendor (the suite tries with and without smuggled ids).
    crossOrg: { as: USERS.inspector36, method: 'POST', path: '/api/trainings', body: sessionBody() },
    leaks: async (b) => {
      const id = (b as TrainingSession).sessionId;
      const seen = await api('GET', `/api/trainings/${id}`, { as: USERS.pref36 });
      return seen.status === 200 ? [id] : [];
    },
  },
  'trainings.get': preparedCase(makeFixture, (fx) => ({
    positive: { as: USERS.hospitalAdmin36, path: `/api/trainings/${fx.open.sessionId}` },
    expectPositive: (b) => {
      const mine = (b as { myRegistrations: Reg[] }).myRegistrations;
      expect(mine.map((r) => r.registrationId)).toContain(fx.keep.registrationId);
      expect(mine.filter((r) => r.facilityId !== 'f001')).toEqual([]);
    },
    crossTenant: { as: USERS.pref37, path: `/api/trainings/${fx.open.sessionId}` },
    // A session meant for hospitals does not exist for the clinic.
    crossOrg: { as: USERS.clinic36, path: `/api/trainings/${fx.hospitals.sessionId}` },
  })),
  'trainings.update': preparedCase(makeFixture, (fx) => ({
    positive: {
      as: USERS.pref36,
      method: 'PUT',
      path: `/api/trainings/${fx.open.sessionId}`,
      body: async () => ({ ...sessionBody({ capacity: 60 }), expectedVersion: await versionOf(fx.open.sessionId) }),
    },
    expectPositive: (b) => expect(b).toMatchObject({ sessionId: fx.open.sessionId, capacity: 60, confirmedCount: 3 }),
    crossTenant: { as: USERS.pref37, method: 'PUT', path: `/api/trainings/${fx.open.sessionId}`, body: { ...sessionBody(), expectedVersion: 1 } },
    crossOrg: {
      as: USERS.hospitalAdmin36,
      method: 'PUT',
      path: `/api/trainings/${fx.open.sessionId}`,
      body: async () => ({ ...sessionBody({ capacity: 1 }), expectedVersion: await versionOf(fx.open.sessionId) }),
    },
  })),
  'trainings.cancel': preparedCase(makeFixture, (fx) => ({
    positive: {
      as: USERS.pref36,
      method: 'POST',
      path: `/api/trainings/${fx.hospitals.sessionId}/cancel`,
      body: async () => ({ expectedVersion: await versionOf(fx.hospitals.sessionId) }),
    },
    expectPositive: (b) => expect(b).toMatchObject({ sessionId: fx.hospitals.sessionId, title: fx.hospitals.title, status: 'cancelled' }),
    crossTenant: { as: USERS.pref37, method: 'POST', path: `/api/trainings/${fx.open.sessionId}/cancel`, body: { expectedVersion: 1 } },
    crossOrg: {
      as: USERS.inspector36,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/cancel`,
      body: async () => ({ expectedVersion: await versionOf(fx.open.sessionId) }),
    },
  })),
  'trainings.registrations': preparedCase(makeFixture, (fx) => ({
    positive: { as: USERS.pref36, path: `/api/trainings/${fx.open.sessionId}/registrations` },
    expectPositive: (b) =>
      expect(
        itemsOf(b)
          .map((r) => r.registrationId)
          .sort(),
      ).toEqual([fx.keep.registrationId, fx.toCancel.registrationId, fx.clinic.registrationId].sort()),
    crossTenant: { as: USERS.pref37, path: `/api/trainings/${fx.open.sessionId}/registrations` },
    // 徳島保健所 reads its own facilities' registrations only: never the 阿南保健所 clinic's.
    crossOrg: { as: USERS.inspector36, path: `/api/trainings/${fx.open.sessionId}/registrations` },
    leaks: (b) => {
      const items = itemsOf(b);
      expect(items.map((r) => r.registrationId)).toContain(fx.keep.registrationId);
      return items.filter((r) => r.healthCenterId !== 'hc-tokushima').map((r) => r.registrationId);
    },
  })),
  'trainings.register': preparedCase(makeFixture, (fx) => ({
    positive: {
      as: USERS.hospitalAdmin36,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/registrations`,
      body: { participantName: `分離 申込 ${stamp}` },
    },
    expectPositive: (b) =>
      expect(b).toMatchObject({ sessionId: fx.open.sessionId, facilityId: 'f001', participantName: `分離 申込 ${stamp}`, status: 'confirmed' }),
    crossTenant: {
      as: USERS.hospitalAdmin37,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/registrations`,
      body: { participantName: '香川 太郎' },
    },
    // A vendor registers nobody.
    crossOrg: { as: USERS.vendor36, method: 'POST', path: `/api/trainings/${fx.open.sessionId}/registrations`, body: { participantName: '事業者 太郎' } },
  })),
  'trainings.cancelRegistration': preparedCase(makeFixture, (fx) => ({
    positive: {
      as: USERS.hospitalStaff36,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/registrations/${fx.toCancel.registrationId}/cancel`,
      body: {},
    },
    expectPositive: async (b) => {
      expect(b).toMatchObject({ registrationId: fx.toCancel.registrationId, facilityId: 'f001', status: 'cancelled' });
      const regs = await registrationsOf(fx.open.sessionId);
      expect(regs.filter((r) => r.registrationId === fx.toCancel.registrationId).map((r) => r.status)).toEqual(['cancelled']);
    },
    crossTenant: {
      as: USERS.hospitalAdmin37,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/registrations/${fx.keep.registrationId}/cancel`,
      body: {},
    },
    // The clinic cancels f001's registration.
    crossOrg: {
      as: USERS.clinic36,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/registrations/${fx.keep.registrationId}/cancel`,
      body: {},
    },
  })),
  'trainings.ics': preparedCase(makeFixture, (fx) => ({
    positive: { as: USERS.hospitalAdmin36, path: `/api/trainings/${fx.open.sessionId}/registrations/${fx.keep.registrationId}/ics` },
    expectPositive: (b) => {
      expect(String(b)).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(String(b)).toContain(`UID:${fx.keep.registrationId}@`);
    },
    crossTenant: { as: USERS.hospitalAdmin37, path: `/api/trainings/${fx.open.sessionId}/registrations/${fx.keep.registrationId}/ics` },
    crossOrg: { as: USERS.clinic36, path: `/api/trainings/${fx.open.sessionId}/registrations/${fx.keep.registrationId}/ics` },
  })),
  'trainings.attendance': preparedCase(makeFixture, (fx) => ({
    positive: {
      as: USERS.pref36,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/attendance`,
      body: { items: [{ registrationId: fx.keep.registrationId, attended: true }] },
    },
    expectPositive: async (b) => {
      expect(b).toMatchObject({ updated: 1 });
      const regs = await registrationsOf(fx.open.sessionId);
      expect(regs.filter((r) => r.registrationId === fx.keep.registrationId).map((r) => r.attended)).toEqual([true]);
    },
    crossTenant: {
      as: USERS.pref37,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/attendance`,
      body: { items: [{ registrationId: fx.keep.registrationId, attended: false }] },
    },
    crossOrg: {
      as: USERS.hospitalAdmin36,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/attendance`,
      body: { items: [{ registrationId: fx.keep.registrationId, attended: false }] },
    },
  })),
  'trainings.attendanceImport': preparedCase(makeFixture, (fx) => ({
    positive: {
      as: USERS.pref36,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/attendance/import`,
      body: async () => {
        const csv = Buffer.from(`申込ID,出欠\r\n${fx.keep.registrationId},出席\r\n`, 'utf8');
        const uploadId = await uploadFile({ as: USERS.pref36 }, 'training_sheet', { name: 'sign-in.csv', type: 'text/csv', bytes: csv });
        return { uploadId, dryRun: true };
      },
    },
    expectPositive: (b) => expect(b).toMatchObject({ rows: 1, matched: 1, errors: [], updated: 0 }),
    crossTenant: {
      as: USERS.pref37,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/attendance/import`,
      body: { uploadId: 'u-none', dryRun: true },
    },
    crossOrg: {
      as: USERS.inspector36,
      method: 'POST',
      path: `/api/trainings/${fx.open.sessionId}/attendance/import`,
      body: { uploadId: 'u-none', dryRun: true },
    },
  })),
  'trainings.export': preparedCase(makeFixture, (fx) => ({
    positive: { as: USERS.pref36, path: `/api/trainings/${fx.open.sessionId}/export?format=csv` },
    expectPositive: (b) => {
      expect(String(b)).toContain(fx.keep.registrationId);
      expect(String(b)).toContain('分離 診療所');
    },
    crossTenant: { as: USERS.pref37, path: `/api/trainings/${fx.open.sessionId}/export?format=csv` },
    crossOrg: { as: USERS.inspector36, path: `/api/trainings/${fx.open.sessionId}/export?format=csv` },
  })),
  'trainings.ofFacility': preparedCase(makeFixture, (fx) => ({
    positive: { as: USERS.hospitalAdmin36, path: '/api/facilities/f001/trainings' },
    expectPositive: (b) => {
      const regs = (b as { items: { registration: Reg }[] }).items.map((i) => i.registration);
      expect(regs.map((r) => r.registrationId)).toContain(fx.keep.registrationId);
      expect(regs.filter((r) => r.facilityId !== 'f001')).toEqual([]);
    },
    crossTenant: { as: USERS.hospitalAdmin37, path: '/api/facilities/f001/trainings' },
    // The clinic reads f001's record; 徳島保健所 reads the 阿南保健所 clinic's.
    crossOrg: { as: USERS.clinic36, path: '/api/facilities/f001/trainings' },
  })),
  'trainings.coverage': {
    positive: { as: USERS.pref36, path: '/api/training-coverage' },
    expectPositive: (b) => {
      const slices = (b as { slices: { slice: string; facilities: number }[] }).slices;
      expect(slices.map((s) => s.slice)).toEqual(expect.arrayContaining(['hc:hc-tokushima', 'hc:hc-anan', 'hc:hc-mima']));
    },
    crossTenant: { as: USERS.pref37, path: '/api/training-coverage' },
    // 徳島保健所 sees its own slice only.
    crossOrg: { as: USERS.inspector36, path: '/api/training-coverage' },
    leaks: (b, which) => {
      const slices = (b as { slices: { slice: string }[] }).slices.map((s) => s.slice);
      if (which === 'crossTenant') return slices.filter((s) => /hc-(tokushima|anan|mima)/.test(s));
      expect(slices).toEqual(['hc:hc-tokushima']);
      return slices.filter((s) => s !== 'hc:hc-tokushima');
    },
  },
  'calendar.rotate': {
    positive: { as: USERS.hospitalAdmin36, method: 'POST', path: '/api/facilities/f001/calendar-feed' },
    expectPositive: async (b) => {
      const { path } = b as { path: string };
      expect(path).toMatch(/^\/api\/calendar\/36-[A-Za-z0-9_-]{43}\.ics$/);
      // The new address opens f001's calendar.
      const feed = await api('GET', path);
      expect(feed.status).toBe(200);
      expect(String(feed.body)).toMatch(/^BEGIN:VCALENDAR\r\n/);
    },
    crossTenant: { as: USERS.hospitalAdmin37, method: 'POST', path: '/api/facilities/f001/calendar-feed' },
    // Another facility's administrator, and a member of the facility's own staff, are refused.
    crossOrg: { as: USERS.clinic36, method: 'POST', path: '/api/facilities/f001/calendar-feed' },
  },
  'calendar.feed': preparedCase(makeFeed, (fx) => ({
    // Public: the secret in the path is the credential (the bearer token sent along changes nothing).
    positive: { as: USERS.vendor36, path: fx.current },
    expectPositive: (b) => {
      expect(String(b)).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(String(b)).toContain(`UID:${fx.keep.registrationId}@`);
      expect(String(b)).not.toContain(fx.clinic.registrationId);
    },
    // The same secret addressed to tenant 37.
    crossTenant: { as: USERS.pref37, path: fx.current.replace('/36-', '/37-') },
    // The token the facility rotated away no longer opens anything.
    crossOrg: { as: USERS.clinic36, path: fx.old },
  })),
};
