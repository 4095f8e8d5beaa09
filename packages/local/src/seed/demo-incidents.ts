import { randomBytes } from 'node:crypto';
import { bcpInitialResponseSteps } from '@mcr/domain';
import type { Actor, FacilityRecord, IncidentEntryRecord, IncidentReportRecord, Repositories } from '@mcr/data';
import type { DemoTenant } from './demo-data.ts';
import type { DemoLogin } from './seed.ts';

/**
 * Demo suspected-incident reports (issue 10 item 3): one open report of the demo hospital (its administrator
 * reported it two days ago; the prefecture answered; two 初動対応 steps ticked) and one closed report of the demo
 * clinic (a false alarm, closed by the clinic three weeks ago). Facilities and authors are found from the demo's
 * users, not hard-coded; written through the repository's own transactions, so the stream consumer counts them
 * (and the prefecture's inbox holds the open report's notice). Nothing is written when the facility already has a
 * report (a kept table).
 */
type Next = { author: Author; hoursAgo: number; kind: 'message' | 'step' | 'closed'; text: string; step?: string | undefined };
type Author = { userId: string; name: string; org: string; role: string; side: IncidentEntryRecord['side'] };

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

function entry(r: IncidentReportRecord, a: Author, at: string, kind: IncidentEntryRecord['kind'], text: string, step?: { id: string; done: boolean }) {
  return {
    incidentId: r.incidentId,
    facilityId: r.facilityId,
    healthCenterId: r.healthCenterId,
    entryId: `${Date.parse(at).toString(36)}-${randomBytes(6).toString('hex')}`,
    at,
    kind,
    side: a.side,
    authorId: a.userId,
    authorName: a.name,
    authorOrg: a.org,
    text,
    stepId: step?.id ?? null,
    done: step?.done ?? null,
  } satisfies IncidentEntryRecord;
}

const actorOf = (a: Author, orgId: string): Actor => ({
  userId: a.userId,
  name: a.name,
  role: a.role as Actor['role'],
  orgId,
  requestId: `seed-incidents-${randomBytes(4).toString('hex')}`,
});

async function seedReport(
  repos: Repositories,
  facility: FacilityRecord,
  reporter: Author,
  fields: Pick<IncidentReportRecord, 'description' | 'systems' | 'vendors' | 'contacted' | 'contactedOther' | 'careImpact'> & { hoursAgo: number },
  then: Next[],
): Promise<void> {
  const reportedAt = ago(fields.hoursAgo);
  let report: IncidentReportRecord = {
    incidentId: `inc-${Date.parse(reportedAt).toString(36)}${randomBytes(4).toString('hex')}`,
    facilityId: facility.id,
    facilityName: facility.name,
    healthCenterId: facility.healthCenterId,
    healthCenterName: facility.healthCenterName,
    status: 'open',
    description: fields.description,
    noticedAt: ago(fields.hoursAgo + 1),
    systems: fields.systems,
    vendors: fields.vendors,
    contacted: fields.contacted,
    contactedOther: fields.contactedOther,
    careImpact: fields.careImpact,
    steps: {},
    reportedBy: { userId: reporter.userId, name: reporter.name, role: reporter.role },
    reportedAt,
    lastEntryAt: reportedAt,
    entryCount: 1,
    closedAt: null,
    closeReason: null,
    version: 1,
  };
  await repos.incidents.create(report, entry(report, reporter, reportedAt, 'reported', fields.description), actorOf(reporter, facility.id));
  for (const step of then) {
    const at = ago(step.hoursAgo);
    const stepDef = step.step ? { id: step.step, done: true } : undefined;
    const saved = await repos.incidents.write(
      report.incidentId,
      (current) => ({
        next: {
          ...current,
          ...(stepDef ? { steps: { ...current.steps, [stepDef.id]: { done: true, at, byName: step.author.name } } } : {}),
          ...(step.kind === 'closed' ? { status: 'closed' as const, closedAt: at, closeReason: step.text } : {}),
          lastEntryAt: at,
          entryCount: current.entryCount + 1,
          version: current.version + 1,
        },
        entries: [entry(current, step.author, at, step.kind, step.text, stepDef)],
        audit: { action: step.kind === 'closed' ? 'incident.close' : step.kind === 'step' ? 'incident.step' : 'incident.post', changes: { seed: true } },
      }),
      actorOf(step.author, facility.id),
    );
    report = saved.report;
  }
}

export async function seedDemoIncidents(repos: Repositories, data: DemoTenant, logins: readonly DemoLogin[]): Promise<void> {
  const userOf = (role: string, kind?: FacilityRecord['kind']) =>
    data.users.find((u) => u.role === role && (!kind || data.facilities.find((f) => f.id === u.orgId)?.kind === kind));
  const author = (u: DemoTenant['users'][number] | undefined, side: Author['side']): Author | undefined => {
    const userId = u ? logins.find((l) => l.email === u.email)?.userId : undefined;
    return u && userId ? { userId, name: u.displayName, org: u.orgName, role: u.role, side } : undefined;
  };
  const pref = author(userOf('pref_admin'), 'prefecture');
  const hospitalUser = userOf('facility_admin', 'hospital');
  const clinicUser = userOf('facility_admin', 'clinic');
  const hospitalAuthor = author(hospitalUser, 'facility');
  const clinicAuthor = author(clinicUser, 'facility');
  const hospital = data.facilities.find((f) => f.id === hospitalUser?.orgId);
  const clinic = data.facilities.find((f) => f.id === clinicUser?.orgId);
  if (!pref || !hospitalAuthor || !hospital) return;
  const steps = bcpInitialResponseSteps();
  const already = async (facilityId: string) => (await repos.incidents.listOfFacility(facilityId, { limit: 1 })).items.length > 0;

  if (!(await already(hospital.id))) {
    const contract = data.contracts.find((c) => c.facilityId === hospital.id);
    await seedReport(
      repos,
      hospital,
      hospitalAuthor,
      {
        description:
          '外来受付の端末 2 台で、ファイル名の末尾が見慣れない文字列に変わり、開けなくなっている。画面に英語の「身代金」を求める文章が表示された。電子カルテは参照できるが、動作が遅い。',
        systems: ['電子カルテ', ...(contract?.systems.filter((s) => s !== '電子カルテ').slice(0, 1) ?? [])],
        vendors: contract ? [{ vendorId: contract.vendorId, vendorName: contract.vendorName }] : [],
        contacted: ['vendor', 'executive'],
        contactedOther: '院内の医療情報システム安全管理責任者に報告済み',
        careImpact: 'partial',
        hoursAgo: 46,
      },
      (
        [
          { author: hospitalAuthor, hoursAgo: 45.5, kind: 'step', text: '', step: steps[0]?.id },
          {
            author: pref,
            hoursAgo: 45,
            kind: 'message',
            text: '徳島県 医療政策課です。報告を受け付けました。該当端末はネットワークから切り離し、電源は切らずに保全してください。警察（サイバー犯罪相談窓口）への相談もお願いします。',
          },
          {
            author: hospitalAuthor,
            hoursAgo: 44,
            kind: 'message',
            text: '2 台とも LAN ケーブルを抜きました。事業者が本日午後に来院し、ログを確認する予定です。警察には明朝相談します。',
          },
          { author: hospitalAuthor, hoursAgo: 43.5, kind: 'step', text: '', step: steps[1]?.id },
          {
            author: pref,
            hoursAgo: 20,
            kind: 'message',
            text: '事業者の調査結果が出たら、この経過に書き込んでください。診療に影響が広がる場合はすぐに電話でもご連絡ください。',
          },
        ] satisfies Next[]
      ).filter((s) => s.kind !== 'step' || s.step),
    );
  }
  if (clinic && clinicAuthor && !(await already(clinic.id))) {
    await seedReport(
      repos,
      clinic,
      clinicAuthor,
      {
        description: '受付のパソコンで「ウイルスに感染しています。すぐにこの番号に電話してください」という警告画面が出て消えない。',
        systems: ['レセコン'],
        vendors: [],
        contacted: [],
        contactedOther: '',
        careImpact: 'none',
        hoursAgo: 21 * 24,
      },
      [
        {
          author: pref,
          hoursAgo: 21 * 24 - 1,
          kind: 'message',
          text: '表示された番号には電話しないでください。ブラウザを閉じて、再起動後も表示されるか確認してください。',
        },
        {
          author: clinicAuthor,
          hoursAgo: 21 * 24 - 3,
          kind: 'closed',
          text: '再起動したら表示されなくなりました。事業者に確認してもらい、偽の警告 (サポート詐欺) と分かりました。',
        },
      ],
    );
  }
}
