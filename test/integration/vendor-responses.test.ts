import type {
  Campaign,
  CampaignVendorsResponse,
  ErrorBody,
  FacilityVendorAnswersResponse,
  SavedVendorProfile,
  VendorAssignmentsResponse,
  VendorFacilityView,
  VendorResponseView,
} from '@mcr/contract';
import { type Answers, getBuiltInTemplate, type Template } from '@mcr/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, settle, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';
import { asChanges, completeAnswers } from '../support/templates.ts';
import { testDb } from '../support/rows.ts';
import { writeVendorCampaign } from '../../functions/src/services/vendor-responses.ts';
import { createRepositories, type CampaignCreation, type CampaignRecord, type JobRecord } from '@mcr/data';

/**
 * The vendor form (事業者確認用) in the cycle, against the real local stack: the prefecture distributes it, each
 * contracted vendor answers once (standard answers per product), the answer applies to every linked facility,
 * single facilities are overridden, and submission, 差戻し and 確認 work as they do for facilities.
 */
const T36 = tokushima();
const AWA = 'v-awa-medical';
const R7 = getBuiltInTemplate('mhlw-vendor-r7') as Template;
const contractsOf = (facilityId: string) => T36.contracts.filter((c) => c.facilityId === facilityId);
const awaFacilities = T36.contracts.filter((c) => c.vendorId === AWA).map((c) => c.facilityId);
/** Six of 阿波メディカル's facilities, the demo hospital f001 (whatever its vendors), one without any contract. */
const linked = awaFacilities.filter((id) => id !== 'f001').slice(0, 6);
const uncontracted = T36.facilities.find((f) => contractsOf(f.id).length === 0)!;
/** A hospital that does not contract 阿波メディカル: the test gives it a PACS contract with it. Not f002, whose contracts the isolation suite changes. */
const pacsHospital = T36.facilities.find(
  (f) => f.kind === 'hospital' && f.id !== 'f001' && f.id !== 'f002' && !contractsOf(f.id).some((c) => c.vendorId === AWA),
)!;
const target = [...new Set([...linked, 'f001', pacsHospital.id, uncontracted.id])];
const awaTargets = target.filter((id) => awaFacilities.includes(id) || id === pacsHospital.id);
/** Every vendor contracted by a target facility (with the PACS contract added below). */
const expectedVendors = new Set([...target.flatMap((id) => contractsOf(id).map((c) => c.vendorId)), AWA]);

let campaign: Campaign;
const base = () => `/api/campaigns/${campaign.id}/vendors/${AWA}`;
const yes = (checkedOn = '2025-07-01') => ({ value: 'yes', checkedOn });
const no = (checkedOn = '2025-07-01', targetDate = '2025-12-01') => ({ value: 'no', checkedOn, targetDate });

async function response(as: string = USERS.vendor36): Promise<VendorResponseView> {
  const res = await api<VendorResponseView>('GET', `${base()}/response`, { as });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
async function facility(facilityId: string, as: string = USERS.vendor36): Promise<VendorFacilityView> {
  const res = await api<VendorFacilityView>('GET', `${base()}/facilities/${facilityId}`, { as });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
async function rows(): Promise<VendorAssignmentsResponse['items']> {
  const res = await api<VendorAssignmentsResponse>('GET', `${base()}/facilities?limit=200`, { as: USERS.vendor36 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}
const profileVersion = async (id: string) => (await response()).profiles.find((p) => p.id === id)?.version ?? 0;
async function saveProfile(id: string, body: Record<string, unknown>, expected?: number) {
  return api<SavedVendorProfile & ErrorBody>('PUT', `${base()}/profiles/${id}`, {
    as: USERS.vendor36,
    body: { expectedVersion: expected ?? (await profileVersion(id)), systems: [], ...body },
  });
}
const fieldsOf = (body: unknown) => (body as ErrorBody).error.fields?.map((f) => f.field) ?? [];

beforeAll(async () => {
  const added = await api('PUT', `/api/facilities/${pacsHospital.id}/contracts/${AWA}`, {
    as: USERS.pref36,
    body: { systems: ['PACS'], remoteMaintenance: true },
  });
  expect(added.status).toBe(200);
  const created = await createCampaign(USERS.pref36, {
    templateId: R7.id,
    title: { ja: '令和7年度 事業者確認用 (結合テスト)' },
    fiscalYear: 2025,
    opensOn: '2025-06-01',
    deadline: '2026-03-31',
    target: { kind: 'facilities', ids: target },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  campaign = created.body.campaign;
  await settle();
});

afterAll(async () => {
  await api('DELETE', `/api/facilities/${pacsHospital.id}/contracts/${AWA}`, { as: USERS.pref36 });
});

describe('distributing the vendor form', () => {
  it('goes to the vendors contracted by the chosen facilities, one response each, and is listed as a vendor campaign', async () => {
    // Assess
    expect(campaign.form).toBe('vendor');
    const listed = await api<{ items: Campaign[] }>('GET', '/api/campaigns', { as: USERS.pref36 });
    expect(listed.body.items.find((c) => c.id === campaign.id)?.form).toBe('vendor');
    const vendors = await api<CampaignVendorsResponse>('GET', `/api/campaigns/${campaign.id}/vendors?limit=200`, { as: USERS.pref36 });
    expect(vendors.status, JSON.stringify(vendors.body)).toBe(200);
    expect(vendors.body.items.map((v) => v.vendorId).sort()).toEqual([...expectedVendors].sort());
    expect(vendors.body.counts).toMatchObject({ total: expectedVendors.size, byStatus: { not_started: expectedVendors.size } });
    const awa = vendors.body.items.find((v) => v.vendorId === AWA);
    expect(awa).toMatchObject({ status: 'not_started', facilityCount: awaTargets.length, profileCount: 1, lastSubmittedAt: null });
  });

  it('starts each vendor with one standard answer, carrying its last answers on the previous version forward', async () => {
    const r = await response();
    expect(r.status).toBe('not_started');
    expect(r.facilityCount).toBe(awaTargets.length);
    expect(r.template.id).toBe(R7.id);
    expect(r.profiles.map((p) => [p.id, p.name])).toEqual([['standard', '標準回答']]);
    // 阿波メディカル answered the demo 令和6年度 事業者確認用 in full: its answers come back to confirm.
    const carried = Object.values(r.profiles[0]!.answers).filter((cell) => cell['1']?.carriedForward);
    expect(carried.length).toBeGreaterThan(5);
  });

  it('links the vendor to exactly its contracted target facilities (one without any contract brings nothing)', async () => {
    expect((await rows()).map((x) => x.facilityId).sort()).toEqual([...awaTargets].sort());
    const unlinked = await api('GET', `${base()}/facilities/${uncontracted.id}`, { as: USERS.vendor36 });
    expect(unlinked.status).toBe(404);
  });

  it('leaves the facility views of a vendor campaign empty rather than failing', async () => {
    for (const path of ['progress', 'dashboard', 'rows', 'dashboard/items?by=hc']) {
      const res = await api('GET', `/api/campaigns/${campaign.id}/${path}`, { as: USERS.pref36 });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    }
  });

  it('refuses a vendor form for facilities without any contract, naming the field', async () => {
    const body = { title: { ja: 'x' }, fiscalYear: 2025, opensOn: '2025-06-01', deadline: '2026-03-31' };
    const none = await api('POST', '/api/campaigns', {
      as: USERS.pref36,
      body: { ...body, templateId: R7.id, target: { kind: 'facilities', ids: [uncontracted.id] } },
    });
    expect(none.status).toBe(400);
    expect(fieldsOf(none.body)).toEqual(['body.target']);
    // The BCP 確認表 is distributed to facilities (test/integration/bcp-campaigns.test.ts).
  });
});

describe('answering once for every facility', () => {
  it('applies the standard answer to every linked facility, and the facility sees it next to its own items', async () => {
    // Act
    const saved = await saveProfile('standard', {
      name: '標準回答',
      changes: [
        { itemId: 'gate', deviceClass: 'system', round: 1, answer: yes() },
        { itemId: '1-1', deviceClass: 'system', round: 1, answer: { ...yes(), note: '責任者を配置済み' } },
      ],
    });
    // Assess
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ id: 'standard', responseStatus: 'in_progress' });
    for (const id of awaTargets) expect((await facility(id)).answers['1-1:system']?.['1']).toMatchObject({ value: 'yes', note: '責任者を配置済み' });
    // The facility (and its 保健所) read what each of its vendors answers, with the item map.
    await settle();
    const own = await api<FacilityVendorAnswersResponse>('GET', `/api/facilities/${linked[0]}/vendor-answers?templateId=mhlw-facility-r7`, {
      as: USERS.pref36,
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const fromAwa = own.body.items.find((i) => i.vendorId === AWA && i.campaignId === campaign.id);
    expect(fromAwa?.answers['1-1:system']?.['1']?.value).toBe('yes');
    expect(fromAwa?.mirror['2-3']).toBe('2-3');
    const f001 = await api<FacilityVendorAnswersResponse>('GET', '/api/facilities/f001/vendor-answers?templateId=mhlw-facility-r7', {
      as: USERS.hospitalAdmin36,
    });
    expect(f001.status).toBe(200);
    expect(
      f001.body.items
        .filter((i) => i.campaignId === campaign.id)
        .map((i) => i.vendorId)
        .sort(),
    ).toEqual(
      contractsOf('f001')
        .map((c) => c.vendorId)
        .sort(),
    );
  });

  it('overrides one facility without touching the others, and puts it back', async () => {
    const [first, second] = awaTargets.filter((id) => id !== pacsHospital.id) as [string, string];
    const before = await facility(first);
    // Act
    const res = await api<VendorFacilityView>('PUT', `${base()}/facilities/${first}`, {
      as: USERS.vendor36,
      body: { expectedVersion: before.version, changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: no() }] },
    });
    // Assess
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Each save moves the version one up, so an edit read before it can never match again (no lost update).
    expect(res.body.version).toBe(before.version + 1);
    expect(res.body.answers['1-1:system']?.['1']?.value).toBe('no');
    expect(res.body.overriddenCells).toEqual(['1-1:system']);
    expect((await facility(second)).answers['1-1:system']?.['1']?.value).toBe('yes');
    expect((await rows()).find((r) => r.facilityId === first)?.overriddenCells).toEqual({ count: 1, keys: ['1-1:system'] });
    // A stale version is refused and changes nothing.
    const stale = await api<ErrorBody>('PUT', `${base()}/facilities/${first}`, {
      as: USERS.vendor36,
      body: { expectedVersion: before.version, changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: null }] },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    // null puts the round back to the standard answer: no override is left.
    const back = await api<VendorFacilityView>('PUT', `${base()}/facilities/${first}`, {
      as: USERS.vendor36,
      body: { expectedVersion: res.body.version, changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: null }] },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.version).toBe(before.version + 2);
    expect(back.body.overriddenCells).toEqual([]);
    expect(back.body.answers['1-1:system']?.['1']?.value).toBe('yes');
  });

  it('applies a second standard answer to the facilities whose contract has its systems', async () => {
    // Act
    const created = await saveProfile(
      'pacs',
      { name: 'PACS', systems: ['PACS'], changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: no() }] },
      0,
    );
    // Assess
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const byFacility = new Map((await rows()).map((r) => [r.facilityId, r]));
    expect(byFacility.get(pacsHospital.id)).toMatchObject({ profileId: 'pacs', explicitProfile: false, contractSystems: ['PACS'] });
    for (const id of awaTargets.filter((x) => x !== pacsHospital.id)) expect(byFacility.get(id)?.profileId).toBe('standard');
    expect((await facility(pacsHospital.id)).answers['1-1:system']?.['1']?.value).toBe('no');
    // Creating it again (version 0) is a conflict; the vendor may choose a profile for a facility explicitly.
    expect((await saveProfile('pacs', { name: 'PACS', systems: ['PACS'], changes: [] }, 0)).status).toBe(409);
    const other = awaTargets.find((x) => x !== pacsHospital.id)!;
    const chosen = await api<VendorFacilityView>('PUT', `${base()}/facilities/${other}`, {
      as: USERS.vendor36,
      body: { expectedVersion: (await facility(other)).version, profileId: 'pacs', changes: [] },
    });
    expect(chosen.body).toMatchObject({ profileId: 'pacs', explicitProfile: true });
    const rule = await api<VendorFacilityView>('PUT', `${base()}/facilities/${other}`, {
      as: USERS.vendor36,
      body: { expectedVersion: chosen.body.version, profileId: null, changes: [] },
    });
    expect(rule.body).toMatchObject({ profileId: 'standard', explicitProfile: false });
  });

  it('refuses bad input with 400 naming the field, and a stale profile with 409', async () => {
    const v = await profileVersion('standard');
    const cases: [Record<string, unknown>, string][] = [
      [
        { changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'no', checkedOn: '2025-07-01' } }] },
        'body.changes[0].answer.targetDate',
      ],
      [{ changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { ...yes(), note: 'あ'.repeat(501) } }] }, 'body.changes[0].answer.note'],
      [{ changes: [{ itemId: '9-9', deviceClass: 'system', round: 1, answer: yes() }] }, 'body.changes[0].itemId'],
      [{ changes: [{ itemId: '1-1', deviceClass: 'server', round: 1, answer: yes() }] }, 'body.changes[0].deviceClass'],
      [{ systems: ['FAX'], changes: [] }, 'body.systems[0]'],
      [{ name: '', changes: [] }, 'body.name'],
    ];
    for (const [body, field] of cases) {
      const res = await saveProfile('standard', { name: '標準回答', ...body }, v);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
    }
    const badProfile = await api('PUT', `${base()}/facilities/${linked[0]}`, {
      as: USERS.vendor36,
      body: { expectedVersion: (await facility(linked[0]!)).version, profileId: 'nope', changes: [] },
    });
    expect(badProfile.status).toBe(400);
    expect(fieldsOf(badProfile.body)).toEqual(['body.profileId']);
    const stale = await saveProfile('standard', { name: '標準回答', changes: [] }, v - 1);
    expect(stale.status).toBe(409);
    expect((stale.body as ErrorBody).error.code).toBe('VERSION_CONFLICT');
    expect(await profileVersion('standard')).toBe(v);
  });

  it('deletes a standard answer but never the last one', async () => {
    const extra = await saveProfile('spare', { name: '予備', changes: [] }, 0);
    expect(extra.status).toBe(200);
    expect((await api('DELETE', `${base()}/profiles/spare?expectedVersion=9`, { as: USERS.vendor36 })).status).toBe(409);
    expect((await api('DELETE', `${base()}/profiles/spare?expectedVersion=1`, { as: USERS.vendor36 })).status).toBe(204);
    expect((await response()).profiles.map((p) => p.id)).toEqual(['standard', 'pacs']);
  });

  it('sees only its own response and facilities', async () => {
    expect((await api('GET', `${base()}/response`, { as: USERS.vendor2_36 })).status).toBe(403);
    expect((await api('GET', `${base()}/facilities/${linked[0]}`, { as: USERS.vendor2_36 })).status).toBe(403);
    expect(
      (await api('PUT', `${base()}/profiles/standard`, { as: USERS.vendor2_36, body: { expectedVersion: 1, name: 'x', systems: [], changes: [] } })).status,
    ).toBe(403);
    const notMine = T36.facilities.find((f) => contractsOf(f.id).length > 0 && !awaTargets.includes(f.id) && target.includes(f.id))!;
    expect((await api('GET', `${base()}/facilities/${notMine.id}`, { as: USERS.vendor36 })).status).toBe(404);
  });
});

describe('submission, 差戻し and 確認', () => {
  const full: Answers = completeAnswers(R7, true, '2025-07-01');

  it('refuses an incomplete submission naming the profile and the cells, then submits a complete one', async () => {
    const r = await response();
    const incomplete = await api<ErrorBody>('POST', `${base()}/submit`, { as: USERS.vendor36, body: { expectedVersion: r.version, round: 1 } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.code).toBe('INCOMPLETE');
    expect(fieldsOf(incomplete.body).some((f) => f.startsWith('profiles.standard.answers.'))).toBe(true);
    // Act: both standard answers complete.
    for (const id of ['standard', 'pacs']) {
      const res = await saveProfile(id, {
        name: id === 'pacs' ? 'PACS' : '標準回答',
        ...(id === 'pacs' ? { systems: ['PACS'] } : {}),
        changes: asChanges(full),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const ready = await response();
    const stale = await api<ErrorBody>('POST', `${base()}/submit`, { as: USERS.vendor36, body: { expectedVersion: ready.version - 1, round: 1 } });
    expect(stale.status).toBe(409);
    const submitted = await api<VendorResponseView>('POST', `${base()}/submit`, { as: USERS.vendor36, body: { expectedVersion: ready.version, round: 1 } });
    // Assess
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.submissions.map((s) => s.round)).toEqual([1]);
  });

  it('refuses edits of a submitted response', async () => {
    const profile = await saveProfile('standard', {
      name: '標準回答',
      changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: yes('2025-07-02') }],
    });
    expect(profile.status).toBe(409);
    expect((profile.body as ErrorBody).error.code).toBe('LOCKED');
    const one = await api<ErrorBody>('PUT', `${base()}/facilities/${linked[0]}`, {
      as: USERS.vendor36,
      body: { expectedVersion: (await facility(linked[0]!)).version, changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: no() }] },
    });
    expect(one.status).toBe(409);
    expect((await api('DELETE', `${base()}/profiles/pacs?expectedVersion=${await profileVersion('pacs')}`, { as: USERS.vendor36 })).status).toBe(409);
  });

  it('is sent back with a message, answered again, resubmitted and confirmed by the prefecture', async () => {
    const r = await response(USERS.pref36);
    const empty = await api('POST', `${base()}/return`, { as: USERS.pref36, body: { expectedVersion: r.version, message: ' ' } });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty.body)).toEqual(['body.message']);
    expect((await api('POST', `${base()}/return`, { as: USERS.vendor36, body: { expectedVersion: r.version, message: 'x' } })).status).toBe(403);
    expect((await api('POST', `${base()}/confirm`, { as: USERS.pref36, body: { expectedVersion: r.version - 1 } })).status).toBe(409);
    // Act
    const returned = await api<VendorResponseView>('POST', `${base()}/return`, {
      as: USERS.pref36,
      body: { expectedVersion: r.version, message: '2(2) の根拠を追記してください' },
    });
    // Assess
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.status).toBe('returned');
    expect(returned.body.reviews.at(-1)).toMatchObject({ action: 'returned', round: 1, message: '2(2) の根拠を追記してください' });
    // Confirming a response that is not submitted is refused.
    expect((await api('POST', `${base()}/confirm`, { as: USERS.pref36, body: { expectedVersion: returned.body.version } })).status).toBe(409);
    const fixed = await saveProfile('standard', {
      name: '標準回答',
      changes: [{ itemId: '2-2', deviceClass: 'system', round: 1, answer: { ...yes(), note: 'VPN 経由、作業記録あり' } }],
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.responseStatus).toBe('returned');
    const again = await api<VendorResponseView>('POST', `${base()}/submit`, {
      as: USERS.vendor36,
      body: { expectedVersion: fixed.body.responseVersion, round: 1 },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const confirmed = await api<VendorResponseView>('POST', `${base()}/confirm`, {
      as: USERS.pref36,
      body: { expectedVersion: again.body.version, message: '確認しました' },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.submissions).toHaveLength(2);
    expect(confirmed.body.reviews.map((x) => x.action)).toEqual(['returned', 'confirmed']);
    const listed = await api<CampaignVendorsResponse>('GET', `/api/campaigns/${campaign.id}/vendors?status=confirmed`, { as: USERS.pref36 });
    expect(listed.body.items.map((v) => v.vendorId)).toEqual([AWA]);
    expect(listed.body.counts.byStatus.confirmed).toBe(1);
  });
});

describe('contracts and vendor campaigns', () => {
  it('lists the vendor campaign for the vendor, and keeps an assignment in step with its contract', async () => {
    const mine = await api<{ items: { campaign: Campaign; status: string }[] }>('GET', `/api/vendors/${AWA}/campaigns`, { as: USERS.vendor36 });
    expect(mine.status).toBe(200);
    expect(mine.body.items.find((i) => i.campaign.id === campaign.id)?.status).toBe('confirmed');
    // Act
    const put = await api('PUT', `/api/facilities/${pacsHospital.id}/contracts/${AWA}`, {
      as: USERS.pref36,
      body: { systems: ['PACS', 'その他'], remoteMaintenance: false },
    });
    expect(put.status).toBe(200);
    // Assess
    expect((await rows()).find((r) => r.facilityId === pacsHospital.id)).toMatchObject({ contractSystems: ['PACS', 'その他'], remoteMaintenance: false });
  });
});

describe('the creating job', () => {
  it('writes the same vendor responses and assignments when a chunk runs again', async () => {
    // Prepare: a vendor campaign frozen in state creating, as the API leaves it for the job.
    const repos = createRepositories(testDb(), { tenantId: '36' });
    // f001's contracts are changed by the cross-checks test running beside this one: counted without it.
    const ids = target.filter((id) => id !== 'f001').sort();
    const vendorsOfIds = new Set([...ids.flatMap((id) => contractsOf(id).map((c) => c.vendorId)), AWA]);
    const record: CampaignRecord & { creation: CampaignCreation } = {
      id: `vendor-rerun-${Date.now().toString(36)}`,
      title: { ja: '再実行', en: 'Rerun' },
      templateId: R7.id,
      fiscalYear: 2025,
      opensOn: '2025-06-01',
      deadline: '2026-03-31',
      roundDeadlines: {},
      createdAt: new Date().toISOString(),
      form: 'vendor',
      creation: { status: 'creating', jobId: 'rerun', processed: 0, total: ids.length, carriedForward: 0, updatedAt: new Date().toISOString() },
    };
    await repos.campaigns.begin(record, ids, { userId: 'test', name: 'test', role: 'pref_admin', orgId: 'pref', requestId: 'rerun' });
    const run = () => writeVendorCampaign({ repos, job: { id: 'rerun' } as JobRecord, progress: async () => undefined }, record, ids, R7);
    const read = async () => {
      const counts = await repos.vendorResponses.countsOfCampaign(record.id);
      const page = await repos.vendorResponses.page(record.id, { limit: 200 });
      return { counts, facilities: Object.fromEntries(page.items.map((r) => [r.vendorId, r.facilityCount])) };
    };
    // Act
    const first = await run();
    const once = await read();
    const second = await run();
    // Assess
    expect(second.vendors).toBe(first.vendors);
    expect(await read()).toEqual(once);
    expect(once.counts.total).toBe(vendorsOfIds.size);
    const pairs = ids.flatMap((id) => contractsOf(id)).length + 1; // + the PACS contract added above
    expect(Object.values(once.facilities).reduce((a, b) => a + b, 0)).toBe(pairs);
    // Opened, as the job would, so that it does not linger as a stalled creation in the prefecture's list.
    expect(await repos.campaigns.finishCreation(record.id, 'rerun', ids.length, first.carriedForward)).toBe(true);
  });
});
