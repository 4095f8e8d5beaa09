import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type {
  AuditLogResponse,
  ErrorBody,
  IncidentCounts,
  IncidentDetail,
  IncidentEntry,
  ListIncidentsResponse,
  ListNotificationsResponse,
} from '@mcr/contract';
import { applyIncidentCountDeltas, incidentKeys } from '@mcr/data';
import { bcpInitialResponseSteps } from '@mcr/domain';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, settle, USERS } from '../support/api.ts';
import type { SesMail } from '../support/mail.ts';
import { testDb } from '../support/rows.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * Suspected-incident reports (issue 10 item 3, decision 0021) on the local stack: the report and its refusals,
 * the timeline from both sides, the 初動対応 checklist, closing, the audit entries, the open-report counter, and
 * the notices read back from the SES sink (once per event) and the inbox.
 */
const HOSPITAL = 'f001'; // 徳島県立うずしお中央病院, 徳島保健所: the demo inspector's jurisdiction
const stamp = Date.now().toString(36);

async function mailsAbout(email: string, incidentId: string): Promise<SesMail[]> {
  const res = await fetch(`${stackInfo().services.sesEndpoint}/store`);
  const store = (await res.json()) as { emails: SesMail[] };
  return store.emails.filter((m) => m.destination.to.includes(email) && m.body.text.includes(`/incidents/${incidentId}`));
}
const counts = async (as: string = USERS.pref36) => (await api<IncidentCounts>('GET', '/api/incident-counts', { as })).body;
const noticedAt = (minutesAgo = 30) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

async function report(body: Record<string, unknown> = {}, as: string = USERS.hospitalAdmin36): Promise<IncidentDetail> {
  const res = await api<IncidentDetail>('POST', '/api/incidents', {
    as,
    body: {
      description: `電子カルテの端末で身に覚えのない暗号化ファイルが見つかった (${stamp})`,
      noticedAt: noticedAt(),
      systems: ['電子カルテ'],
      contacted: ['vendor'],
      careImpact: 'partial',
      ...body,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

let vendorId = '';
beforeAll(async () => {
  const contracts = await api<{ items: { vendorId: string }[] }>('GET', `/api/facilities/${HOSPITAL}/contracts`, { as: USERS.hospitalAdmin36 });
  vendorId = contracts.body.items[0]?.vendorId ?? '';
  expect(vendorId).not.toBe('');
});

describe('reporting a suspected incident', () => {
  it('creates the report with its first timeline entry and the 初動対応 steps of the BCP table; the prefecture and the 保健所 are told once', async () => {
    const before = await counts();
    const created = await report({ vendorIds: [vendorId], contacted: ['vendor', 'police'], contactedOther: '院内の情報システム担当に連絡済み' });
    const id = created.report.incidentId;
    expect(created.report).toMatchObject({
      facilityId: HOSPITAL,
      healthCenterId: 'hc-tokushima',
      status: 'open',
      careImpact: 'partial',
      version: 1,
      entryCount: 1,
    });
    expect(created.report.vendors.map((v) => v.vendorId)).toEqual([vendorId]);
    expect(created.timeline).toHaveLength(1);
    expect(created.timeline[0]).toMatchObject({ kind: 'reported', side: 'facility' });
    expect(created.steps.map((s) => s.id)).toEqual(bcpInitialResponseSteps().map((s) => s.id));
    expect(created.steps.length).toBeGreaterThan(0);
    expect(created.can).toEqual({ post: true, close: true, tick: true, edit: true });

    await settle();
    const toPref = await mailsAbout(USERS.pref36, id);
    expect(toPref).toHaveLength(1);
    expect(toPref[0]?.subject).toContain('インシデント');
    expect(toPref[0]?.body.text).toContain('徳島県立うずしお中央病院');
    // What the facility saw stays in the app: the mail only says that a report came in, and links to it.
    expect(toPref[0]?.body.text).not.toContain('暗号化ファイル');
    expect(await mailsAbout(USERS.inspector36, id)).toHaveLength(1);
    expect(await mailsAbout(USERS.hospitalAdmin36, id)).toHaveLength(0);
    expect(await mailsAbout(USERS.pref37, id)).toHaveLength(0);
    const inbox = await api<ListNotificationsResponse>('GET', '/api/my/notifications?limit=50', { as: USERS.pref36 });
    expect(inbox.body.items.filter((n) => n.link === `/incidents/${id}`).map((n) => n.kind)).toEqual(['incident_reported']);

    const after = await counts();
    expect(after.open).toBe(before.open + 1);
    expect(after.openCarePartial).toBe(before.openCarePartial + 1);
    const hc = (c: IncidentCounts) => c.byHealthCenter.find((h) => h.healthCenterId === 'hc-tokushima')?.open ?? 0;
    expect(hc(after)).toBe(hc(before) + 1);
    // The 保健所 sees its own count only.
    const own = await counts(USERS.inspector36);
    expect(own.byHealthCenter.map((h) => h.healthCenterId)).toEqual(['hc-tokushima']);
    expect(own.open).toBe(hc(after));
  });

  it('a replayed stream batch mails nothing twice (once per event)', async () => {
    const created = await report();
    const id = created.report.incidentId;
    await settle();
    expect(await mailsAbout(USERS.pref36, id)).toHaveLength(1);
    const { processStreamRecords } = await import('../../functions/src/streams/read-models.ts');
    const db = testDb();
    const stored = (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: incidentKeys.report({ tenantId: '36' }, id) }))).Item!;
    const record: DynamoDBRecord = {
      eventID: `incident-replay-${stamp}`,
      eventName: 'INSERT',
      dynamodb: {
        Keys: marshall({ PK: stored.PK, SK: stored.SK }) as never,
        NewImage: marshall(stored, { removeUndefinedValues: true }) as Record<string, AttributeValue> as never,
        SequenceNumber: '1',
      },
    };
    const countsBefore = await counts();
    const first = await processStreamRecords(db, [record], `incident-replay-${stamp}`);
    const second = await processStreamRecords(db, [record], `incident-replay-${stamp}`);
    expect(first.incidentNotices?.sent).toBe(0);
    expect(second.incidentNotices?.sent).toBe(0);
    expect(first.incidentNotices?.duplicate).toBeGreaterThanOrEqual(2);
    expect(await mailsAbout(USERS.pref36, id)).toHaveLength(1);
    expect(await mailsAbout(USERS.inspector36, id)).toHaveLength(1);
    // The same batch id: the counter moved once for the replay (its token), not twice; undo that one move.
    const replayed = await counts();
    expect(replayed.open).toBe(countsBefore.open + 1);
    await applyIncidentCountDeltas(
      db,
      { tenantId: '36' },
      { open: -1, 'open:partial': -1, 'hc:hc-tokushima': -1, 'hcimpact:hc-tokushima:partial': -1 },
      `undo-${stamp}`,
    );
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const list = async () => (await api<ListIncidentsResponse>('GET', '/api/incidents?limit=100', { as: USERS.hospitalAdmin36 })).body.items.length;
    const n = await list();
    const cases: [Record<string, unknown>, string][] = [
      [{ careImpact: 'maybe' }, 'body.careImpact'],
      [{ description: '   ' }, 'body.description'],
      [{ noticedAt: 'yesterday' }, 'body.noticedAt'],
      [{ noticedAt: new Date(Date.now() + 3 * 3_600_000).toISOString() }, 'body.noticedAt'],
      [{ noticedAt: new Date(Date.now() - 400 * 86_400_000).toISOString() }, 'body.noticedAt'],
      [{ vendorIds: ['v-not-a-contract'] }, 'body.vendorIds[0]'],
      [{ contacted: ['fbi'] }, 'body.contacted[0]'],
      [{ facilityId: 'f002' }, 'body'],
    ];
    for (const [patch, field] of cases) {
      const res = await api<ErrorBody>('POST', '/api/incidents', {
        as: USERS.hospitalAdmin36,
        body: { description: '不審なメール', noticedAt: noticedAt(), careImpact: 'none', ...patch },
      });
      expect(res.status, `${JSON.stringify(patch)} → ${JSON.stringify(res.body)}`).toBe(400);
      const fields = res.body.error.fields?.map((f) => f.field) ?? [];
      expect(
        fields.some((f) => f === field || f.startsWith(field)),
        `${JSON.stringify(patch)} → ${fields.join(',')}`,
      ).toBe(true);
      expect(res.body.error.fields?.[0]?.message.ja).toBeTruthy();
      expect(res.body.error.fields?.[0]?.message.en).toBeTruthy();
    }
    // Only facilities report; the prefecture cannot report for one.
    expect((await api('POST', '/api/incidents', { as: USERS.pref36, body: { description: 'x', noticedAt: noticedAt(), careImpact: 'none' } })).status).toBe(
      403,
    );
    expect(await list()).toBe(n);
  });
});

describe('the timeline, the checklist and closing', () => {
  let id = '';
  beforeAll(async () => {
    id = (await report({ careImpact: 'stopped' })).report.incidentId;
    await settle();
  });
  const detail = async (as: string = USERS.hospitalAdmin36) => (await api<IncidentDetail>('GET', `/api/incidents/${id}`, { as })).body;
  const post = (as: string, text: string) => api<IncidentEntry>('POST', `/api/incidents/${id}/entries`, { as, body: { text } });

  it('the facility and the prefecture write in one timeline; each entry tells the other side once (never the author)', async () => {
    const f = await post(USERS.hospitalAdmin36, '業者が到着し、ネットワークから端末を切り離しました。');
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect(f.body.side).toBe('facility');
    const p = await post(USERS.pref36, '県です。警察への相談はお済みですか。被害拡大防止を優先してください。');
    expect(p.status).toBe(201);
    expect(p.body.side).toBe('prefecture');
    const h = await post(USERS.inspector36, '徳島保健所です。必要なら訪問します。');
    expect(h.status).toBe(201);
    expect(h.body.side).toBe('health_center');
    await settle();
    const d = await detail();
    expect(d.timeline.map((e) => [e.kind, e.side])).toEqual([
      ['reported', 'facility'],
      ['message', 'facility'],
      ['message', 'prefecture'],
      ['message', 'health_center'],
    ]);
    // Facility entry → the prefecture and the 保健所; prefecture entry → the facility's people and the 保健所; 保健所 entry → the facility and the prefecture.
    const pref = await mailsAbout(USERS.pref36, id);
    expect(pref.map((m) => m.subject.includes('書き込み'))).toEqual([false, true, true]);
    const staff = await mailsAbout(USERS.hospitalStaff36, id);
    expect(staff).toHaveLength(2);
    expect(await mailsAbout(USERS.hospitalAdmin36, id)).toHaveLength(2);
    expect(await mailsAbout(USERS.inspector36, id)).toHaveLength(3);
    const inbox = await api<ListNotificationsResponse>('GET', '/api/my/notifications?limit=50', { as: USERS.hospitalStaff36 });
    expect(inbox.body.items.filter((n) => n.link === `/incidents/${id}`).map((n) => n.kind)).toEqual(['incident_update', 'incident_update']);
  });

  it('ticks of two people on different steps both land; ticking a step already in that state is a 409 naming it', async () => {
    const steps = bcpInitialResponseSteps();
    const [a, b] = [steps[0]!, steps[1]!];
    const [ra, rb] = await Promise.all([
      api<IncidentDetail>('PUT', `/api/incidents/${id}/steps/${a.id}`, { as: USERS.hospitalAdmin36, body: { done: true } }),
      api<IncidentDetail>('PUT', `/api/incidents/${id}/steps/${b.id}`, { as: USERS.hospitalStaff36, body: { done: true } }),
    ]);
    expect(ra.status, JSON.stringify(ra.body)).toBe(200);
    expect(rb.status, JSON.stringify(rb.body)).toBe(200);
    const d = await detail();
    expect(d.report.steps[a.id]?.done).toBe(true);
    expect(d.report.steps[b.id]?.done).toBe(true);
    expect(
      d.timeline
        .filter((e) => e.kind === 'step')
        .map((e) => e.stepId)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    const again = await api<ErrorBody>('PUT', `/api/incidents/${id}/steps/${a.id}`, { as: USERS.hospitalStaff36, body: { done: true } });
    expect(again.status).toBe(409);
    expect(again.body.error.fields?.[0]?.field).toBe('body.done');
    const undo = await api<IncidentDetail>('PUT', `/api/incidents/${id}/steps/${a.id}`, { as: USERS.hospitalStaff36, body: { done: false } });
    expect(undo.body.report.steps[a.id]?.done).toBe(false);
    expect((await api<ErrorBody>('PUT', `/api/incidents/${id}/steps/no-such-step`, { as: USERS.hospitalAdmin36, body: { done: true } })).status).toBe(400);
    // Only the facility ticks its checklist.
    expect((await api('PUT', `/api/incidents/${id}/steps/${a.id}`, { as: USERS.pref36, body: { done: true } })).status).toBe(403);
  });

  it('the facility updates the care impact against the version it read (stale → 409); the change is in the timeline', async () => {
    const d = await detail();
    const body = {
      systems: ['電子カルテ', 'PACS'],
      vendorIds: [],
      contacted: ['vendor', 'police', 'health_center'],
      contactedOther: '',
      careImpact: 'partial',
    };
    const ok = await api<IncidentDetail>('PUT', `/api/incidents/${id}`, { as: USERS.hospitalAdmin36, body: { ...body, expectedVersion: d.report.version } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.report.careImpact).toBe('partial');
    expect(ok.body.timeline.at(-1)).toMatchObject({ kind: 'update' });
    expect(ok.body.timeline.at(-1)?.text).toContain('停止 → 一部');
    const stale = await api<ErrorBody>('PUT', `/api/incidents/${id}`, {
      as: USERS.hospitalStaff36,
      body: { ...body, careImpact: 'none', expectedVersion: d.report.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.fields?.[0]?.field).toBe('body.expectedVersion');
    expect((await detail()).report.careImpact).toBe('partial');
  });

  it('a 保健所 may write but not close; a facility closing needs a reason; a stale close is 409; once closed nothing more is written', async () => {
    const d = await detail();
    expect((await api('POST', `/api/incidents/${id}/close`, { as: USERS.inspector36, body: { expectedVersion: d.report.version } })).status).toBe(403);
    const noReason = await api<ErrorBody>('POST', `/api/incidents/${id}/close`, { as: USERS.hospitalAdmin36, body: { expectedVersion: d.report.version } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields?.[0]?.field).toBe('body.reason');
    const stale = await api<ErrorBody>('POST', `/api/incidents/${id}/close`, { as: USERS.pref36, body: { expectedVersion: d.report.version - 1 } });
    expect(stale.status).toBe(409);
    const before = await counts();
    const closed = await api<IncidentDetail>('POST', `/api/incidents/${id}/close`, {
      as: USERS.pref36,
      body: { reason: '業者の調査で不正アクセスの痕跡なし。終了します。', expectedVersion: d.report.version },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.report).toMatchObject({ status: 'closed', closeReason: '業者の調査で不正アクセスの痕跡なし。終了します。' });
    expect(closed.body.can).toEqual({ post: false, close: false, tick: false, edit: false });
    const late = await api<ErrorBody>('POST', `/api/incidents/${id}/entries`, { as: USERS.hospitalAdmin36, body: { text: 'まだ書けますか' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('LOCKED');
    await settle();
    const after = await counts();
    expect(after.open).toBe(before.open - 1);
    expect(after.closed).toBe(before.closed + 1);
    // The facility is told of the closing.
    expect((await mailsAbout(USERS.hospitalAdmin36, id)).at(-1)?.subject).toContain('終了');
  });

  it('every write left an audit entry', async () => {
    const audit = await api<AuditLogResponse>('GET', `/api/audit?target=${encodeURIComponent(`incident/${id}`)}&limit=100`, { as: USERS.pref36 });
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((e) => e.action).sort();
    expect(actions).toEqual(
      [
        'incident.close',
        'incident.post',
        'incident.post',
        'incident.post',
        'incident.report',
        'incident.step',
        'incident.step',
        'incident.step',
        'incident.update',
      ].sort(),
    );
  });
});

describe('lists and who reads what', () => {
  it('the prefecture lists open reports first; a 保健所 lists its own; a facility its own; other facilities get 404', async () => {
    const clinic = await report({ description: `阿南の診療所で不審なポップアップ (${stamp})`, careImpact: 'none' }, USERS.clinic36);
    const all = await api<ListIncidentsResponse>('GET', '/api/incidents?limit=100', { as: USERS.pref36 });
    expect(all.status).toBe(200);
    const statuses = all.body.items.map((i) => i.status);
    expect(statuses.indexOf('closed') === -1 || statuses.lastIndexOf('open') < statuses.indexOf('closed')).toBe(true);
    expect(all.body.items.map((i) => i.incidentId)).toContain(clinic.report.incidentId);
    const anan = await api<ListIncidentsResponse>(`GET`, `/api/incidents?healthCenterId=${clinic.report.healthCenterId}&status=open`, { as: USERS.pref36 });
    expect(anan.body.items.every((i) => i.healthCenterId === clinic.report.healthCenterId && i.status === 'open')).toBe(true);
    expect(anan.body.items.map((i) => i.incidentId)).toContain(clinic.report.incidentId);
    const insp = await api<ListIncidentsResponse>('GET', '/api/incidents?limit=100', { as: USERS.inspector36 });
    expect(insp.body.items.length).toBeGreaterThan(0);
    expect(insp.body.items.every((i) => i.healthCenterId === 'hc-tokushima')).toBe(true);
    expect((await api('GET', `/api/incidents?healthCenterId=${clinic.report.healthCenterId}`, { as: USERS.inspector36 })).status).toBe(403);
    const mine = await api<ListIncidentsResponse>('GET', '/api/incidents?limit=100', { as: USERS.clinic36 });
    expect(mine.body.items.every((i) => i.facilityId === clinic.report.facilityId)).toBe(true);
    const own = mine.body.items.map((i) => i.status);
    expect(own).toContain('open');
    expect(own.indexOf('closed') === -1 || own.lastIndexOf('open') < own.indexOf('closed')).toBe(true);
    expect((await api('GET', `/api/incidents/${clinic.report.incidentId}`, { as: USERS.hospitalAdmin36 })).status).toBe(404);
    expect((await api('GET', `/api/incidents/${clinic.report.incidentId}`, { as: USERS.inspector36 })).status).toBe(404);
    expect((await api('GET', `/api/incidents/${clinic.report.incidentId}`, { as: USERS.pref37 })).status).toBe(404);
    // Paging: a page of one, then the next.
    const p1 = await api<ListIncidentsResponse>('GET', '/api/incidents?limit=1', { as: USERS.pref36 });
    expect(p1.body.items).toHaveLength(1);
    expect(p1.body.nextCursor).not.toBeNull();
    const p2 = await api<ListIncidentsResponse>('GET', `/api/incidents?limit=1&cursor=${p1.body.nextCursor}`, { as: USERS.pref36 });
    expect(p2.body.items[0]?.incidentId).not.toBe(p1.body.items[0]?.incidentId);
    expect((await api('GET', '/api/incidents?cursor=bogus!', { as: USERS.pref36 })).status).toBe(400);
    // The facility closes its own with a reason.
    const closed = await api<IncidentDetail>('POST', `/api/incidents/${clinic.report.incidentId}/close`, {
      as: USERS.clinic36,
      body: { reason: '誤検知でした (広告のポップアップ)', expectedVersion: clinic.report.version },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    await settle();
  });
});
