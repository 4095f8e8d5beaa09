import type { AuditLogResponse, ErrorBody, FacilityImportPreview, FacilityImportResult, ListTenantsResponse, ResponseView, User } from '@mcr/contract';
import { getBuiltInTemplate, type Template } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, USERS } from '../support/api.ts';
import { mailTo, temporaryPasswordFor } from '../support/mail.ts';
import { stackInfo } from '../support/stack-info.ts';
import { asChanges, completeAnswers } from '../support/templates.ts';

const T36 = tokushima();
const R6 = getBuiltInTemplate('mhlw-facility-r6') as Template;
const stamp = Date.now();

const row = (n: number, over: Partial<Record<string, string>> = {}) => ({
  row: n,
  name: `取込テスト病院${n}`,
  kind: '病院',
  beds: '120',
  healthCenter: '美馬保健所',
  medicalArea: '西部',
  medicalInstitutionCode: `361${String(8000000 + n).slice(-7)}`,
  address: '徳島県美馬市脇町1',
  contactEmail: `import${n}@example.jp`,
  ...over,
});

describe('importing the facility list', () => {
  it('refuses a file with broken rows with a per-row report, and writes nothing', async () => {
    const rows = [
      row(2),
      row(3, { kind: '病医院' }),
      row(4, { beds: '5' }),
      row(5, { medicalInstitutionCode: '1310000001' }),
      row(6, { medicalInstitutionCode: row(2).medicalInstitutionCode }),
      row(7, { contactEmail: 'not-an-email' }),
      row(8, { medicalArea: '東部' }),
    ];
    const preview = await api<FacilityImportPreview>('POST', '/api/facilities/import/preview', { as: USERS.pref36, body: { rows } });
    expect(preview.status).toBe(200);
    expect(preview.body.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(preview.body.errors.every((e) => e.message.ja && e.column)).toBe(true);
    const res = await api<ErrorBody>('POST', '/api/facilities/import', { as: USERS.pref36, body: { rows } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.map((f) => f.line)).toEqual([3, 4, 5, 6, 7, 8]);
    const list = await api<{ items: { medicalInstitutionCode: string }[] }>('GET', `/api/facilities?q=${row(2).medicalInstitutionCode}`, { as: USERS.pref36 });
    expect(list.body.items.some((f) => f.medicalInstitutionCode === row(2).medicalInstitutionCode)).toBe(false);
  });

  it('imports a clean file, then a re-import updates by 医療機関コード instead of duplicating', async () => {
    const rows = [
      row(10),
      row(11, {
        kind: '診療所',
        beds: '0',
        medicalInstitutionCode: `3610${String(900000 + (stamp % 99999)).slice(-6)}`,
        healthCenter: '新しい保健所',
        medicalArea: '新医療圏',
      }),
    ];
    const preview = await api<FacilityImportPreview>('POST', '/api/facilities/import/preview', { as: USERS.pref36, body: { rows } });
    expect(preview.body).toMatchObject({ creates: 2, updates: 0, errors: [], newHealthCenters: ['新しい保健所'] });
    // Not confirmed: refused, nothing written; confirmed: created.
    const unconfirmed = await api<ErrorBody>('POST', '/api/facilities/import', { as: USERS.pref36, body: { rows } });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.fields?.map((f) => f.field)).toEqual(['body.rows[row=11].保健所']);
    const first = await api<FacilityImportResult>('POST', '/api/facilities/import', {
      as: USERS.pref36,
      body: { rows, confirmNewHealthCenters: ['新しい保健所'] },
    });
    expect(first.body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const again = await api<FacilityImportResult>('POST', '/api/facilities/import', {
      as: USERS.pref36,
      body: { rows: [{ ...rows[0]!, beds: '130' }, rows[1]!] },
    });
    expect(again.body).toEqual({ created: 0, updated: 1, unchanged: 1 });
    // Looked up by code (the list itself is paged): exactly one facility, updated in place.
    const list = await api<{ items: { medicalInstitutionCode: string; beds: number }[] }>('GET', `/api/facilities?q=${row(10).medicalInstitutionCode}`, {
      as: USERS.pref36,
    });
    const imported = list.body.items.filter((f) => f.medicalInstitutionCode === row(10).medicalInstitutionCode);
    expect(imported).toHaveLength(1);
    expect(imported[0]?.beds).toBe(130);
  });
});

describe('a misspelt 保健所 in the facility list', () => {
  it('is named by row with the closest registered name, and nothing is created until the user confirms it', async () => {
    // 「美馬保険所」: one character off 「美馬保健所」.
    const rows = [row(20, { healthCenter: '美馬保険所' }), row(21)];
    const preview = await api<FacilityImportPreview>('POST', '/api/facilities/import/preview', { as: USERS.pref36, body: { rows } });
    expect(preview.status).toBe(200);
    expect(preview.body.newHealthCenters).toEqual(['美馬保険所']);
    expect(preview.body.unknownHealthCenters).toEqual([{ name: '美馬保険所', rows: [20], suggestions: ['美馬保健所'] }]);
    const res = await api<ErrorBody>('POST', '/api/facilities/import', { as: USERS.pref36, body: { rows } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'body.rows[row=20].保健所', code: 'unknown_health_center', line: 20 })]);
    expect(res.body.error.fields?.[0]?.message.ja).toContain('「美馬保健所」の誤りではありませんか');
    expect(res.body.error.fields?.[0]?.message.en).toContain('Did you mean "美馬保健所"');
    // Confirming another name does not let this one through.
    const other = await api<ErrorBody>('POST', '/api/facilities/import', { as: USERS.pref36, body: { rows, confirmNewHealthCenters: ['別の保健所'] } });
    expect(other.status).toBe(400);
    const hcs = await api<{ items: { name: string }[] }>('GET', '/api/health-centers', { as: USERS.pref36 });
    expect(hcs.body.items.map((h) => h.name)).not.toContain('美馬保険所');
    const list = await api<{ items: { medicalInstitutionCode: string }[] }>('GET', `/api/facilities?q=${row(21).medicalInstitutionCode}`, { as: USERS.pref36 });
    expect(list.body.items.some((f) => f.medicalInstitutionCode === row(21).medicalInstitutionCode)).toBe(false);
  });
});

describe('invitations and people', () => {
  const email = `nurse-${stamp}@f012.example.jp`;

  it('invites a user by e-mail; the first sign-in sets a password and enrols TOTP; the user then works', async () => {
    const res = await api<User>('POST', '/api/users', { as: USERS.pref36, body: { email, displayName: '招待 看護師', role: 'facility_admin', orgId: 'f012' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const mail = await mailTo(email);
    expect(mail?.subject).toContain('招待');
    const temporary = await temporaryPasswordFor(email);
    expect(temporary).not.toBe('');
    const s = stackInfo().services;
    const flows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
    const { tokens } = await flows.completeFirstSignIn({ email, temporaryPassword: temporary, newPassword: 'Nurse-Pass-2026!' });
    flows.destroy();
    const me = await api<{ organisation: { id: string } }>('GET', '/api/me', { token: tokens.accessToken });
    expect(me.body.organisation.id).toBe('f012');
  });

  it('lets a facility administrator see only its own people, and a disabled user is refused at once', async () => {
    const s = stackInfo().services;
    const flows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
    const invited = await api<User>('POST', '/api/users', {
      as: USERS.clinic36,
      body: { email: `staff-${stamp}@clinic.example.jp`, displayName: '受付 太郎', role: 'facility_member' },
    });
    expect(invited.status).toBe(201);
    const temporary = await temporaryPasswordFor(`staff-${stamp}@clinic.example.jp`);
    const { tokens } = await flows.completeFirstSignIn({
      email: `staff-${stamp}@clinic.example.jp`,
      temporaryPassword: temporary,
      newPassword: 'Staff-Pass-2026!',
    });
    flows.destroy();
    expect((await api('GET', '/api/my/tasks', { token: tokens.accessToken })).status).toBe(200);

    const own = await api<{ items: User[] }>('GET', '/api/users', { as: USERS.clinic36 });
    expect(new Set(own.body.items.map((u) => u.orgId))).toEqual(new Set([invited.body.orgId]));

    const off = await api<User>('PATCH', `/api/users/${invited.body.userId}`, { as: USERS.clinic36, body: { status: 'disabled' } });
    expect(off.body.status).toBe('disabled');
    expect((await api('GET', '/api/my/tasks', { token: tokens.accessToken })).status).toBe(403);
    const on = await api<User>('PATCH', `/api/users/${invited.body.userId}`, { as: USERS.clinic36, body: { status: 'active' } });
    expect(on.body.status).toBe('active');
    expect((await api('GET', '/api/my/tasks', { token: tokens.accessToken })).status).toBe(200);
  });

  it('refuses an invitation that would make a facility administrator a prefecture admin', async () => {
    const res = await api<ErrorBody>('POST', '/api/users', {
      as: USERS.clinic36,
      body: { email: `boss-${stamp}@example.jp`, displayName: 'x', role: 'pref_admin' },
    });
    expect(res.status).toBe(403);
  });
});

describe('the review cycle: submit → 差戻し with a comment → fix → resubmit → confirm, all in the audit log', () => {
  /** A hospital nobody else's test touches, with an administrator invited for this test. */
  const facility = T36.facilities.find((f) => f.id === 'f015')!;
  const path = `/api/campaigns/${T36.campaign.id}/facilities/${facility.id}/response`;
  let token = '';
  const as = () => ({ token });

  it('runs end to end, keeping every submission and review as history', async () => {
    const email = `director-${stamp}@f015.example.jp`;
    expect(
      (await api('POST', '/api/users', { as: USERS.pref36, body: { email, displayName: '院長', role: 'facility_admin', orgId: facility.id } })).status,
    ).toBe(201);
    const s = stackInfo().services;
    const flows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
    const temporary = await temporaryPasswordFor(email);
    token = (await flows.completeFirstSignIn({ email, temporaryPassword: temporary, newPassword: 'Director-Pass-2026!' })).tokens.accessToken;
    flows.destroy();

    const v = (await api<ResponseView>('GET', path, as())).body;
    expect(v.status).toBe('not_started');
    const hasContract = T36.contracts.some((c) => c.facilityId === facility.id);
    const saved = await api<ResponseView>('PUT', `${path}/answers`, {
      ...as(),
      body: { expectedVersion: v.version, changes: asChanges(completeAnswers(R6, hasContract)) },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sub1 = await api<ResponseView>('POST', `${path}/submit`, { ...as(), body: { expectedVersion: saved.body.version, round: 1 } });
    expect(sub1.body.status).toBe('submitted');

    const back = await api<ResponseView>('POST', `${path}/return`, {
      as: USERS.pref36,
      body: {
        expectedVersion: sub1.body.version,
        message: 'アクセスログの管理について確認してください',
        itemComments: [{ itemId: '2-6', comment: '保存期間を記載してください' }],
      },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.status).toBe('returned');
    expect(back.body.reviews.at(-1)).toMatchObject({ action: 'returned', itemComments: [{ itemId: '2-6' }] });

    const fixed = await api<ResponseView>('PUT', `${path}/answers`, {
      ...as(),
      body: {
        expectedVersion: back.body.version,
        changes: [{ itemId: '2-6', deviceClass: 'server', round: 1, answer: { value: 'yes', checkedOn: '2024-08-01', note: 'ログは1年間保存' } }],
      },
    });
    expect(fixed.status).toBe(200);
    const sub2 = await api<ResponseView>('POST', `${path}/submit`, { ...as(), body: { expectedVersion: fixed.body.version, round: 1 } });
    expect(sub2.body.submissions).toHaveLength(2);
    const ok = await api<ResponseView>('POST', `${path}/confirm`, { as: USERS.pref36, body: { expectedVersion: sub2.body.version } });
    expect(ok.body.status).toBe('confirmed');
    const twice = await api<ErrorBody>('POST', `${path}/confirm`, { as: USERS.pref36, body: { expectedVersion: ok.body.version } });
    expect(twice.body.error.code).toBe('LOCKED');

    const audit = await api<AuditLogResponse>('GET', `/api/audit?target=${facility.id}`, { as: USERS.pref36 });
    const actions = audit.body.items.map((e) => e.action).reverse();
    expect(actions).toEqual(expect.arrayContaining(['response.submit', 'response.return', 'response.answers.save', 'response.confirm']));
    const mine = await api<AuditLogResponse>('GET', '/api/audit', as());
    expect(mine.body.items.length).toBeGreaterThanOrEqual(5);
    // The facility's own entries: its response, and the people invited into it; nothing of another facility.
    const foreign = mine.body.items.filter((e) => !e.target.includes(facility.id) && !e.target.startsWith('user/'));
    expect(foreign).toEqual([]);
  });

  it('exports the audit log as CSV that Excel opens with its Japanese intact', async () => {
    const res = await fetch(`${stackInfo().url}/api/audit?format=csv`, {
      headers: { authorization: `Bearer ${await (await import('../support/api.ts')).tokenFor(USERS.pref36)}` },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit-/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toContain('操作');
  });

  it('offers no route that edits or deletes audit entries', async () => {
    const { routeList } = await import('@mcr/contract');
    expect(routeList.filter((r) => r.path.startsWith('/api/audit') && r.method !== 'GET')).toEqual([]);
  });
});

describe('tenants', () => {
  it('lets the operator create a prefecture and invite its first admin, without reading any tenant data', async () => {
    const email = `admin-${stamp}@pref.osaka.example.jp`;
    const res = await api('POST', '/api/tenants', {
      as: USERS.operator,
      body: { tenantId: '27', name: '大阪府', nameEn: 'Osaka', admins: [{ email, displayName: '大阪 太郎' }] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await mailTo(email))?.subject).toContain('大阪府');
    const list = await api<ListTenantsResponse>('GET', '/api/tenants', { as: USERS.operator });
    expect(list.body.items.map((t) => t.tenantId)).toEqual(expect.arrayContaining(['27', '36', '37']));
    expect(
      (
        await api('POST', '/api/tenants', {
          as: USERS.operator,
          body: { tenantId: '27', name: '大阪府', nameEn: 'Osaka', admins: [{ email: `b-${email}`, displayName: 'b' }] },
        })
      ).status,
    ).toBe(409);
    expect((await api('GET', '/api/facilities', { as: USERS.operator })).status).toBe(403);
  });

  // tenant-create:begin
  const tenantIds = async () => (await api<ListTenantsResponse>('GET', '/api/tenants', { as: USERS.operator })).body.items.map((t) => t.tenantId);
  const create = (tenantId: string, name: string, nameEn: string, emails: string[]) =>
    api<ErrorBody>('POST', '/api/tenants', {
      as: USERS.operator,
      body: { tenantId, name, nameEn, admins: emails.map((email, i) => ({ email, displayName: `管理者 ${i + 1}` })) },
    });

  it('refuses an admin e-mail that already belongs to a user with a 409 naming it, writes nothing, and a retry with a new e-mail succeeds', async () => {
    const fresh = `first-${stamp}@pref.tottori.example.jp`;
    // The first admin is new, the second is 徳島県's administrator: the first one's pool user must not be left behind.
    const refused = await create('31', '鳥取県', 'Tottori', [fresh, USERS.pref36]);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.fields?.[0]?.field).toBe('body.admins[1].email');
    expect(refused.body.error.message.ja).toContain('メールアドレス');
    expect(await tenantIds()).not.toContain('31');
    expect(await mailTo(fresh)).toBeUndefined();
    // 徳島県's administrator is untouched.
    expect((await api('GET', '/api/me', { as: USERS.pref36 })).status).toBe(200);

    const second = `second-${stamp}@pref.tottori.example.jp`;
    const res = await create('31', '鳥取県', 'Tottori', [fresh, second]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await tenantIds()).toContain('31');
    // The first admin signs in to the new prefecture as its administrator.
    const s = stackInfo().services;
    const flows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
    const { tokens } = await flows.completeFirstSignIn({
      email: fresh,
      temporaryPassword: await temporaryPasswordFor(fresh),
      newPassword: 'Tottori-Pass-2026!',
    });
    flows.destroy();
    const me = await api<{ role: string; tenant: { id: string; name: string } }>('GET', '/api/me', { token: tokens.accessToken });
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body.role).toBe('pref_admin');
    expect(JSON.stringify(me.body)).toContain('鳥取県');
    const users = await api<{ items: User[] }>('GET', '/api/users', { token: tokens.accessToken });
    expect(users.body.items.map((u) => u.email).sort()).toEqual([fresh, second].sort());
    const audit = await api<AuditLogResponse>('GET', '/api/audit', { token: tokens.accessToken });
    expect(audit.body.items.map((e) => e.action)).toEqual(expect.arrayContaining(['tenant.create', 'user.invite']));
  });

  it('refuses the same e-mail twice in one request with a 400 naming the second', async () => {
    const email = `twice-${stamp}@pref.shimane.example.jp`;
    const res = await create('32', '島根県', 'Shimane', [email, email.toUpperCase()]);
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]?.field).toBe('body.admins[1].email');
    expect(await tenantIds()).not.toContain('32');
  });

  it('lets exactly one of concurrent creates of the same tenant win; the losers leave no user behind', async () => {
    const emails = Array.from({ length: 4 }, (_, i) => `race${i}-${stamp}@pref.shimane.example.jp`);
    const results = await Promise.all(emails.map((email) => create('32', '島根県', 'Shimane', [email])));
    const statuses = results.map((r) => r.status);
    expect(
      statuses.filter((s) => s === 201),
      JSON.stringify(results.map((r) => r.body)),
    ).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(emails.length - 1);
    const losers = emails.filter((_, i) => statuses[i] === 409);
    for (const email of losers) expect(await mailTo(email)).toBeUndefined();
    // A loser's e-mail is free again: it can be the administrator of another prefecture.
    const again = await create('33', '岡山県', 'Okayama', [losers[0] as string]);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
  });
  // tenant-create:end
});
