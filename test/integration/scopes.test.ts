import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Role, type RouteId, routeList, routes } from '@mcr/contract';
import { createRepositories, type DiscrepancyFacility, discrepancyIdOf, type ReconcileFinding } from '@mcr/data';
import { bcpInitialResponseSteps, getBuiltInTemplate, type Template } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, settle, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';
import { testDb } from '../support/rows.ts';
import { asChanges, completeAnswers, nextVersionFile } from '../support/templates.ts';
import { declarationOf, pdfBytes, pngBytes, provisionedUser, TYPES, uploadFile } from '../support/uploads.ts';

/**
 * Scopes per route and per role (issue 12 item 4): every authenticated route of the table, tried by ten callers —
 * the prefecture, an inspector of the victim's 保健所 and one of another 保健所, the victim facility's administrator
 * and member, another facility's administrator, a vendor linked to the victim and one that is not, the operator and
 * another tenant's prefecture. The victim is the demo hospital f001 (徳島保健所), its people, its records and its
 * vendor 四国医療情報サービス (v-shikoku-it, under contract with f001; 阿波メディカル has none).
 *
 * The expected outcome of every cell is derived from the route table: a caller whose role the route does not list
 * is refused with 403; a caller the route lists is either one of the route's owners (`own`, intersected with the
 * route's roles) and gets the victim's data, checked for content (ids, counts, values; an empty list fails), or is
 * out of scope and gets 403/404 — or, for lists that answer with the caller's own scope (`filtered`), a 2xx with
 * nothing of the victim in it. A route without an entry here fails the suite.
 *
 * Every case builds what it needs itself: fixtures that cases only read are made once (memoised, whichever case
 * asks first), and an owner's write works on a fixture of its own, so the cases pass in any order
 * (`--sequence.shuffle`).
 */
const T36 = tokushima();
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const HOSPITAL = T36.facilities[0]!;
/** The demo clinic (f027, 阿南保健所) of clinic36: another facility, under another 保健所. */
const CLINIC = T36.facilities.find((f) => f.id === T36.users.find((u) => u.email === USERS.clinic36)!.orgId)!;
const LINKED_VENDOR = 'v-shikoku-it';
const R7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
const VR7 = getBuiltInTemplate('mhlw-vendor-r7') as Template;

// ---------------------------------------------------------------------------------------------------- callers

const WHO = ['pref', 'inspSame', 'inspOther', 'facAdmin', 'facMember', 'otherFacAdmin', 'vendorLinked', 'vendorUnlinked', 'operator', 'otherTenant'] as const;
type Who = (typeof WHO)[number];
const ROLE: Record<Who, Role> = {
  pref: 'pref_admin',
  inspSame: 'inspector',
  inspOther: 'inspector',
  facAdmin: 'facility_admin',
  facMember: 'facility_member',
  otherFacAdmin: 'facility_admin',
  vendorLinked: 'vendor_user',
  vendorUnlinked: 'vendor_user',
  operator: 'operator',
  otherTenant: 'pref_admin',
};
const EMAIL: Record<Exclude<Who, 'inspOther'>, string> = {
  pref: USERS.pref36,
  inspSame: USERS.inspector36,
  facAdmin: USERS.hospitalAdmin36,
  facMember: USERS.hospitalStaff36,
  otherFacAdmin: USERS.clinic36,
  vendorLinked: USERS.vendor2_36,
  vendorUnlinked: USERS.vendor36,
  operator: USERS.operator,
  otherTenant: USERS.pref37,
};
/** The demo has one inspector (徳島保健所): 阿南保健所's is made for this file, signed in with password and TOTP. */
const inspOtherToken = once(
  async () =>
    (
      await provisionedUser('36', {
        displayName: '阿南 検査',
        role: 'inspector',
        orgKind: 'health_center',
        orgId: 'hc-anan',
        orgName: '阿南保健所',
        healthCenterId: 'hc-anan',
      })
    ).token,
);
const authOf = async (who: Who) => (who === 'inspOther' ? { token: await inspOtherToken() } : { as: EMAIL[who] });
const tenantOf = (who: Who) => (who === 'otherTenant' ? '37' : '36');
/** The facility of a facility caller. */
const facilityOf = (who: Who) => (who === 'otherFacAdmin' ? CLINIC.id : HOSPITAL.id);

/** A response body as the checks read it: each route's shape is its own. */
// biome-ignore lint/suspicious/noExplicitAny: the checks read each route's own shape.
type Body = any;

interface Req {
  method?: string;
  path: string;
  body?: unknown;
}
async function send<T = Body>(who: Who, req: Req) {
  return api<T>(req.method ?? 'GET', req.path, { ...(await authOf(who)), body: req.body });
}
async function ok<T = Body>(who: Who, req: Req, status?: number): Promise<T> {
  const res = await send<T>(who, req);
  if (status ? res.status !== status : res.status >= 300)
    throw new Error(`${who} ${req.method ?? 'GET'} ${req.path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= make());
}
const userIdOf = async (who: Who) => (await ok<{ userId: string }>(who, { path: '/api/me' })).userId;

// ---------------------------------------------------------------------------------------------------- fixtures

const campaignBody = (ids: string[], title = 'スコープ確認') => ({
  templateId: 'mhlw-facility-r7',
  title: { ja: `令和8年度 ${title} ${stamp}` },
  fiscalYear: 2026,
  opensOn: '2026-06-01',
  deadline: '2027-03-31',
  target: { kind: 'facilities', ids },
});
async function newCampaign(ids: string[]): Promise<string> {
  const res = await createCampaign(USERS.pref36, campaignBody(ids));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.campaign.id;
}
/** f001, another facility of 徳島保健所, and the clinic of 阿南保健所: read by many cases, written only by owners' saves. */
const OTHER_TOKUSHIMA = T36.facilities.find((f) => f.id !== HOSPITAL.id && f.healthCenterId === 'hc-tokushima')!;
const SHARED_TARGET = [HOSPITAL.id, OTHER_TOKUSHIMA.id, CLINIC.id];
const sharedCampaign = once(async () => {
  const id = await newCampaign(SHARED_TARGET);
  await settle();
  return id;
});
const responsePath = (c: string, f = HOSPITAL.id) => `/api/campaigns/${c}/facilities/${f}/response`;
const responseVersion = async (c: string) => (await ok<{ version: number }>('facAdmin', { path: responsePath(c) })).version;
/** A campaign of f001 alone whose response is complete and submitted (for the review routes). */
async function submittedCampaign(): Promise<string> {
  const c = await newCampaign([HOSPITAL.id]);
  await ok('facAdmin', {
    method: 'PUT',
    path: `${responsePath(c)}/answers`,
    body: { expectedVersion: await responseVersion(c), changes: asChanges(completeAnswers(R7, true)) },
  });
  await ok('facAdmin', { method: 'POST', path: `${responsePath(c)}/submit`, body: { expectedVersion: await responseVersion(c), round: 1 } });
  return c;
}
/** A campaign of f001 and a second facility for deadlines and extensions; f001 keeps an extension. */
const lifecycleCampaign = once(async () => {
  const c = await newCampaign([HOSPITAL.id, OTHER_TOKUSHIMA.id]);
  await ok('pref', { method: 'PUT', path: `/api/campaigns/${c}/facilities/${HOSPITAL.id}/extension`, body: { expectedVersion: 0, extendedTo: '2027-04-30' } });
  return c;
});
const campaignVersion = async (c: string) => (await ok<{ version: number }>('pref', { path: `/api/campaigns/${c}` })).version;
const extensionVersion = async (c: string, facilityId: string) =>
  (await ok<{ items: { facilityId: string; version: number }[] }>('pref', { path: `/api/campaigns/${c}/extensions` })).items.find(
    (e) => e.facilityId === facilityId,
  )?.version ?? 0;

/** A vendor campaign: f001 (四国IT, PACS, 吉野川) and the clinic; 四国IT's profile answers everything. */
async function newVendorCampaign(submitted = false): Promise<string> {
  const res = await createCampaign(USERS.pref36, {
    templateId: VR7.id,
    title: { ja: `令和8年度 事業者確認 ${stamp}` },
    fiscalYear: 2026,
    opensOn: '2026-06-01',
    deadline: '2027-03-31',
    target: { kind: 'facilities', ids: [HOSPITAL.id, CLINIC.id] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const c = res.body.campaign.id;
  await settle();
  if (submitted) {
    const base = `/api/campaigns/${c}/vendors/${LINKED_VENDOR}`;
    await answerStandardProfile(c);
    const v = (await ok<{ version: number }>('vendorLinked', { path: `${base}/response` })).version;
    await ok('vendorLinked', { method: 'POST', path: `${base}/submit`, body: { expectedVersion: v, round: 1 } });
  }
  return c;
}
/** 四国IT's standard profile (carried forward into every campaign, answers unconfirmed): answered in full. */
async function answerStandardProfile(c: string): Promise<void> {
  const view = await ok<{ profiles: { id: string; version: number }[] }>('vendorLinked', { path: `${vendorBase(c)}/response` });
  const expectedVersion = view.profiles.find((p) => p.id === 'standard')?.version ?? 0;
  await ok('vendorLinked', {
    method: 'PUT',
    path: `${vendorBase(c)}/profiles/standard`,
    body: { expectedVersion, name: '標準回答', systems: [], changes: asChanges(completeAnswers(VR7, true, '2026-07-01')) },
  });
}
const vendorCampaign = once(() => newVendorCampaign());
const vendorBase = (c: string, v = LINKED_VENDOR) => `/api/campaigns/${c}/vendors/${v}`;

const incidentBody = () => ({
  description: `スコープ確認: 不審な通信 (${stamp})`,
  noticedAt: new Date(Date.now() - 3_600_000).toISOString(),
  careImpact: 'none',
});
const newIncident = async () =>
  (await ok<{ report: { incidentId: string } }>('facAdmin', { method: 'POST', path: '/api/incidents', body: incidentBody() }, 201)).report.incidentId;
const sharedIncident = once(newIncident);
const incidentVersion = async (id: string) => (await ok<{ report: { version: number } }>('facAdmin', { path: `/api/incidents/${id}` })).report.version;

const DAY = 86_400_000;
const inDays = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * DAY + 9 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+09:00`;
};
const sessionBody = (over: Record<string, unknown> = {}) => ({
  kind: 'system_admin',
  title: `スコープ確認 研修 ${stamp}`,
  description: 'scopes',
  mode: 'online',
  url: 'https://meet.example.jp/scopes',
  startsAt: inDays(40, 10),
  endsAt: inDays(40, 12),
  capacity: 100,
  registrationDeadline: inDays(35, 17),
  ...over,
});
const newSession = async () => (await ok<{ sessionId: string }>('pref', { method: 'POST', path: '/api/trainings', body: sessionBody() }, 201)).sessionId;
const register = async (who: Who, sessionId: string, name: string) =>
  (await ok<{ registrationId: string }>(who, { method: 'POST', path: `/api/trainings/${sessionId}/registrations`, body: { participantName: name } }, 201))
    .registrationId;
/** A session with a registration of f001 and one of the clinic (阿南保健所). */
const training = once(async () => {
  const sessionId = await newSession();
  const f001 = await register('facAdmin', sessionId, `鳴門 太郎 ${stamp}`);
  const clinic = await register('otherFacAdmin', sessionId, `勝浦 健 ${stamp}`);
  return { sessionId, f001, clinic };
});
/** A facility caller's own registrations on the shared session: its fixture one among them, no other facility's. */
function mineOnly(regs: { registrationId: string; facilityId: string }[], who: Who, t: { f001: string; clinic: string }) {
  expect(regs.map((r) => r.registrationId)).toContain(who === 'otherFacAdmin' ? t.clinic : t.f001);
  expect(regs.filter((r) => r.facilityId !== facilityOf(who))).toEqual([]);
}
const sessionVersion = async (id: string) => (await ok<{ version: number }>('pref', { path: `/api/trainings/${id}` })).version;

/** An inspection of f001 planned by the prefecture. */
/** In the readiness window (the next 30 days). */
const SOON = new Date(Date.now() + 9 * 3_600_000 + 10 * DAY).toISOString().slice(0, 10);
const newInspection = async () =>
  ok<{ id: string; version: number }>(
    'pref',
    { method: 'POST', path: `/api/facilities/${HOSPITAL.id}/inspections`, body: { date: SOON, status: 'planned' } },
    201,
  );
const inspection = once(newInspection);

/** f001's evidence in the shared campaign. */
const evidencePath = (c: string) => `/api/campaigns/${c}/facilities/${HOSPITAL.id}/evidence`;
/** Evidence comes grouped by cell. */
const evidenceIds = (b: Body): string[] => (b.cells as { items: { evidenceId: string }[] }[]).flatMap((c) => c.items.map((i) => i.evidenceId));
const png = () => ({ name: 'evidence.png', type: TYPES.png, bytes: pngBytes() });
const pdf = () => ({ name: 'MDS.pdf', type: TYPES.pdf, bytes: pdfBytes('scopes') });
async function newEvidence(cell = '2-4:server') {
  const c = await sharedCampaign();
  const uploadId = await uploadFile({ as: USERS.hospitalAdmin36 }, 'evidence', png());
  const e = await ok<{ evidenceId: string }>('facAdmin', { method: 'POST', path: evidencePath(c), body: { uploadId, cell } }, 201);
  return { campaignId: c, evidenceId: e.evidenceId };
}
const evidence = once(() => newEvidence());

/** A document (SDS) of 四国IT. */
const documentBody = (uploadId: string) => ({
  uploadId,
  kind: 'SDS',
  product: `スコープ確認 ${stamp} ${Math.random().toString(36).slice(2, 6)}`,
  productVersion: '1',
  issuedOn: '2026-04-01',
  jahisFormatVersion: 'Ver.3.1',
  systems: ['電子カルテ'],
});
const document = once(async () => {
  const uploadId = await uploadFile({ as: USERS.vendor2_36 }, 'vendor_document', pdf());
  return ok<{ documentId: string; version: number }>(
    'vendorLinked',
    { method: 'POST', path: `/api/vendors/${LINKED_VENDOR}/documents`, body: documentBody(uploadId) },
    201,
  );
});

/** Discrepancies of f001 with 四国IT, each under a campaign id of its own (a reconcile replaces a campaign's set). */
async function newDiscrepancy(rule: ReconcileFinding['rule'] = 'contract_disputed') {
  const campaignId = `scope-xc-${stamp}-${Math.random().toString(36).slice(2, 8)}`;
  const finding: ReconcileFinding = {
    id: `${campaignId}#${rule}#${LINKED_VENDOR}#2-3`,
    rule,
    vendorId: LINKED_VENDOR,
    vendorName: '四国医療情報サービス株式会社',
    itemId: '2-3',
    itemNumber: '2(3)',
    itemText: { ja: '項目 2(3)', en: 'Item 2(3)' },
    detail: { facility: 'yes', documents: 0 },
  };
  const facility: DiscrepancyFacility = {
    id: HOSPITAL.id,
    name: HOSPITAL.name,
    healthCenterId: HOSPITAL.healthCenterId,
    kind: HOSPITAL.kind,
    medicalAreaName: HOSPITAL.medicalAreaName,
    beds: HOSPITAL.beds,
  };
  const repos = createRepositories(testDb(), { tenantId: '36' });
  await repos.discrepancies.reconcile(facility, { id: campaignId, fiscalYear: 2026 }, [finding]);
  await settle();
  const version = (await repos.discrepancies.get(HOSPITAL.id, finding.id))?.version ?? 0;
  return { id: discrepancyIdOf(finding.id), version };
}
const discrepancy = once(() => newDiscrepancy());

/** A facility member of f001 invited by the prefecture (the victim of the user routes). */
const invite = async () =>
  (
    await ok<{ userId: string }>(
      'pref',
      {
        method: 'POST',
        path: '/api/users',
        body: {
          email: `scope-${stamp}-${Math.random().toString(36).slice(2, 7)}@f001.example.jp`,
          displayName: '招待 四郎',
          role: 'facility_member',
          orgId: HOSPITAL.id,
        },
      },
      201,
    )
  ).userId;
const invited = once(invite);

/** An export of f001's official form, made by its administrator. */
const exportJob = once(
  async () =>
    (
      await ok<{ id: string }>(
        'facAdmin',
        { method: 'POST', path: '/api/exports', body: { kind: 'facility-official', campaignId: await sharedCampaign(), facilityId: HOSPITAL.id } },
        201,
      )
    ).id,
);

const UPLOADED_TEMPLATE = `scope-${stamp}`;
const template = once(async () => {
  await ok('pref', {
    method: 'POST',
    path: '/api/templates',
    body: { fileName: `${UPLOADED_TEMPLATE}.json`, content: JSON.stringify(nextVersionFile(UPLOADED_TEMPLATE), null, 2) },
  });
  return UPLOADED_TEMPLATE;
});

/** A notification delivered to the caller (what the stream consumer writes), so that every inbox has something. */
async function deliver(who: Who): Promise<{ userId: string; notificationId: string }> {
  const userId = await userIdOf(who);
  const r = await createRepositories(testDb(), { tenantId: tenantOf(who) }).notifications.deliver({
    userId,
    eventId: `scope:${stamp}:${who}:${Math.random().toString(36).slice(2, 8)}`,
    kind: 'response_returned',
    title: { ja: 'スコープ確認', en: 'Scope check' },
    body: { ja: '本文', en: 'Body' },
    link: null,
    at: new Date().toISOString(),
  });
  if (!r.created) throw new Error('the notification existed already');
  return { userId, notificationId: r.notificationId };
}
/** The victim's (f001's member's) own notification. */
const victimNotification = once(() => deliver('facMember'));

const chartVersion = async (who: Who) => (await ok<{ chart: { version: number } | null }>(who, { path: '/api/contact-chart' })).chart?.version ?? 0;
const person = (name: string) => ({ name, title: '', phone: '088-600-0000', afterHoursPhone: '', email: '' });
const chartBody = (expectedVersion: number, director: string) => ({
  expectedVersion,
  director: person(director),
  securityOfficer: person('スコープ 責任者'),
  systemStaff: [person('スコープ 担当')],
  vendorOverrides: [],
  notes: '',
});

// ---------------------------------------------------------------------------------------------------- checks

/** A whole id in a body (not a piece of a request id). */
const idRe = (id: string) => new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
const has = (body: unknown, id: string) => idRe(id).test(JSON.stringify(body) ?? '');
const itemsOf = <T = Body>(body: unknown): T[] => {
  const items = (body as { items?: T[] }).items;
  expect(Array.isArray(items), `no items in ${JSON.stringify(body)?.slice(0, 300)}`).toBe(true);
  return items as T[];
};
const F001 = [HOSPITAL.id, HOSPITAL.name];
const HC_TOKUSHIMA = ['hc-tokushima', '徳島保健所'];

// ---------------------------------------------------------------------------------------------------- the matrix

const ALL: readonly Who[] = WHO;
const FACILITY: readonly Who[] = ['pref', 'inspSame', 'facAdmin', 'facMember'];
const FACILITY_AND_VENDOR: readonly Who[] = [...FACILITY, 'vendorLinked'];
const FACILITY_PEOPLE: readonly Who[] = ['facAdmin', 'facMember'];
const EVERY_FACILITY: readonly Who[] = ['facAdmin', 'facMember', 'otherFacAdmin'];
const PREF: readonly Who[] = ['pref'];
const VENDOR: readonly Who[] = ['pref', 'vendorLinked'];

interface Spec<F = Body> {
  /** Who reaches the victim's data (intersected with the route's roles). */
  own: readonly Who[];
  /** Of the owners, who may see the victim's markers (default: all owners). */
  victims?: readonly Who[];
  /** Callers out of scope may get a 2xx with their own scope's data: it must hold no marker of the victim. */
  filtered?: boolean;
  /** Refusal statuses for callers out of scope (default 403, 404). */
  refused?: number[];
  /** What the case needs; `owner` is true for a caller expected to succeed (writes make a fresh one then). */
  fixture?: (who: Who, owner: boolean) => Promise<F>;
  req: (who: Who, f: F) => Req | Promise<Req>;
  /** The data an owner gets (not only its status). */
  check: (body: Body, who: Who, f: F) => void | Promise<void>;
  /** What identifies the victim in a body (default: f001's id and name). */
  markers?: (f: F) => string[];
}
const spec = <F>(s: Spec<F>): Spec<F> => s;

const SPECS: Record<Exclude<RouteId, 'openapi.get' | 'calendar.feed'>, Spec> = {
  // ---- identity and own things
  'me.get': spec({
    own: ALL,
    markers: () => [],
    req: () => ({ path: '/api/me' }),
    check: (b, who) => {
      expect(b).toMatchObject({ role: ROLE[who] });
      if (who === 'operator') expect(b.tenant).toBeNull();
      else expect(b.tenant.id).toBe(tenantOf(who));
      if (who !== 'inspOther' && who !== 'operator') expect(b.email).toBe(EMAIL[who]);
    },
  }),
  'tasks.list': spec({
    own: EVERY_FACILITY,
    victims: FACILITY_PEOPLE,
    fixture: sharedCampaign,
    markers: () => F001,
    req: () => ({ path: '/api/my/tasks' }),
    check: (b, _who, c) => expect(JSON.stringify(b)).toContain(c),
  }),
  'notifications.list': spec({
    own: ALL,
    victims: ['facMember'],
    fixture: async (who) => ({ victim: await victimNotification(), mine: await deliver(who) }),
    markers: (f) => [f.victim.notificationId],
    req: () => ({ path: '/api/my/notifications?limit=100' }),
    check: (b, _who, f) => expect(itemsOf<{ notificationId: string }>(b).map((n) => n.notificationId)).toContain(f.mine.notificationId),
  }),
  'notifications.markRead': spec({
    own: ['facMember'],
    refused: [404],
    fixture: async (_who, owner) => (owner ? deliver('facMember') : victimNotification()),
    req: (_who, f) => ({ method: 'POST', path: `/api/my/notifications/${f.notificationId}/read` }),
    markers: (f) => [f.notificationId],
    check: async (_b, _who, f) => {
      const n = await createRepositories(testDb(), { tenantId: '36' }).notifications.get(f.userId, f.notificationId);
      expect(n?.readAt).toMatch(/^\d{4}-/);
    },
  }),
  'notifications.markAllRead': spec({
    own: ALL,
    victims: [],
    // The victim's unread notification is fresh: the victim's own case marks its earlier ones read.
    fixture: async (who) => ({ victim: who === 'facMember' ? undefined : await deliver('facMember'), mine: await deliver(who) }),
    markers: () => [],
    req: () => ({ method: 'POST', path: '/api/my/notifications/read' }),
    check: async (_b, who, f) => {
      const mine = await createRepositories(testDb(), { tenantId: tenantOf(who) }).notifications.get(f.mine.userId, f.mine.notificationId);
      expect(mine?.readAt).toMatch(/^\d{4}-/);
      if (f.victim)
        expect((await createRepositories(testDb(), { tenantId: '36' }).notifications.get(f.victim.userId, f.victim.notificationId))?.readAt).toBeFalsy();
    },
  }),
  'preferences.get': spec({
    own: ALL,
    markers: () => [],
    req: () => ({ path: '/api/my/preferences' }),
    check: (b) => {
      expect(['ja', 'en']).toContain(b.language);
      expect(Object.keys(b.kinds).length).toBeGreaterThan(0);
    },
  }),
  'preferences.put': spec({
    own: ALL,
    markers: () => [],
    // Saves what the caller already has (a new version): other files read these users' preferences, and a toggled
    // choice left behind looked like a leak to the isolation suite.
    req: async (who) => {
      const read = await send<{ version: number; language: 'ja' | 'en'; kinds: Record<string, boolean> }>(who, { path: '/api/my/preferences' });
      const cur = read.status === 200 ? read.body : { version: 0, language: 'ja' as const, kinds: { training_reminder: true } };
      return {
        method: 'PUT',
        path: '/api/my/preferences',
        body: { language: cur.language, kinds: { training_reminder: cur.kinds.training_reminder ?? true }, expectedVersion: cur.version },
      };
    },
    check: async (b, who) => {
      expect(['ja', 'en']).toContain(b.language);
      expect(b.version).toBeGreaterThan(0);
      expect((await ok(who, { path: '/api/my/preferences' })).version).toBe(b.version);
    },
  }),
  'uploads.create': spec({
    own: ALL,
    markers: () => [],
    req: (who) => ({
      method: 'POST',
      path: '/api/uploads',
      body: who.startsWith('vendor')
        ? declarationOf('vendor_document', pdf())
        : who === 'pref' || who === 'otherTenant'
          ? declarationOf('training_sheet', { name: 's.csv', type: 'text/csv', bytes: Buffer.from('a,b\r\n') })
          : declarationOf('evidence', png()),
    }),
    check: (b, who) => expect(b.fields.key).toMatch(new RegExp(`^quarantine/${tenantOf(who)}/up-`)),
  }),

  // ---- facilities
  'facilities.list': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    req: () => ({ path: `/api/facilities?limit=100&q=${encodeURIComponent(HOSPITAL.name.slice(0, 4))}` }),
    check: (b, who) => {
      const items = itemsOf<{ id: string; healthCenterId: string }>(b);
      expect(items.map((f) => f.id)).toContain(HOSPITAL.id);
      if (who === 'inspSame') expect(items.filter((f) => f.healthCenterId !== 'hc-tokushima')).toEqual([]);
    },
  }),
  'facilities.counts': spec({
    own: PREF,
    filtered: true,
    markers: () => HC_TOKUSHIMA,
    req: () => ({ path: '/api/facility-counts' }),
    check: (b) => {
      expect(b.total).toBeGreaterThanOrEqual(T36.facilities.length);
      expect(b.byHealthCenter['hc-tokushima']).toBeGreaterThanOrEqual(T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima').length);
    },
  }),
  'facilities.get': spec({
    own: FACILITY,
    req: () => ({ path: `/api/facilities/${HOSPITAL.id}` }),
    check: (b) => expect(b).toMatchObject({ id: HOSPITAL.id, name: HOSPITAL.name, healthCenterId: 'hc-tokushima' }),
  }),
  'healthCenters.list': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    markers: () => HC_TOKUSHIMA,
    req: () => ({ path: '/api/health-centers' }),
    check: (b, who) =>
      expect(
        itemsOf<{ id: string }>(b)
          .map((h) => h.id)
          .sort(),
      ).toEqual(who === 'pref' ? ['hc-anan', 'hc-mima', 'hc-tokushima'] : ['hc-tokushima']),
  }),
  'facilities.importPreview': spec({
    own: PREF,
    filtered: true,
    req: () => ({
      method: 'POST',
      path: '/api/facilities/import/preview',
      body: {
        rows: [
          {
            row: 2,
            name: HOSPITAL.name,
            kind: '病院',
            beds: String(HOSPITAL.beds),
            healthCenter: '徳島保健所',
            medicalArea: '東部',
            medicalInstitutionCode: HOSPITAL.medicalInstitutionCode,
            address: '',
            contactEmail: '',
          },
        ],
      },
    }),
    // The prefecture's own 医療機関コード finds f001; another tenant sending it learns nothing.
    check: (b) => expect(b.sample.map((s: { id: string | null }) => s.id)).toEqual([HOSPITAL.id]),
  }),
  'facilities.import': spec({
    own: PREF,
    refused: [400, 403, 404],
    markers: () => [HOSPITAL.name],
    req: (who) => {
      const code = who === 'pref' ? `361${String(Date.now() % 1e7).padStart(7, '0')}` : HOSPITAL.medicalInstitutionCode;
      const row = {
        row: 2,
        name: `スコープ確認診療所 ${stamp}`,
        kind: '診療所',
        beds: '0',
        healthCenter: '阿南保健所',
        medicalArea: '南部',
        medicalInstitutionCode: code,
        address: '',
        contactEmail: '',
      };
      return { method: 'POST', path: '/api/facilities/import', body: { rows: [row] } };
    },
    check: (b) => expect(b).toMatchObject({ created: 1 }),
  }),

  // ---- campaigns, dashboards, responses
  'campaigns.list': spec({
    own: ['pref', 'inspSame', 'inspOther'],
    filtered: true,
    fixture: sharedCampaign,
    markers: (c) => [c],
    req: () => ({ path: '/api/campaigns' }),
    check: (b, _who, c) => expect(itemsOf<{ id: string }>(b).map((x) => x.id)).toContain(c),
  }),
  'campaigns.get': spec({
    own: ['pref', 'inspSame', 'inspOther'],
    fixture: sharedCampaign,
    markers: (c) => [c],
    req: (_who, c) => ({ path: `/api/campaigns/${c}` }),
    check: (b, _who, c) => expect(b).toMatchObject({ id: c, creation: { status: 'done', total: SHARED_TARGET.length } }),
  }),
  'campaigns.progress': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    fixture: sharedCampaign,
    req: (_who, c) => ({ path: `/api/campaigns/${c}/progress` }),
    check: (b, who, c) => expect(b).toMatchObject({ campaign: { id: c }, totals: { facilities: who === 'pref' ? 3 : 2 } }),
  }),
  'dashboard.get': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    fixture: sharedCampaign,
    markers: () => HC_TOKUSHIMA,
    req: (_who, c) => ({ path: `/api/campaigns/${c}/dashboard` }),
    check: (b, who) => {
      expect(b.summary.facilities).toBe(who === 'pref' ? 3 : 2);
      expect(b.breakdowns.healthCenters.map((h: { value: string }) => h.value).sort()).toEqual(who === 'pref' ? ['hc-anan', 'hc-tokushima'] : ['hc-tokushima']);
    },
  }),
  'dashboard.heatmap': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    fixture: sharedCampaign,
    markers: () => HC_TOKUSHIMA,
    req: (_who, c) => ({ path: `/api/campaigns/${c}/dashboard/items?by=hc` }),
    check: (b, who) => expect(b.columns.map((x: { value: string }) => x.value).sort()).toEqual(who === 'pref' ? ['hc-anan', 'hc-tokushima'] : ['hc-tokushima']),
  }),
  'dashboard.verify': spec({
    own: PREF,
    fixture: sharedCampaign,
    req: (_who, c) => ({ method: 'POST', path: `/api/campaigns/${c}/read-models/verify`, body: { repair: false } }),
    check: (b) => expect(b.responses).toBe(SHARED_TARGET.length),
  }),
  'campaigns.rows': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    fixture: sharedCampaign,
    req: (_who, c) => ({ path: `/api/campaigns/${c}/rows?limit=200` }),
    check: (b, who) => {
      const ids =
        JSON.stringify(b)
          .match(/"f\d{3}"/g)
          ?.map((s) => s.slice(1, -1)) ?? [];
      expect([...new Set(ids)].sort()).toEqual(who === 'pref' ? [...SHARED_TARGET].sort() : [HOSPITAL.id, OTHER_TOKUSHIMA.id].sort());
    },
  }),
  'responses.get': spec({
    own: FACILITY,
    fixture: sharedCampaign,
    req: (_who, c) => ({ path: responsePath(c) }),
    check: (b, _who, c) =>
      expect(b).toMatchObject({ campaign: { id: c }, facility: { id: HOSPITAL.id, name: HOSPITAL.name }, context: { hasVendorContract: true } }),
  }),
  'responses.saveAnswers': spec({
    own: FACILITY_PEOPLE,
    fixture: sharedCampaign,
    req: async (who, c) => ({
      method: 'PUT',
      path: `${responsePath(c)}/answers`,
      body: {
        expectedVersion: FACILITY_PEOPLE.includes(who) ? await responseVersion(c) : 1,
        changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: '2026-07-01' } }],
      },
    }),
    check: (b) => {
      expect(b.version).toBeGreaterThan(0);
      expect(JSON.stringify(b)).toContain('2026-07-01');
    },
  }),
  'responses.submit': spec({
    own: ['facAdmin'],
    fixture: async (_who, owner) => {
      if (!owner) return sharedCampaign();
      const c = await newCampaign([HOSPITAL.id]);
      await ok('facAdmin', {
        method: 'PUT',
        path: `${responsePath(c)}/answers`,
        body: { expectedVersion: await responseVersion(c), changes: asChanges(completeAnswers(R7, true)) },
      });
      return c;
    },
    req: async (who, c) => ({
      method: 'POST',
      path: `${responsePath(c)}/submit`,
      body: { expectedVersion: who === 'facAdmin' ? await responseVersion(c) : 1, round: 1 },
    }),
    check: (b) => expect(b).toMatchObject({ status: 'submitted' }),
  }),
  'responses.confirm': spec({
    own: PREF,
    fixture: async (_who, owner) => (owner ? submittedCampaign() : sharedCampaign()),
    req: async (who, c) => ({ method: 'POST', path: `${responsePath(c)}/confirm`, body: { expectedVersion: who === 'pref' ? await responseVersion(c) : 1 } }),
    check: (b) => expect(b).toMatchObject({ status: 'confirmed' }),
  }),
  'responses.return': spec({
    own: PREF,
    fixture: async (_who, owner) => (owner ? submittedCampaign() : sharedCampaign()),
    req: async (who, c) => ({
      method: 'POST',
      path: `${responsePath(c)}/return`,
      body: { expectedVersion: who === 'pref' ? await responseVersion(c) : 1, message: '2(4) をご確認ください' },
    }),
    check: (b) => expect(b).toMatchObject({ status: 'returned' }),
  }),
  'campaigns.create': spec({
    own: PREF,
    refused: [400, 403, 404],
    req: () => ({ method: 'POST', path: '/api/campaigns', body: campaignBody([HOSPITAL.id], '作成') }),
    check: (b) => expect(b).toMatchObject({ facilities: 1, campaign: { creation: { total: 1 } } }),
  }),
  'campaigns.retryCreation': spec({
    own: PREF,
    fixture: async (_who, owner) => {
      const c = owner ? await newCampaign([HOSPITAL.id]) : await sharedCampaign();
      if (owner)
        await testDb().doc.send(
          new UpdateCommand({
            TableName: testDb().tableName,
            Key: { PK: `T#36#CAMP#${c}`, SK: 'META' },
            UpdateExpression: 'SET creation.#s = :failed, creation.#p = :zero',
            ExpressionAttributeNames: { '#s': 'status', '#p': 'processed' },
            ExpressionAttributeValues: { ':failed': 'failed', ':zero': 0 },
          }),
        );
      return c;
    },
    req: (_who, c) => ({ method: 'POST', path: `/api/campaigns/${c}/creation/retry` }),
    check: (b, _who, c) => expect(b).toMatchObject({ id: c, creation: { total: 1 } }),
  }),
  'campaigns.updateDeadlines': spec({
    own: PREF,
    fixture: lifecycleCampaign,
    req: async (who, c) => ({
      method: 'PUT',
      path: `/api/campaigns/${c}/deadlines`,
      body: { expectedVersion: who === 'pref' ? await campaignVersion(c) : 1, deadline: '2027-03-15', roundDeadlines: {} },
    }),
    check: (b, _who, c) => expect(b).toMatchObject({ id: c, deadline: '2027-03-15' }),
  }),
  'campaigns.setStatus': spec({
    own: PREF,
    fixture: async (_who, owner) => (owner ? newCampaign([HOSPITAL.id]) : lifecycleCampaign()),
    req: async (who, c) => ({
      method: 'PUT',
      path: `/api/campaigns/${c}/status`,
      body: { expectedVersion: who === 'pref' ? await campaignVersion(c) : 1, status: 'closed' },
    }),
    check: (b, _who, c) => expect(b).toMatchObject({ id: c, status: 'closed' }),
  }),
  'campaigns.extensions': spec({
    own: PREF,
    fixture: lifecycleCampaign,
    req: (_who, c) => ({ path: `/api/campaigns/${c}/extensions` }),
    check: (b) => expect(itemsOf<{ facilityId: string }>(b).map((e) => e.facilityId)).toContain(HOSPITAL.id),
  }),
  'campaigns.extend': spec({
    own: PREF,
    fixture: lifecycleCampaign,
    req: async (who, c) => ({
      method: 'PUT',
      path: `/api/campaigns/${c}/facilities/${HOSPITAL.id}/extension`,
      body: { expectedVersion: who === 'pref' ? await extensionVersion(c, HOSPITAL.id) : 1, extendedTo: '2027-05-31' },
    }),
    check: (b) => expect(b).toMatchObject({ facilityId: HOSPITAL.id, extendedTo: '2027-05-31' }),
  }),
  'campaigns.removeExtension': spec({
    own: PREF,
    fixture: async (_who, owner) => {
      const c = owner ? await newCampaign([HOSPITAL.id]) : await lifecycleCampaign();
      if (owner)
        await ok('pref', {
          method: 'PUT',
          path: `/api/campaigns/${c}/facilities/${HOSPITAL.id}/extension`,
          body: { expectedVersion: 0, extendedTo: '2027-04-30' },
        });
      return c;
    },
    req: async (who, c) => ({
      method: 'DELETE',
      path: `/api/campaigns/${c}/facilities/${HOSPITAL.id}/extension?expectedVersion=${who === 'pref' ? await extensionVersion(c, HOSPITAL.id) : 1}`,
    }),
    check: async (_b, _who, c) => expect(await extensionVersion(c, HOSPITAL.id)).toBe(0),
  }),

  // ---- templates, audit, exports
  'templates.list': spec({
    own: PREF,
    filtered: true,
    fixture: template,
    markers: (t) => [t],
    req: () => ({ path: '/api/templates' }),
    check: (b, _who, t) => expect(itemsOf<{ id: string }>(b).map((x) => x.id)).toEqual(expect.arrayContaining(['mhlw-facility-r7', 'mhlw-vendor-r7', t])),
  }),
  'templates.get': spec({
    own: PREF,
    fixture: template,
    markers: (t) => [t],
    req: (_who, t) => ({ path: `/api/templates/${t}` }),
    check: (b, _who, t) => expect(b.summary).toMatchObject({ id: t }),
  }),
  'templates.upload': spec({
    own: PREF,
    filtered: true,
    markers: () => [],
    req: () => {
      const id = `scope-up-${stamp}-${Math.random().toString(36).slice(2, 7)}`;
      return { method: 'POST', path: '/api/templates', body: { fileName: `${id}.json`, content: JSON.stringify(nextVersionFile(id), null, 2) } };
    },
    check: (b) => expect(b.id).toMatch(/^scope-up-/),
  }),
  'audit.list': spec({
    own: ['pref', 'facAdmin'],
    filtered: true,
    // f001's report: its administrator and the prefecture see the entry; the clinic and tenant 37 do not.
    fixture: sharedIncident,
    markers: (i) => [`incident/${i}`, ...F001],
    req: () => ({ path: '/api/audit?limit=200' }),
    check: (b, who, i) => {
      const items = itemsOf<{ target: string; action: string; actor: { orgId: string } }>(b);
      expect(items.filter((e) => e.target === `incident/${i}`).map((e) => e.action)).toContain('incident.report');
      if (who === 'facAdmin') expect(items.filter((e) => e.actor.orgId === CLINIC.id || has(e, CLINIC.id))).toEqual([]);
      else expect(new Set(items.map((e) => e.actor.orgId)).size).toBeGreaterThan(1);
    },
  }),
  'exports.create': spec({
    own: FACILITY,
    fixture: sharedCampaign,
    req: (_who, c) => ({ method: 'POST', path: '/api/exports', body: { kind: 'facility-official', campaignId: c, facilityId: HOSPITAL.id } }),
    check: (b) => expect(b).toMatchObject({ kind: 'facility-official', progress: { total: 1 } }),
  }),
  'exports.get': spec({
    own: ['facAdmin'],
    fixture: exportJob,
    markers: (j) => [j],
    req: (_who, j) => ({ path: `/api/exports/${j}` }),
    check: (b, _who, j) => expect(b).toMatchObject({ id: j, kind: 'facility-official' }),
  }),

  // ---- vendors, contracts
  'vendors.list': spec({
    own: PREF,
    filtered: true,
    markers: () => [LINKED_VENDOR],
    req: () => ({ path: '/api/vendors' }),
    check: (b) => expect(itemsOf<{ id: string }>(b).map((v) => v.id)).toEqual(expect.arrayContaining(T36.vendors.map((v) => v.id))),
  }),
  'vendors.create': spec({
    own: PREF,
    filtered: true,
    markers: () => [],
    req: () => ({ method: 'POST', path: '/api/vendors', body: { name: `スコープ確認株式会社 ${stamp}`, contactEmail: 'scope@example.jp' } }),
    check: async (b) => {
      expect(b.name).toBe(`スコープ確認株式会社 ${stamp}`);
      expect(itemsOf<{ id: string }>(await ok('pref', { path: '/api/vendors' })).map((v) => v.id)).toContain(b.id);
    },
  }),
  'vendors.get': spec({
    own: ['pref', 'inspSame', 'inspOther', 'vendorLinked'],
    markers: () => [LINKED_VENDOR],
    req: () => ({ path: `/api/vendors/${LINKED_VENDOR}` }),
    check: (b) => {
      expect(b.id).toBe(LINKED_VENDOR);
      expect(b.facilityCount).toBeGreaterThanOrEqual(T36.contracts.filter((c) => c.vendorId === LINKED_VENDOR).length);
    },
  }),
  'vendors.facilities': spec({
    own: VENDOR,
    markers: () => [LINKED_VENDOR, ...F001],
    req: () => ({ path: `/api/vendors/${LINKED_VENDOR}/facilities?limit=200` }),
    check: (b) => {
      const ids = itemsOf<{ id: string }>(b).map((f) => f.id);
      expect(ids).toEqual(expect.arrayContaining(T36.contracts.filter((c) => c.vendorId === LINKED_VENDOR).map((c) => c.facilityId)));
      expect(ids).not.toContain(CLINIC.id);
    },
  }),
  'vendors.campaigns': spec({
    own: VENDOR,
    fixture: vendorCampaign,
    markers: (c) => [c],
    req: () => ({ path: `/api/vendors/${LINKED_VENDOR}/campaigns` }),
    check: (b, _who, c) => expect(itemsOf<{ campaign: { id: string } }>(b).map((i) => i.campaign.id)).toContain(c),
  }),
  'contracts.list': spec({
    own: FACILITY,
    req: () => ({ path: `/api/facilities/${HOSPITAL.id}/contracts` }),
    check: (b) =>
      expect(itemsOf<{ vendorId: string }>(b).map((c) => c.vendorId)).toEqual(
        expect.arrayContaining(T36.contracts.filter((c) => c.facilityId === HOSPITAL.id).map((c) => c.vendorId)),
      ),
  }),
  // Written on f001 with a vendor it has no contract with, and taken back in the same case.
  'contracts.put': spec({
    own: PREF,
    req: () => ({
      method: 'PUT',
      path: `/api/facilities/${HOSPITAL.id}/contracts/v-dental-cloud`,
      body: { systems: ['その他'], remoteMaintenance: false },
    }),
    check: async (b) => {
      expect(b).toMatchObject({ facilityId: HOSPITAL.id, vendorId: 'v-dental-cloud', systems: ['その他'] });
      await ok('pref', { method: 'DELETE', path: `/api/facilities/${HOSPITAL.id}/contracts/v-dental-cloud` });
    },
  }),
  'contracts.delete': spec({
    own: PREF,
    fixture: async (_who, owner) => {
      if (owner)
        await ok('pref', {
          method: 'PUT',
          path: `/api/facilities/${HOSPITAL.id}/contracts/v-naruto-soft`,
          body: { systems: ['レセコン'], remoteMaintenance: false },
        });
    },
    req: (who) => ({ method: 'DELETE', path: `/api/facilities/${HOSPITAL.id}/contracts/${who === 'pref' ? 'v-naruto-soft' : LINKED_VENDOR}` }),
    check: async () =>
      expect(itemsOf<{ vendorId: string }>(await ok('pref', { path: `/api/facilities/${HOSPITAL.id}/contracts` })).map((c) => c.vendorId)).not.toContain(
        'v-naruto-soft',
      ),
  }),

  // ---- users and tenants
  'users.list': spec({
    own: ['pref', 'facAdmin'],
    filtered: true,
    markers: () => [USERS.hospitalAdmin36, USERS.hospitalStaff36],
    req: () => ({ path: '/api/users?limit=100' }),
    check: (b, who) => {
      const emails = itemsOf<{ email: string }>(b).map((u) => u.email);
      expect(emails).toEqual(
        expect.arrayContaining(who === 'pref' ? [USERS.inspector36, USERS.hospitalStaff36] : [USERS.hospitalAdmin36, USERS.hospitalStaff36]),
      );
      if (who === 'facAdmin') expect(emails).not.toContain(USERS.clinic36);
    },
  }),
  'users.invite': spec({
    own: ['pref', 'facAdmin'],
    refused: [400, 403, 404],
    markers: () => [],
    req: () => ({
      method: 'POST',
      path: '/api/users',
      body: {
        email: `scope-inv-${stamp}-${Math.random().toString(36).slice(2, 7)}@f001.example.jp`,
        displayName: '招待 五郎',
        role: 'facility_member',
        orgId: HOSPITAL.id,
      },
    }),
    check: (b) => expect(b).toMatchObject({ role: 'facility_member', orgId: HOSPITAL.id, status: 'active' }),
  }),
  'users.update': spec({
    own: ['pref', 'facAdmin'],
    fixture: async (_who, owner) => (owner ? invite() : invited()),
    markers: (u) => [u],
    req: (_who, u) => ({ method: 'PATCH', path: `/api/users/${u}`, body: { status: 'disabled' } }),
    check: (b, _who, u) => expect(b).toMatchObject({ userId: u, status: 'disabled' }),
  }),
  'users.resendInvite': spec({
    own: ['pref', 'facAdmin'],
    fixture: async (_who, owner) => (owner ? invite() : invited()),
    markers: (u) => [u],
    req: (_who, u) => ({ method: 'POST', path: `/api/users/${u}/invitation` }),
    check: (b, _who, u) => expect(JSON.stringify(b)).toContain(u),
  }),
  'tenants.list': spec({
    own: ['operator'],
    markers: () => [],
    req: () => ({ path: '/api/tenants' }),
    check: (b) => expect(itemsOf<{ tenantId: string }>(b).map((t) => t.tenantId)).toEqual(expect.arrayContaining(['36', '37'])),
  }),
  'tenants.create': spec({
    own: ['operator'],
    markers: () => [],
    // A prefecture no other test file creates (they use 13–15, 27, 31–33, 40–46); the next one if this stack has it.
    fixture: async (who) => {
      const taken = who === 'operator' ? itemsOf<{ tenantId: string }>(await ok('operator', { path: '/api/tenants' })).map((t) => t.tenantId) : [];
      return NEW_TENANTS.find(([id]) => !taken.includes(id)) ?? NEW_TENANTS[0]!;
    },
    req: (_who, [tenantId, name, nameEn]) => ({
      method: 'POST',
      path: '/api/tenants',
      body: { tenantId, name, nameEn, admins: [{ email: `admin-${stamp}-${tenantId}@pref.example.jp`, displayName: '管理 一郎' }] },
    }),
    check: async (b, _who, [tenantId, name]) => {
      expect(b.tenant ?? b).toMatchObject({ name });
      expect(itemsOf<{ tenantId: string }>(await ok('operator', { path: '/api/tenants' })).map((t) => t.tenantId)).toContain(tenantId);
    },
  }),

  // ---- inspections
  'inspections.list': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    fixture: inspection,
    markers: (i) => [...F001, i.id],
    req: () => ({ path: `/api/inspections?from=${SOON}&to=${SOON}` }),
    check: (b, who, i) => {
      const items = itemsOf<{ id: string; healthCenterId: string }>(b);
      expect(items.map((x) => x.id)).toContain(i.id);
      if (who === 'inspSame') expect(items.filter((x) => x.healthCenterId !== 'hc-tokushima')).toEqual([]);
    },
  }),
  'inspections.readiness': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    fixture: inspection,
    markers: (i) => [...F001, i.id],
    req: () => ({ path: '/api/inspections/readiness' }),
    check: (b, who, i) => {
      const items = itemsOf<{ inspection: { id: string; healthCenterId: string } }>(b);
      expect(items.map((x) => x.inspection.id)).toContain(i.id);
      if (who === 'inspSame') expect(items.filter((x) => x.inspection.healthCenterId !== 'hc-tokushima')).toEqual([]);
    },
  }),
  'inspections.listOfFacility': spec({
    own: FACILITY,
    fixture: inspection,
    req: () => ({ path: `/api/facilities/${HOSPITAL.id}/inspections` }),
    check: (b, _who, i) => {
      const items = itemsOf<{ id: string; facilityId: string }>(b);
      expect(items.map((x) => x.id)).toContain(i.id);
      expect(items.every((x) => x.facilityId === HOSPITAL.id)).toBe(true);
    },
  }),
  'inspections.create': spec({
    own: ['pref', 'inspSame'],
    req: () => ({ method: 'POST', path: `/api/facilities/${HOSPITAL.id}/inspections`, body: { date: '2027-02-17', status: 'planned' } }),
    check: (b) => expect(b).toMatchObject({ facilityId: HOSPITAL.id, healthCenterId: 'hc-tokushima', date: '2027-02-17', status: 'planned', version: 1 }),
  }),
  'inspections.update': spec({
    own: ['pref', 'inspSame'],
    fixture: async (_who, owner) => (owner ? newInspection() : inspection()),
    req: (_who, i) => ({
      method: 'PUT',
      path: `/api/facilities/${HOSPITAL.id}/inspections/${i.id}`,
      body: { date: '2027-01-28', status: 'planned', expectedVersion: i.version },
    }),
    check: (b, _who, i) => expect(b).toMatchObject({ id: i.id, date: '2027-01-28', version: i.version + 1 }),
  }),

  // ---- vendor form
  'vendorResponses.get': spec({
    own: VENDOR,
    fixture: vendorCampaign,
    markers: () => [LINKED_VENDOR],
    req: (_who, c) => ({ path: `${vendorBase(c)}/response` }),
    check: (b, _who, c) => expect(b).toMatchObject({ vendor: { id: LINKED_VENDOR }, campaign: { id: c } }),
  }),
  'vendorResponses.saveProfile': spec({
    own: ['vendorLinked'],
    fixture: vendorCampaign,
    markers: () => [],
    req: (_who, c) => ({
      method: 'PUT',
      path: `${vendorBase(c)}/profiles/p-${Math.random().toString(36).slice(2, 8)}`,
      body: {
        expectedVersion: 0,
        name: 'スコープ確認',
        systems: [],
        changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: '2026-07-01' } }],
      },
    }),
    check: (b) => expect(JSON.stringify(b)).toContain('スコープ確認'),
  }),
  'vendorResponses.deleteProfile': spec({
    own: ['vendorLinked'],
    fixture: async (_who, owner) => {
      const c = await vendorCampaign();
      const profile = `d-${Math.random().toString(36).slice(2, 8)}`;
      if (owner)
        await ok('vendorLinked', {
          method: 'PUT',
          path: `${vendorBase(c)}/profiles/${profile}`,
          body: { expectedVersion: 0, name: '予備', systems: [], changes: [] },
        });
      return { c, profile };
    },
    markers: () => [],
    req: (_who, f) => ({ method: 'DELETE', path: `${vendorBase(f.c)}/profiles/${f.profile}?expectedVersion=1` }),
    check: async (_b, _who, f) =>
      expect((await ok<{ profiles: { id: string }[] }>('vendorLinked', { path: `${vendorBase(f.c)}/response` })).profiles.map((p) => p.id)).not.toContain(
        f.profile,
      ),
  }),
  'vendorResponses.facilities': spec({
    own: VENDOR,
    fixture: vendorCampaign,
    req: (_who, c) => ({ path: `${vendorBase(c)}/facilities` }),
    check: (b) => expect(itemsOf<{ facilityId: string }>(b).map((i) => i.facilityId)).toEqual([HOSPITAL.id]),
  }),
  'vendorResponses.getFacility': spec({
    own: FACILITY_AND_VENDOR,
    fixture: vendorCampaign,
    req: (_who, c) => ({ path: `${vendorBase(c)}/facilities/${HOSPITAL.id}` }),
    check: (b) => expect(b).toMatchObject({ facility: { id: HOSPITAL.id } }),
  }),
  'vendorResponses.saveFacility': spec({
    own: ['vendorLinked'],
    fixture: vendorCampaign,
    req: async (who, c) => ({
      method: 'PUT',
      path: `${vendorBase(c)}/facilities/${HOSPITAL.id}`,
      body: {
        expectedVersion:
          who === 'vendorLinked' ? ((await ok<{ version?: number }>('vendorLinked', { path: `${vendorBase(c)}/facilities/${HOSPITAL.id}` })).version ?? 1) : 1,
        changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: '2026-07-02' } }],
      },
    }),
    check: (b) => expect(JSON.stringify(b)).toContain('2026-07-02'),
  }),
  'vendorResponses.submit': spec({
    own: ['vendorLinked'],
    fixture: async (_who, owner) => {
      const c = owner ? await newVendorCampaign() : await vendorCampaign();
      if (owner) await answerStandardProfile(c);
      return c;
    },
    markers: () => [],
    req: async (who, c) => ({
      method: 'POST',
      path: `${vendorBase(c)}/submit`,
      body: {
        expectedVersion: who === 'vendorLinked' ? (await ok<{ version: number }>('vendorLinked', { path: `${vendorBase(c)}/response` })).version : 1,
        round: 1,
      },
    }),
    check: (b) => expect(b).toMatchObject({ status: 'submitted', vendor: { id: LINKED_VENDOR } }),
  }),
  'vendorResponses.return': spec({
    own: PREF,
    fixture: async (_who, owner) => (owner ? newVendorCampaign(true) : vendorCampaign()),
    req: async (who, c) => ({
      method: 'POST',
      path: `${vendorBase(c)}/return`,
      body: {
        expectedVersion: who === 'pref' ? (await ok<{ version: number }>('pref', { path: `${vendorBase(c)}/response` })).version : 1,
        message: 'ご確認ください',
      },
    }),
    check: (b) => expect(b).toMatchObject({ status: 'returned', vendor: { id: LINKED_VENDOR } }),
  }),
  'vendorResponses.confirm': spec({
    own: PREF,
    fixture: async (_who, owner) => (owner ? newVendorCampaign(true) : vendorCampaign()),
    req: async (who, c) => ({
      method: 'POST',
      path: `${vendorBase(c)}/confirm`,
      body: { expectedVersion: who === 'pref' ? (await ok<{ version: number }>('pref', { path: `${vendorBase(c)}/response` })).version : 1 },
    }),
    check: (b) => expect(b).toMatchObject({ status: 'confirmed', vendor: { id: LINKED_VENDOR } }),
  }),
  'campaigns.vendors': spec({
    own: PREF,
    fixture: vendorCampaign,
    markers: () => [LINKED_VENDOR],
    req: (_who, c) => ({ path: `/api/campaigns/${c}/vendors` }),
    check: (b) => expect(itemsOf<{ vendorId: string }>(b).map((i) => i.vendorId)).toContain(LINKED_VENDOR),
  }),
  'facilities.vendorAnswers': spec({
    own: FACILITY,
    fixture: vendorCampaign,
    req: () => ({ path: `/api/facilities/${HOSPITAL.id}/vendor-answers?templateId=mhlw-facility-r7` }),
    check: (b, _who, c) =>
      expect(
        itemsOf<{ vendorId: string; campaignId: string }>(b)
          .filter((i) => i.campaignId === c)
          .map((i) => i.vendorId)
          .sort(),
      ).toEqual(
        T36.contracts
          .filter((x) => x.facilityId === HOSPITAL.id)
          .map((x) => x.vendorId)
          .sort(),
      ),
  }),

  // ---- files
  'documents.create': spec({
    own: ['vendorLinked'],
    refused: [400, 403, 404],
    markers: () => [],
    req: async (who) => ({
      method: 'POST',
      path: `/api/vendors/${LINKED_VENDOR}/documents`,
      body: documentBody(await uploadFile(await authOf(who === 'vendorLinked' || who === 'vendorUnlinked' ? who : 'vendorLinked'), 'vendor_document', pdf())),
    }),
    check: (b) => expect(b).toMatchObject({ vendorId: LINKED_VENDOR, kind: 'SDS', current: true }),
  }),
  'documents.list': spec({
    own: ['pref', 'inspSame', 'inspOther', 'vendorLinked'],
    fixture: document,
    markers: (d) => [d.documentId],
    req: () => ({ path: `/api/vendors/${LINKED_VENDOR}/documents` }),
    check: (b, _who, d) => expect(itemsOf<{ documentId: string }>(b).map((g) => g.documentId)).toContain(d.documentId),
  }),
  'documents.link': spec({
    own: ['pref', 'inspSame', 'inspOther', 'vendorLinked', 'facAdmin', 'facMember'],
    fixture: document,
    markers: (d) => [d.documentId],
    req: (_who, d) => ({ path: `/api/vendors/${LINKED_VENDOR}/documents/${d.documentId}/versions/${d.version}/link` }),
    check: (b) => expect(new URL(b.url).pathname).toContain('/files/36/'),
  }),
  'facilities.documents': spec({
    own: FACILITY,
    fixture: document,
    req: () => ({ path: `/api/facilities/${HOSPITAL.id}/documents` }),
    check: (b, _who, d) => {
      expect(itemsOf<{ vendorId: string }>(b).map((i) => i.vendorId)).toContain(LINKED_VENDOR);
      expect(JSON.stringify(b)).toContain(d.documentId);
    },
  }),
  'documents.missing': spec({
    own: PREF,
    filtered: true,
    markers: () => T36.vendors.map((v) => v.id),
    req: () => ({ path: '/api/vendor-documents/missing' }),
    check: (b) => expect(itemsOf<{ vendorId: string }>(b).length).toBeGreaterThan(0),
  }),
  'evidence.create': spec({
    own: FACILITY_PEOPLE,
    fixture: sharedCampaign,
    markers: () => [HOSPITAL.name],
    req: async (who, c) => ({
      method: 'POST',
      path: evidencePath(c),
      body: {
        uploadId: await uploadFile(await authOf(['facAdmin', 'facMember', 'otherFacAdmin'].includes(who) ? who : 'facAdmin'), 'evidence', png()),
        cell: '2-4:client',
      },
    }),
    check: (b) => expect(b).toMatchObject({ facilityId: HOSPITAL.id, cell: '2-4:client' }),
  }),
  'evidence.list': spec({
    own: FACILITY,
    fixture: evidence,
    markers: (e) => [...F001, e.evidenceId],
    req: (_who, e) => ({ path: evidencePath(e.campaignId) }),
    check: (b, _who, e) => {
      expect(evidenceIds(b)).toContain(e.evidenceId);
      expect(
        JSON.stringify(b)
          .match(/"facilityId":"(\w+)"/g)
          ?.every((m) => m.includes(HOSPITAL.id)),
      ).toBe(true);
    },
  }),
  'evidence.remove': spec({
    own: FACILITY_PEOPLE,
    fixture: async (_who, owner) => (owner ? newEvidence('2-5:server') : evidence()),
    markers: (e) => [e.evidenceId],
    req: (_who, e) => ({ method: 'DELETE', path: `${evidencePath(e.campaignId)}/${e.evidenceId}` }),
    check: async (_b, _who, e) => expect(evidenceIds(await ok('facAdmin', { path: evidencePath(e.campaignId) }))).not.toContain(e.evidenceId),
  }),
  'evidence.link': spec({
    own: FACILITY,
    fixture: evidence,
    markers: (e) => [e.evidenceId],
    req: (_who, e) => ({ path: `${evidencePath(e.campaignId)}/${e.evidenceId}/link` }),
    check: (b) => expect(new URL(b.url).pathname).toContain('/files/36/'),
  }),

  // ---- cross-checks
  'discrepancies.ofFacility': spec({
    own: FACILITY,
    fixture: discrepancy,
    req: () => ({ path: `/api/facilities/${HOSPITAL.id}/discrepancies` }),
    check: (b, _who, d) => {
      const items = itemsOf<{ id: string; facilityId: string }>(b);
      expect(items.map((x) => x.id)).toContain(d.id);
      expect(items.every((x) => x.facilityId === HOSPITAL.id)).toBe(true);
    },
  }),
  'discrepancies.ofVendor': spec({
    own: VENDOR,
    filtered: true,
    fixture: discrepancy,
    markers: (d) => [d.id, LINKED_VENDOR],
    req: () => ({ path: `/api/vendors/${LINKED_VENDOR}/discrepancies` }),
    check: (b, _who, d) => {
      const items = itemsOf<{ id: string; vendorId: string }>(b);
      expect(items.map((x) => x.id)).toContain(d.id);
      expect(items.every((x) => x.vendorId === LINKED_VENDOR)).toBe(true);
    },
  }),
  'discrepancies.list': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    fixture: discrepancy,
    markers: (d) => [...F001, d.id],
    req: () => ({ path: '/api/discrepancies?rule=contract_disputed&limit=100' }),
    check: (b, who, d) => {
      const items = itemsOf<{ id: string; healthCenterId: string }>(b);
      expect(items.map((x) => x.id)).toContain(d.id);
      if (who === 'inspSame') expect(items.filter((x) => x.healthCenterId !== 'hc-tokushima')).toEqual([]);
    },
  }),
  'discrepancies.explain': spec({
    own: ['facAdmin', 'facMember', 'vendorLinked'],
    fixture: async (_who, owner) => (owner ? newDiscrepancy('disclosure_missing') : discrepancy()),
    markers: (d) => [d.id],
    req: (_who, d) => ({
      method: 'POST',
      path: `/api/facilities/${HOSPITAL.id}/discrepancies/${d.id}/explanations`,
      body: { expectedVersion: d.version, text: 'スコープ確認の説明' },
    }),
    check: (b, _who, d) => expect(b).toMatchObject({ id: d.id, state: 'explained', facilityId: HOSPITAL.id }),
  }),
  'discrepancies.resolve': spec({
    own: PREF,
    fixture: async (_who, owner) => (owner ? newDiscrepancy() : discrepancy()),
    markers: (d) => [d.id],
    req: (_who, d) => ({
      method: 'POST',
      path: `/api/facilities/${HOSPITAL.id}/discrepancies/${d.id}/resolve`,
      body: { expectedVersion: d.version, text: 'スコープ確認: 解決' },
    }),
    check: (b, _who, d) => expect(b).toMatchObject({ id: d.id, state: 'resolved', facilityId: HOSPITAL.id }),
  }),

  // ---- trainings
  'trainings.list': spec({
    own: ['pref', 'inspSame', 'inspOther', 'facAdmin', 'facMember', 'otherFacAdmin'],
    victims: ['pref', 'inspSame', 'facAdmin', 'facMember'],
    filtered: true,
    fixture: training,
    markers: (t) => [t.f001],
    req: () => ({ path: '/api/trainings?limit=100' }),
    check: (b, who, t) => {
      const items = itemsOf<{ sessionId: string; myRegistrations?: { registrationId: string; facilityId: string }[] }>(b);
      const session = items.find((s) => s.sessionId === t.sessionId);
      expect(session, 'the session is listed').toBeDefined();
      if (EVERY_FACILITY.includes(who)) mineOnly(session?.myRegistrations ?? [], who, t);
    },
  }),
  'trainings.create': spec({
    own: PREF,
    filtered: true,
    markers: () => [],
    req: () => ({ method: 'POST', path: '/api/trainings', body: sessionBody({ title: `スコープ確認 作成 ${stamp}` }) }),
    check: (b) => expect(b).toMatchObject({ title: `スコープ確認 作成 ${stamp}`, status: 'scheduled', confirmedCount: 0 }),
  }),
  'trainings.get': spec({
    own: ['pref', 'inspSame', 'inspOther', 'facAdmin', 'facMember', 'otherFacAdmin'],
    victims: ['pref', 'inspSame', 'facAdmin', 'facMember'],
    fixture: training,
    markers: (t) => [t.f001],
    req: (_who, t) => ({ path: `/api/trainings/${t.sessionId}` }),
    check: (b, who, t) => {
      expect(b.sessionId).toBe(t.sessionId);
      if (EVERY_FACILITY.includes(who)) mineOnly(b.myRegistrations, who, t);
    },
  }),
  'trainings.update': spec({
    own: PREF,
    fixture: async (_who, owner) => (owner ? newSession() : (await training()).sessionId),
    markers: (s) => [s],
    req: async (who, s) => ({
      method: 'PUT',
      path: `/api/trainings/${s}`,
      body: { ...sessionBody({ capacity: 60 }), expectedVersion: who === 'pref' ? await sessionVersion(s) : 1 },
    }),
    check: (b, _who, s) => expect(b).toMatchObject({ sessionId: s, capacity: 60 }),
  }),
  'trainings.cancel': spec({
    own: PREF,
    fixture: async (_who, owner) => (owner ? newSession() : (await training()).sessionId),
    markers: (s) => [s],
    req: async (who, s) => ({ method: 'POST', path: `/api/trainings/${s}/cancel`, body: { expectedVersion: who === 'pref' ? await sessionVersion(s) : 1 } }),
    check: (b, _who, s) => expect(b).toMatchObject({ sessionId: s, status: 'cancelled' }),
  }),
  'trainings.registrations': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    fixture: training,
    markers: (t) => [t.f001, ...F001],
    req: (_who, t) => ({ path: `/api/trainings/${t.sessionId}/registrations?limit=500` }),
    // Other cases register more people on the shared session: the fixture's two are checked, and the 保健所's scope.
    check: (b, who, t) => {
      const items = itemsOf<{ registrationId: string; healthCenterId: string }>(b);
      const ids = items.map((r) => r.registrationId);
      expect(ids).toContain(t.f001);
      if (who === 'pref') expect(ids).toContain(t.clinic);
      else expect(items.filter((r) => r.healthCenterId !== 'hc-tokushima')).toEqual([]);
    },
  }),
  'trainings.register': spec({
    own: EVERY_FACILITY,
    markers: () => [],
    fixture: async () => (await training()).sessionId,
    req: (who, s) => ({
      method: 'POST',
      path: `/api/trainings/${s}/registrations`,
      body: { participantName: `スコープ ${who} ${Math.random().toString(36).slice(2, 6)}` },
    }),
    check: (b, who, s) => expect(b).toMatchObject({ sessionId: s, facilityId: facilityOf(who), status: 'confirmed' }),
  }),
  'trainings.cancelRegistration': spec({
    own: FACILITY_PEOPLE,
    fixture: async (who, owner) => {
      const t = await training();
      return { sessionId: t.sessionId, registrationId: owner ? await register(who, t.sessionId, `取消 ${who} ${stamp}`) : t.f001 };
    },
    markers: (f) => [f.registrationId],
    req: (_who, f) => ({ method: 'POST', path: `/api/trainings/${f.sessionId}/registrations/${f.registrationId}/cancel`, body: {} }),
    check: (b, _who, f) => expect(b).toMatchObject({ registrationId: f.registrationId, status: 'cancelled' }),
  }),
  'trainings.ics': spec({
    own: FACILITY,
    fixture: training,
    markers: (t) => [t.f001, `鳴門 太郎 ${stamp}`],
    req: (_who, t) => ({ path: `/api/trainings/${t.sessionId}/registrations/${t.f001}/ics` }),
    check: (b) => {
      expect(b).toMatch(/^BEGIN:VCALENDAR/);
      expect(b).toContain(`スコープ確認 研修 ${stamp}`.slice(0, 10));
    },
  }),
  'trainings.attendance': spec({
    own: PREF,
    fixture: training,
    markers: (t) => [t.f001],
    req: (_who, t) => ({ method: 'POST', path: `/api/trainings/${t.sessionId}/attendance`, body: { items: [{ registrationId: t.f001, attended: true }] } }),
    check: (b) => expect(b).toEqual({ updated: 1 }),
  }),
  'trainings.attendanceImport': spec({
    own: PREF,
    refused: [400, 403, 404],
    fixture: training,
    markers: (t) => [t.f001],
    req: async (who, t) => {
      const csv = `\uFEFF申込ID,氏名,出欠\r\n${t.f001},鳴門 太郎 ${stamp},出席\r\n`;
      const as = who === 'otherTenant' ? 'otherTenant' : 'pref';
      const uploadId = await uploadFile(await authOf(as), 'training_sheet', { name: '受付簿.csv', type: 'text/csv', bytes: Buffer.from(csv) });
      return { method: 'POST', path: `/api/trainings/${t.sessionId}/attendance/import`, body: { uploadId, dryRun: true } };
    },
    check: (b) => expect(b).toMatchObject({ rows: 1, matched: 1, updated: 0, errors: [] }),
  }),
  'trainings.export': spec({
    own: PREF,
    fixture: training,
    markers: (t) => [`鳴門 太郎 ${stamp}`, t.f001],
    req: (_who, t) => ({ path: `/api/trainings/${t.sessionId}/export?format=csv` }),
    check: (b) => {
      expect(b).toContain(`鳴門 太郎 ${stamp}`);
      expect(b).toContain(`勝浦 健 ${stamp}`);
    },
  }),
  'trainings.ofFacility': spec({
    own: FACILITY,
    fixture: training,
    req: () => ({ path: `/api/facilities/${HOSPITAL.id}/trainings` }),
    check: (b, _who, t) => expect(itemsOf<{ registration: { registrationId: string } }>(b).map((i) => i.registration.registrationId)).toContain(t.f001),
  }),
  'trainings.coverage': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    fixture: training,
    markers: () => HC_TOKUSHIMA,
    req: () => ({ path: '/api/training-coverage' }),
    check: (b) => expect(JSON.stringify(b)).toContain('hc-tokushima'),
  }),
  'calendar.rotate': spec({
    own: ['facAdmin'],
    req: () => ({ method: 'POST', path: `/api/facilities/${HOSPITAL.id}/calendar-feed` }),
    check: (b) => expect(b.path).toMatch(/^\/api\/calendar\/[\w-]{20,}/),
  }),

  // ---- settings
  'reminderSettings.get': spec({
    own: PREF,
    filtered: true,
    markers: () => [],
    req: () => ({ path: '/api/reminder-settings' }),
    check: (b) => {
      expect(Array.isArray(b.daysBefore)).toBe(true);
      expect(b.overdueEveryDays).toBeGreaterThan(0);
    },
  }),
  'reminderSettings.put': spec({
    own: PREF,
    filtered: true,
    markers: () => [],
    // The rhythm as it stands (other files' reminders keep their schedule); only the version moves.
    req: async (who) => {
      const cur = await ok<Record<string, unknown> & { version: number }>(who === 'otherTenant' ? 'otherTenant' : 'pref', { path: '/api/reminder-settings' });
      const { daysBefore, onTheDay, overdueEveryDays, overdueForDays } = cur;
      return { method: 'PUT', path: '/api/reminder-settings', body: { daysBefore, onTheDay, overdueEveryDays, overdueForDays, expectedVersion: cur.version } };
    },
    check: (b) => expect(b.version).toBeGreaterThan(0),
  }),

  // ---- incidents
  'incidents.list': spec({
    own: FACILITY,
    filtered: true,
    fixture: sharedIncident,
    markers: (i) => [...F001, i],
    req: () => ({ path: '/api/incidents?limit=100' }),
    check: (b, who, i) => {
      const items = itemsOf<{ incidentId: string; facilityId: string; healthCenterId: string }>(b);
      expect(items.map((x) => x.incidentId)).toContain(i);
      if (who === 'inspSame') expect(items.filter((x) => x.healthCenterId !== 'hc-tokushima')).toEqual([]);
      if (FACILITY_PEOPLE.includes(who)) expect(items.filter((x) => x.facilityId !== HOSPITAL.id)).toEqual([]);
    },
  }),
  'incidents.create': spec({
    own: EVERY_FACILITY,
    refused: [400, 403, 404],
    markers: () => [],
    req: () => ({ method: 'POST', path: '/api/incidents', body: incidentBody() }),
    check: (b, who) => expect(b.report).toMatchObject({ facilityId: facilityOf(who), status: 'open' }),
  }),
  'incidents.get': spec({
    own: FACILITY,
    fixture: sharedIncident,
    markers: (i) => [i, ...F001],
    req: (_who, i) => ({ path: `/api/incidents/${i}` }),
    check: (b, _who, i) => expect(b.report).toMatchObject({ incidentId: i, facilityId: HOSPITAL.id }),
  }),
  'incidents.update': spec({
    own: FACILITY_PEOPLE,
    fixture: sharedIncident,
    markers: (i) => [i],
    req: async (_who, i) => ({
      method: 'PUT',
      path: `/api/incidents/${i}`,
      body: {
        systems: ['電子カルテ'],
        vendorIds: [],
        contacted: ['vendor'],
        contactedOther: '',
        careImpact: 'partial',
        expectedVersion: await incidentVersion(i),
      },
    }),
    check: (b, _who, i) => expect(b.report).toMatchObject({ incidentId: i, careImpact: 'partial', systems: ['電子カルテ'] }),
  }),
  'incidents.post': spec({
    own: FACILITY,
    fixture: sharedIncident,
    markers: (i) => [i],
    req: (who, i) => ({ method: 'POST', path: `/api/incidents/${i}/entries`, body: { text: `スコープ確認 ${who}` } }),
    check: (b, who) =>
      expect(b).toMatchObject({
        kind: 'message',
        text: `スコープ確認 ${who}`,
        side: who === 'pref' ? 'prefecture' : who === 'inspSame' ? 'health_center' : 'facility',
      }),
  }),
  'incidents.tick': spec({
    own: FACILITY_PEOPLE,
    fixture: sharedIncident,
    markers: (i) => [i],
    // Each owner flips the step (ticked or not, whatever the earlier cases left).
    req: async (who, i) => {
      const done = FACILITY_PEOPLE.includes(who) ? (await ok('facAdmin', { path: `/api/incidents/${i}` })).report.steps[STEP]?.done === true : false;
      return { method: 'PUT', path: `/api/incidents/${i}/steps/${STEP}`, body: { done: !done } };
    },
    check: async (b, _who, i) => {
      expect(JSON.stringify(b)).toContain(STEP);
      expect((await ok('facAdmin', { path: `/api/incidents/${i}` })).report.steps[STEP]).toBeDefined();
    },
  }),
  'incidents.close': spec({
    own: FACILITY,
    fixture: async (_who, owner) => (owner ? newIncident() : sharedIncident()),
    markers: (i) => [i],
    req: async (_who, i) => ({
      method: 'POST',
      path: `/api/incidents/${i}/close`,
      body: { reason: 'スコープ確認の終了', expectedVersion: await incidentVersion(i) },
    }),
    check: (b, _who, i) => expect(b.report).toMatchObject({ incidentId: i, status: 'closed' }),
  }),
  'incidents.counts': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    fixture: sharedIncident,
    markers: () => HC_TOKUSHIMA,
    req: () => ({ path: '/api/incident-counts' }),
    check: (b) => expect(b.open).toBeGreaterThan(0),
  }),

  // ---- 連絡体制図
  'contactCharts.getOwn': spec({
    own: EVERY_FACILITY,
    victims: FACILITY_PEOPLE,
    req: () => ({ path: '/api/contact-chart' }),
    check: (b, who) => expect(b.facility.id).toBe(facilityOf(who)),
  }),
  'contactCharts.save': spec({
    own: EVERY_FACILITY,
    markers: () => [],
    req: async (who) => ({
      method: 'PUT',
      path: '/api/contact-chart',
      body: chartBody(EVERY_FACILITY.includes(who) ? await chartVersion(who) : 1, `スコープ 院長 ${who}`),
    }),
    check: (b, who) => expect(b.chart.director.name).toBe(`スコープ 院長 ${who}`),
  }),
  'contactCharts.confirm': spec({
    own: EVERY_FACILITY,
    markers: () => [],
    fixture: async (who, owner) => {
      if (owner && (await chartVersion(who)) === 0) await ok(who, { method: 'PUT', path: '/api/contact-chart', body: chartBody(0, 'スコープ 院長') });
    },
    req: async (who) => ({
      method: 'POST',
      path: '/api/contact-chart/confirm',
      body: { expectedVersion: EVERY_FACILITY.includes(who) ? await chartVersion(who) : 1 },
    }),
    check: (b, who) => {
      expect(b.facility.id).toBe(facilityOf(who));
      expect(b.chart.confirmedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  }),
  'contactCharts.getOfFacility': spec({
    own: ['pref', 'inspSame'],
    req: () => ({ path: `/api/facilities/${HOSPITAL.id}/contact-chart` }),
    check: (b) => expect(b.facility).toMatchObject({ id: HOSPITAL.id }),
  }),
  'contactCharts.list': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    req: () => ({ path: '/api/contact-charts?limit=200' }),
    check: (b, who) => {
      const items = itemsOf<{ facilityId: string }>(b);
      expect(items.map((x) => x.facilityId)).toContain(HOSPITAL.id);
      const own = new Set(T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima').map((f) => f.id));
      if (who === 'inspSame') expect(items.filter((x) => !own.has(x.facilityId))).toEqual([]);
    },
  }),
  'contactCharts.coverage': spec({
    own: ['pref', 'inspSame'],
    filtered: true,
    markers: () => HC_TOKUSHIMA,
    req: () => ({ path: '/api/contact-charts/coverage' }),
    check: (b, who) => {
      if (who === 'pref') expect(b.total).toBeGreaterThanOrEqual(T36.facilities.length);
      else expect(b.total).toBe(T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima').length);
    },
  }),
  'contactCharts.outsideGet': spec({
    own: ['pref', 'inspSame', 'inspOther', 'facAdmin', 'facMember', 'otherFacAdmin'],
    filtered: true,
    markers: () => HC_TOKUSHIMA,
    req: () => ({ path: '/api/outside-contacts' }),
    check: (b) => expect(b.healthCenters.map((h: { healthCenterId: string }) => h.healthCenterId)).toContain('hc-tokushima'),
  }),
  'contactCharts.outsidePut': spec({
    own: PREF,
    refused: [400, 403, 404, 409],
    markers: () => [],
    req: async () => {
      const cur = await ok<Record<string, unknown> & { version: number; healthCenters: Record<string, unknown>[]; desks: Record<string, unknown>[] }>('pref', {
        path: '/api/outside-contacts',
      });
      const strip = ({ source: _s, ...c }: Record<string, unknown>) => c;
      return {
        method: 'PUT',
        path: '/api/outside-contacts',
        body: {
          expectedVersion: cur.version,
          prefecture: strip(cur.prefecture as Record<string, unknown>),
          police: strip(cur.police as Record<string, unknown>),
          mhlw: strip(cur.mhlw as Record<string, unknown>),
          healthCenters: cur.healthCenters.map(strip),
          desks: cur.desks.map(strip),
        },
      };
    },
    check: (b) => expect(b.healthCenters.map((h: { healthCenterId: string }) => h.healthCenterId)).toContain('hc-tokushima'),
  }),
  'contactCharts.vendorContactGet': spec({
    own: VENDOR,
    // The name as the vendor itself reads it now (the write case changes it).
    fixture: async () => (await ok<{ name: string }>('vendorLinked', { path: `/api/vendors/${LINKED_VENDOR}/incident-contact` })).name,
    markers: (name) => [name],
    req: () => ({ path: `/api/vendors/${LINKED_VENDOR}/incident-contact` }),
    check: (b, _who, name) => expect(b).toMatchObject({ name }),
  }),
  'contactCharts.vendorContactPut': spec({
    own: ['vendorLinked'],
    markers: () => [],
    req: async (who) => ({
      method: 'PUT',
      path: `/api/vendors/${LINKED_VENDOR}/incident-contact`,
      body: {
        expectedVersion:
          who === 'vendorLinked' ? (await ok<{ version: number }>('vendorLinked', { path: `/api/vendors/${LINKED_VENDOR}/incident-contact` })).version : 0,
        name: `四国IT 障害受付 ${who}`,
        phone: '088-600-2222',
      },
    }),
    check: (b, who) => expect(JSON.stringify(b)).toContain(`四国IT 障害受付 ${who}`),
  }),
};
const STEP = bcpInitialResponseSteps()[0]!.id;
const NEW_TENANTS: [string, string, string][] = [
  ['04', '宮城県', 'Miyagi'],
  ['05', '秋田県', 'Akita'],
  ['06', '山形県', 'Yamagata'],
  ['07', '福島県', 'Fukushima'],
  ['08', '茨城県', 'Ibaraki'],
  ['09', '栃木県', 'Tochigi'],
  ['10', '群馬県', 'Gunma'],
];

// ---------------------------------------------------------------------------------------------------- the suite

type Outcome = 'allowed' | 'refused by role' | 'out of scope';
function outcomeOf(id: keyof typeof SPECS, who: Who): Outcome {
  const route = routes[id];
  if (!route.roles.includes(ROLE[who])) return 'refused by role';
  return SPECS[id].own.includes(who) ? 'allowed' : 'out of scope';
}
const leaked = (body: unknown, markers: string[]) => {
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
  return markers.filter((m) => idRe(m).test(text) || ([...m].some((ch) => ch.charCodeAt(0) > 127) && text.includes(m)));
};
const IDS = Object.keys(SPECS) as (keyof typeof SPECS)[];

describe('scopes: every route × every caller', () => {
  it('has a matrix entry for every authenticated route, and an allowed caller in each', () => {
    expect(routeList.filter((r) => r.auth === 'user' && !(r.id in SPECS)).map((r) => r.id)).toEqual([]);
    expect(IDS.filter((id) => !WHO.some((w) => outcomeOf(id, w) === 'allowed'))).toEqual([]);
  });

  describe.each(IDS)('%s', (id) => {
    const s = SPECS[id];
    it.each(WHO.map((who) => [who, outcomeOf(id, who)] as const))('%s: %s', async (who, outcome) => {
      const f = await s.fixture?.(who, outcome === 'allowed');
      const res = await send(who, await s.req(who, f));
      const markers = (s.markers ?? (() => F001))(f);
      const detail = `${who} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 500)}`;
      if (outcome === 'refused by role') {
        expect(res.status, detail).toBe(403);
        expect(leaked(res.body, markers), detail).toEqual([]);
      } else if (outcome === 'allowed') {
        expect(res.status, detail).toBe(routes[id].successStatus);
        await s.check(res.body, who, f);
        if (!(s.victims ?? s.own).includes(who)) expect(leaked(res.body, markers), detail).toEqual([]);
      } else if (s.filtered && res.status < 300) {
        expect(leaked(res.body, markers), detail).toEqual([]);
      } else {
        expect(s.refused ?? [403, 404], detail).toContain(res.status);
        expect(leaked(res.body, markers), detail).toEqual([]);
      }
    });
  });
});
