import type { ErrorBody, TrainingRegistration, TrainingSession } from '@mcr/contract';
import { describe, expect, it } from 'vitest';
import { api, USERS } from '../support/api.ts';

/**
 * Trainings on the real local stack (issue 9, decision 0014): capacity under concurrency (one transaction per
 * registration on the session's arrival counter), waitlist promotion on cancel, the refusals that name their field
 * (audience, deadline, duplicate, cancelled session, stale version) and attendance. Every call goes through the
 * front door with real tokens; f001 (徳島県立うずしお中央病院, 420 beds, 徳島保健所) registers its staff.
 */
const DAY = 86_400_000;
const stamp = Date.now().toString(36);
/** An instant `days` from now, with the Japanese offset (as the SPA sends it). */
function inDays(days: number, hour = 14): string {
  const d = new Date(Date.now() + days * DAY + 9 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+09:00`;
}
type Session = TrainingSession;
type Registration = TrainingRegistration;
type Err = ErrorBody;

const baseBody = (over: Record<string, unknown> = {}) => ({
  kind: 'intro_inspection',
  title: `導入研修 (立入検査対策) テスト ${stamp}`,
  description: '立入検査で確認される項目と、チェックリストの書き方',
  mode: 'onsite',
  place: '徳島県庁 10階 大会議室',
  // Within the current fiscal year (today is in December; the year ends on 31 March).
  startsAt: inDays(20, 14),
  endsAt: inDays(20, 16),
  capacity: 20,
  registrationDeadline: inDays(10, 17),
  ...over,
});

async function createSession(over: Record<string, unknown> = {}): Promise<Session> {
  const res = await api<Session>('POST', '/api/trainings', { as: USERS.pref36, body: baseBody(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const getSession = async (id: string, as: string = USERS.pref36) => {
  const res = await api<Session & { myRegistrations: Registration[] }>('GET', `/api/trainings/${id}`, { as });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const register = (sessionId: string, participantName: string, as: string = USERS.hospitalAdmin36, participantTitle?: string) =>
  api<Registration>('POST', `/api/trainings/${sessionId}/registrations`, {
    as,
    body: { participantName, ...(participantTitle ? { participantTitle } : {}) },
  });
/** Every registration of a session, page by page, as the prefecture reads it. */
async function allRegistrations(sessionId: string, as: string = USERS.pref36): Promise<Registration[]> {
  const out: Registration[] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `?limit=30&cursor=${encodeURIComponent(cursor)}` : '?limit=30';
    const res = await api<{ items: Registration[]; nextCursor: string | null }>('GET', `/api/trainings/${sessionId}/registrations${q}`, { as });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}
const fieldsOf = (body: unknown) => ((body as Err).error?.fields ?? []).map((f) => f.field);

describe('trainings: capacity under concurrency', () => {
  let session: Session;
  let regs: Registration[] = [];

  it('gives exactly 20 seats and 80 waitlist places to 100 simultaneous registrations, in arrival order', async () => {
    session = await createSession({ capacity: 20 });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => register(session.sessionId, `同時 申込者${String(i + 1).padStart(3, '0')}`)));
    const statuses = results.map((r) => r.status);
    expect(
      statuses.filter((s) => s !== 201),
      JSON.stringify(results.find((r) => r.status !== 201)?.body),
    ).toEqual([]);
    const created = results.map((r) => r.body);
    expect(created.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    expect(created.filter((r) => r.status === 'waitlisted')).toHaveLength(80);
    // Every committed registration took the next arrival number: 1..100, no gap, no repeat.
    expect(created.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // The first 20 to arrive have the seats.
    expect(
      created
        .filter((r) => r.status === 'confirmed')
        .map((r) => r.seq)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const stored = await getSession(session.sessionId);
    expect(stored).toMatchObject({ confirmedCount: 20, waitlistCount: 80, capacity: 20 });
    regs = await allRegistrations(session.sessionId);
    expect(regs).toHaveLength(100);
    // The prefecture's list is in arrival order.
    expect(regs.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(regs.every((r) => r.facilityId === 'f001' && r.healthCenterId === 'hc-tokushima')).toBe(true);
  });

  it('promotes the first waitlisted person when a confirmed one cancels, and only then', async () => {
    const confirmed = regs.find((r) => r.seq === 7)!;
    const res = await api<Registration>('POST', `/api/trainings/${session.sessionId}/registrations/${confirmed.registrationId}/cancel`, {
      as: USERS.hospitalStaff36,
      body: { expectedVersion: confirmed.version },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('cancelled');

    let after = await allRegistrations(session.sessionId);
    const promoted = after.find((r) => r.seq === 21)!;
    expect(promoted.status).toBe('confirmed');
    expect(promoted.promotedAt).not.toBeNull();
    expect(after.find((r) => r.seq === 22)!.status).toBe('waitlisted');
    expect(await getSession(session.sessionId)).toMatchObject({ confirmedCount: 20, waitlistCount: 79 });

    // A waitlisted one cancelling frees no seat: nobody is promoted.
    const waiting = after.find((r) => r.seq === 50)!;
    const res2 = await api<Registration>('POST', `/api/trainings/${session.sessionId}/registrations/${waiting.registrationId}/cancel`, {
      as: USERS.hospitalAdmin36,
      body: {},
    });
    expect(res2.status, JSON.stringify(res2.body)).toBe(200);
    after = await allRegistrations(session.sessionId);
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    expect(after.find((r) => r.seq === 22)!.status).toBe('waitlisted');
    expect(await getSession(session.sessionId)).toMatchObject({ confirmedCount: 20, waitlistCount: 78 });

    // Two confirmed cancelling at once promote the next two in order, never the same person twice.
    const [a, b] = after.filter((r) => r.status === 'confirmed' && r.seq !== 21).slice(0, 2) as [Registration, Registration];
    const both = await Promise.all(
      [a, b].map((r) => api('POST', `/api/trainings/${session.sessionId}/registrations/${r.registrationId}/cancel`, { as: USERS.hospitalAdmin36, body: {} })),
    );
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    after = await allRegistrations(session.sessionId);
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    expect(after.filter((r) => r.seq === 22 || r.seq === 23).map((r) => r.status)).toEqual(['confirmed', 'confirmed']);
    expect(after.find((r) => r.seq === 24)!.status).toBe('waitlisted');
    expect(await getSession(session.sessionId)).toMatchObject({ confirmedCount: 20, waitlistCount: 76 });
  });

  it('refuses the same person twice (409 naming participantName), and accepts them again after a cancel', async () => {
    const name = regs.find((r) => r.seq === 30)!.participantName;
    const dup = await register(session.sessionId, name);
    expect(dup.status).toBe(409);
    expect(fieldsOf(dup.body)).toContain('body.participantName');
    // Spaces do not make another person.
    const spaced = await register(session.sessionId, name.replace(' ', '　'));
    expect(spaced.status).toBe(409);
    // The seat counters did not move.
    expect(await getSession(session.sessionId)).toMatchObject({ confirmedCount: 20, waitlistCount: 76 });

    const seven = regs.find((r) => r.seq === 7)!;
    const again = await register(session.sessionId, seven.participantName);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ status: 'waitlisted', seq: 101 });
  });

  it("hides another facility's registrations from a facility, and an inspector sees only its 保健所's", async () => {
    const clinic = await register(session.sessionId, 'あおば 受講者', USERS.clinic36);
    expect(clinic.status, JSON.stringify(clinic.body)).toBe(201);
    const mine = await getSession(session.sessionId, USERS.clinic36);
    expect(mine.myRegistrations.map((r) => r.registrationId)).toEqual([clinic.body.registrationId]);
    const f001 = await getSession(session.sessionId, USERS.hospitalAdmin36);
    expect(f001.myRegistrations.length).toBeGreaterThan(90);
    expect(f001.myRegistrations.every((r) => r.facilityId === 'f001')).toBe(true);
    // The clinic (阿南保健所) cannot cancel f001's registration, and f001 cannot cancel the clinic's.
    const other = regs.find((r) => r.seq === 40)!;
    const refused = await api('POST', `/api/trainings/${session.sessionId}/registrations/${other.registrationId}/cancel`, { as: USERS.clinic36, body: {} });
    expect([403, 404]).toContain(refused.status);
    const refused2 = await api('POST', `/api/trainings/${session.sessionId}/registrations/${clinic.body.registrationId}/cancel`, {
      as: USERS.hospitalAdmin36,
      body: {},
    });
    expect([403, 404]).toContain(refused2.status);
    expect((await allRegistrations(session.sessionId)).find((r) => r.seq === 40)!.status).toBe('waitlisted');

    // 徳島保健所's inspector sees f001's, not the 阿南保健所 clinic's.
    const inspector = await allRegistrations(session.sessionId, USERS.inspector36);
    expect(inspector.length).toBeGreaterThan(90);
    expect(inspector.every((r) => r.healthCenterId === 'hc-tokushima')).toBe(true);
    expect(inspector.map((r) => r.registrationId)).not.toContain(clinic.body.registrationId);
    // A facility does not read the session's whole list; a vendor reads nothing of trainings.
    expect((await api('GET', `/api/trainings/${session.sessionId}/registrations`, { as: USERS.hospitalAdmin36 })).status).toBe(403);
    expect((await api('GET', `/api/trainings/${session.sessionId}`, { as: USERS.vendor36 })).status).toBe(403);
    expect((await register(session.sessionId, '事業者 太郎', USERS.vendor36)).status).toBe(403);
  });
});

describe('trainings: refusals name their field', () => {
  it('refuses a facility outside the audience (kind, size band, role) with 4xx naming the field', async () => {
    const pharmacies = await createSession({ audience: { facilityKinds: ['pharmacy'], sizeBands: [], roles: [] } });
    const byKind = await register(pharmacies.sessionId, '対象外 一郎');
    expect(byKind.status).toBeGreaterThanOrEqual(400);
    expect(byKind.status).toBeLessThan(500);
    expect(fieldsOf(byKind.body).join(' ')).toMatch(/facilityKinds/);
    expect((byKind.body as unknown as Err).error.message.ja).toMatch(/対象/);

    // f001 has 420 beds (200-499): a session for clinics without beds is not for it; the 0-bed clinic may register.
    const small = await createSession({ audience: { facilityKinds: [], sizeBands: ['0', '1-19'], roles: [] } });
    const bySize = await register(small.sessionId, '対象外 二郎');
    expect(bySize.status).toBeGreaterThanOrEqual(400);
    expect(bySize.status).toBeLessThan(500);
    expect(fieldsOf(bySize.body).join(' ')).toMatch(/sizeBands/);
    expect((await register(small.sessionId, '小規模 花子', USERS.clinic36)).status).toBe(201);

    // A session for facility administrators: the member of staff is refused, the administrator registers.
    const admins = await createSession({ audience: { facilityKinds: ['hospital'], sizeBands: ['200-499', '500+'], roles: ['facility_admin'] } });
    const byRole = await register(admins.sessionId, '職員 三郎', USERS.hospitalStaff36);
    expect(byRole.status).toBeGreaterThanOrEqual(400);
    expect(byRole.status).toBeLessThan(500);
    expect(fieldsOf(byRole.body).join(' ')).toMatch(/roles/);
    expect((await register(admins.sessionId, '管理者 四郎', USERS.hospitalAdmin36)).status).toBe(201);

    // A facility does not even list a session not meant for it.
    const list = await api<{ items: Session[] }>('GET', '/api/trainings?limit=100', { as: USERS.clinic36 });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((s) => s.sessionId);
    expect(ids).not.toContain(pharmacies.sessionId);
    expect(ids).not.toContain(admins.sessionId);
    expect(ids).toContain(small.sessionId);
    expect((await getSession(pharmacies.sessionId)).confirmedCount).toBe(0);
  });

  it('refuses a registration after the deadline (naming registrationDeadline)', async () => {
    const closed = await createSession({ registrationDeadline: inDays(-1, 17) });
    const res = await register(closed.sessionId, '遅刻 五郎');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(fieldsOf(res.body).join(' ')).toMatch(/registrationDeadline/);
    expect((res.body as unknown as Err).error.message.ja).toMatch(/締切/);
    expect(await getSession(closed.sessionId)).toMatchObject({ confirmedCount: 0, waitlistCount: 0 });
  });

  it('cancels a session only at its current version; a cancelled session takes no registration', async () => {
    const s = await createSession();
    expect((await register(s.sessionId, '中止前 六郎')).status).toBe(201);
    const stale = await api<Err>('POST', `/api/trainings/${s.sessionId}/cancel`, { as: USERS.pref36, body: { expectedVersion: s.version + 5 } });
    expect(stale.status).toBe(409);
    expect((await getSession(s.sessionId)).status).toBe('scheduled');
    const ok = await api<Session>('POST', `/api/trainings/${s.sessionId}/cancel`, { as: USERS.pref36, body: { expectedVersion: s.version } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('cancelled');
    const res = await register(s.sessionId, '中止後 七郎');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(fieldsOf(res.body).join(' ')).toMatch(/status/);
    expect((res.body as unknown as Err).error.message.ja).toMatch(/中止/);
    // Only the prefecture cancels a session.
    expect((await api('POST', `/api/trainings/${s.sessionId}/cancel`, { as: USERS.hospitalAdmin36, body: { expectedVersion: ok.body.version } })).status).toBe(
      403,
    );
  });

  it('detects concurrent edits of a session (409 on a stale version) and keeps its counters', async () => {
    const s = await createSession({ capacity: 3 });
    expect((await register(s.sessionId, '編集中 八郎')).status).toBe(201);
    const first = await api<Session>('PUT', `/api/trainings/${s.sessionId}`, {
      as: USERS.pref36,
      body: { ...baseBody({ capacity: 5, title: `変更後 ${stamp}` }), expectedVersion: s.version },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ capacity: 5, title: `変更後 ${stamp}`, confirmedCount: 1, version: s.version + 1 });
    const second = await api<Err>('PUT', `/api/trainings/${s.sessionId}`, {
      as: USERS.pref36,
      body: { ...baseBody({ capacity: 9 }), expectedVersion: s.version },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('VERSION_CONFLICT');
    expect(await getSession(s.sessionId)).toMatchObject({ capacity: 5, confirmedCount: 1 });
  });

  it('refuses an inconsistent session with 400 naming the field', async () => {
    const backwards = await api<Err>('POST', '/api/trainings', { as: USERS.pref36, body: baseBody({ endsAt: inDays(19, 10) }) });
    expect(backwards.status).toBe(400);
    expect(fieldsOf(backwards.body)).toContain('body.endsAt');
    const noUrl = await api<Err>('POST', '/api/trainings', { as: USERS.pref36, body: baseBody({ mode: 'online', place: undefined }) });
    expect(noUrl.status).toBe(400);
    expect(fieldsOf(noUrl.body)).toContain('body.url');
    const noSeats = await api<Err>('POST', '/api/trainings', { as: USERS.pref36, body: baseBody({ capacity: 0 }) });
    expect(noSeats.status).toBe(400);
    expect(fieldsOf(noSeats.body)).toContain('body.capacity');
    const noName = await api<Err>('POST', '/api/trainings', { as: USERS.pref36, body: baseBody({ title: '' }) });
    expect(fieldsOf(noName.body)).toContain('body.title');
    // Only the prefecture schedules.
    expect((await api('POST', '/api/trainings', { as: USERS.inspector36, body: baseBody() })).status).toBe(403);
  });
});

describe('trainings: attendance', () => {
  it('records attendance of confirmed registrations; a waitlisted or unknown one fails the whole batch', async () => {
    const s = await createSession({ capacity: 2 });
    const a = (await register(s.sessionId, '出席 一子')).body;
    const b = (await register(s.sessionId, '欠席 二子')).body;
    const w = (await register(s.sessionId, '待機 三子')).body;
    expect([a.status, b.status, w.status]).toEqual(['confirmed', 'confirmed', 'waitlisted']);

    const bad = await api<Err>('POST', `/api/trainings/${s.sessionId}/attendance`, {
      as: USERS.pref36,
      body: {
        items: [
          { registrationId: a.registrationId, attended: true },
          { registrationId: w.registrationId, attended: true },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toContain('body.items[1].registrationId');
    // Nothing was written: a is still unmarked.
    expect((await allRegistrations(s.sessionId)).find((r) => r.registrationId === a.registrationId)!.attended).toBeNull();

    const ok = await api<{ updated: number }>('POST', `/api/trainings/${s.sessionId}/attendance`, {
      as: USERS.pref36,
      body: {
        items: [
          { registrationId: a.registrationId, attended: true },
          { registrationId: b.registrationId, attended: false },
        ],
      },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.updated).toBe(2);
    const after = await allRegistrations(s.sessionId);
    expect(after.map((r) => [r.participantName, r.attended])).toEqual([
      ['出席 一子', true],
      ['欠席 二子', false],
      ['待機 三子', null],
    ]);
    // The facility sees its attendance; it cannot record it itself.
    const seen = await getSession(s.sessionId, USERS.hospitalAdmin36);
    expect(seen.myRegistrations.find((r) => r.registrationId === a.registrationId)!.attended).toBe(true);
    expect(
      (
        await api('POST', `/api/trainings/${s.sessionId}/attendance`, {
          as: USERS.hospitalAdmin36,
          body: { items: [{ registrationId: b.registrationId, attended: true }] },
        })
      ).status,
    ).toBe(403);
  });
});
