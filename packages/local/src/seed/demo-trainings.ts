import { createRepositories, type Db, type FacilityRecord, type TrainingSessionRecord } from '@mcr/data';
import type { DemoTenant } from './demo-data.ts';
import type { DemoLogin } from './seed.ts';

/**
 * 令和8年度 (FY2026) demo trainings of 徳島県 (issue 9, decision 0014), as of 2026-12-06: a past session with its
 * attendance recorded (October), an upcoming one with registrations (December), one in January and one nearly
 * full (February). Registrations go through the repository's own transaction (arrival numbers, counters, the
 * name guard), so the stream consumer counts coverage from them as it does from the API's writes.
 */
type DemoSession = Omit<TrainingSessionRecord, 'confirmedCount' | 'waitlistCount' | 'regSeq' | 'status' | 'version' | 'createdAt' | 'updatedAt'>;

const SESSIONS: DemoSession[] = [
  {
    sessionId: 'r8-system-admin-1022',
    fiscalYear: 2026,
    kind: 'system_admin',
    title: 'システム・セキュリティ管理者向け研修 (令和8年度 第1回)',
    description:
      'ランサムウェア被害を想定したバックアップの確認、ログの見方、事業者との連絡体制 (MDS/SDS) を演習で学びます。医療情報システムの担当者・管理者向けです。',
    mode: 'online',
    url: 'https://meet.example.jp/tokushima/r8-sysadmin-1',
    startsAt: '2026-10-22T13:30:00+09:00',
    endsAt: '2026-10-22T16:30:00+09:00',
    capacity: 30,
    registrationDeadline: '2026-10-15T17:00:00+09:00',
    audience: { facilityKinds: ['hospital'], sizeBands: [], roles: [] },
  },
  {
    sessionId: 'r8-intro-inspection-1217',
    fiscalYear: 2026,
    kind: 'intro_inspection',
    title: '導入研修 (立入検査対策) 12月 徳島会場',
    description:
      '医療法に基づく立入検査で確認されるサイバーセキュリティ対策チェックリストの項目と、記入・提出のしかたを説明します。初めて担当される方もご参加ください。',
    mode: 'onsite',
    place: '徳島県庁 10階 大会議室 (徳島市万代町1丁目1)',
    startsAt: '2026-12-17T14:00:00+09:00',
    endsAt: '2026-12-17T16:30:00+09:00',
    capacity: 40,
    registrationDeadline: '2026-12-10T17:00:00+09:00',
    audience: { facilityKinds: [], sizeBands: [], roles: [] },
  },
  {
    sessionId: 'r8-executive-0121',
    fiscalYear: 2026,
    kind: 'executive',
    title: '経営者向けサイバーセキュリティ研修 (令和8年度)',
    description: '病院・有床診療所の経営者向けに、事業継続計画 (BCP) と平時の備え、被害時の判断と公表について、他県の事例を交えてお話しします。',
    mode: 'online',
    url: 'https://meet.example.jp/tokushima/r8-executive',
    startsAt: '2027-01-21T15:00:00+09:00',
    endsAt: '2027-01-21T16:30:00+09:00',
    capacity: 60,
    registrationDeadline: '2027-01-14T17:00:00+09:00',
    audience: { facilityKinds: ['hospital', 'clinic'], sizeBands: ['1-19', '20-99', '100-199', '200-499', '500+'], roles: ['facility_admin'] },
  },
  {
    sessionId: 'r8-beginner-0205',
    fiscalYear: 2026,
    kind: 'beginner',
    title: '初学者向け研修 2月 阿南会場',
    description: 'パスワード、メール、USB メモリなど、毎日の業務で気をつけることを基礎から学びます。診療所・歯科診療所・薬局の職員向けです。',
    mode: 'onsite',
    place: '阿南保健所 2階 会議室',
    startsAt: '2027-02-05T10:00:00+09:00',
    endsAt: '2027-02-05T12:00:00+09:00',
    capacity: 12,
    registrationDeadline: '2027-01-29T17:00:00+09:00',
    audience: { facilityKinds: ['clinic', 'dental_clinic', 'pharmacy'], sizeBands: [], roles: [] },
  },
];

const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '松本', '井上', '木村', '林', '清水', '森'];
const GIVEN = ['美咲', '健一', '由美', '大輔', '直子', '翔太', '恵', '誠', '真理子', '拓也', '裕子', '亮', '香織', '浩二'];
const TITLES = ['事務長', '医療情報室 主任', '看護師長', '院長', 'システム担当', '薬局長', '受付', '副院長'];
const personName = (i: number) => `${FAMILY[(i * 7) % FAMILY.length]} ${GIVEN[(i * 5) % GIVEN.length]}`;

/** Writes the demo sessions, registrations and (for the past session) attendance; skips sessions already there. */
export async function seedDemoTrainings(db: Db, data: DemoTenant, logins: readonly DemoLogin[]): Promise<void> {
  const repos = createRepositories(db, { tenantId: data.tenant.tenantId });
  const userIdOf = (email: string) => logins.find((l) => l.email === email)?.userId ?? 'seed';
  const hospitalAdmin = userIdOf('hospital-admin@tokushima.example.jp');
  const clinicUser = data.users.find((u) => u.email === 'clinic-director@tokushima.example.jp');
  const clinicDirector = userIdOf('clinic-director@tokushima.example.jp');
  const byId = new Map(data.facilities.map((f) => [f.id, f]));
  const f001 = byId.get('f001') as FacilityRecord;
  const clinic = byId.get(clinicUser?.orgId ?? '') as FacilityRecord;
  const hospitals = data.facilities.filter((f) => f.kind === 'hospital' && f.id !== 'f001');
  const small = data.facilities.filter((f) => f.kind !== 'hospital' && f.id !== clinic.id);

  let n = 0;
  const register = async (sessionId: string, f: FacilityRecord, registeredBy: string, at: string) => {
    n++;
    return repos.trainings.register({
      sessionId,
      facilityId: f.id,
      facilityName: f.name,
      healthCenterId: f.healthCenterId,
      participantName: personName(n),
      participantTitle: TITLES[n % TITLES.length] as string,
      registeredBy,
      createdAt: at,
      updatedAt: at,
    });
  };

  for (const s of SESSIONS) {
    if (await repos.trainings.getSession(s.sessionId)) continue;
    const createdAt = new Date(Date.parse(s.registrationDeadline) - 30 * 86_400_000).toISOString();
    await repos.trainings.createSession({
      ...s,
      confirmedCount: 0,
      waitlistCount: 0,
      regSeq: 0,
      status: 'scheduled',
      version: 1,
      createdAt,
      updatedAt: createdAt,
    });
    const at = (daysBeforeDeadline: number) => new Date(Date.parse(s.registrationDeadline) - daysBeforeDeadline * 86_400_000).toISOString();

    if (s.sessionId === 'r8-system-admin-1022') {
      // Past: 12 hospitals took part; attendance recorded for each (two did not come).
      const regs = [await register(s.sessionId, f001, hospitalAdmin, at(20))];
      for (const [i, f] of hospitals.slice(0, 11).entries()) regs.push(await register(s.sessionId, f, 'seed', at(19 - i)));
      await repos.trainings.setAttendance(
        s.sessionId,
        regs.map((r, i) => ({ registrationId: r.registrationId, attended: i !== 4 && i !== 9 })),
      );
    } else if (s.sessionId === 'r8-intro-inspection-1217') {
      // Upcoming (deadline 10 Dec): f001 sends two people, the demo clinic one, others a few.
      await register(s.sessionId, f001, hospitalAdmin, at(12));
      await register(s.sessionId, f001, hospitalAdmin, at(12));
      await register(s.sessionId, clinic, clinicDirector, at(9));
      for (const [i, f] of [...hospitals.slice(11, 16), ...small.slice(0, 9)].entries()) await register(s.sessionId, f, 'seed', at(11 - (i % 8)));
    } else if (s.sessionId === 'r8-executive-0121') {
      await register(s.sessionId, f001, hospitalAdmin, at(30));
      for (const [i, f] of hospitals.slice(16, 20).entries()) await register(s.sessionId, f, 'seed', at(29 - i));
    } else {
      // Nearly full: 11 of 12 seats taken, the demo clinic among them.
      await register(s.sessionId, clinic, clinicDirector, at(40));
      for (const [i, f] of small.slice(9, 19).entries()) await register(s.sessionId, f, 'seed', at(39 - i));
    }
  }
}
