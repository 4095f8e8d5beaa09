import type { Campaign, Dashboard, Discrepancy, DiscrepancyPage, ErrorBody, FacilityDiscrepanciesResponse, Vendor } from '@mcr/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, settle, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';

/**
 * Cross-checks on the real local stack (decision 0012): what the demo hospital f001 says in its own 令和7年度
 * campaign against what its vendors say in a 令和7年度 事業者確認用 and have on file. Every change goes through
 * the routes; the stream consumer re-checks (and a job re-checks a vendor's facilities) before `settle()` returns.
 */
const FACILITY = 'f001';
const AWA = 'v-awa-medical';
const stamp = Date.now().toString(36);
let newVendor: Vendor;
let facilityCampaign: Campaign;
let vendorCampaign: Campaign;

const yes = (checkedOn = '2025-07-01') => ({ value: 'yes', checkedOn });
const no = (checkedOn = '2025-07-01', targetDate = '2026-03-01') => ({ value: 'no', checkedOn, targetDate });
const responsePath = () => `/api/campaigns/${facilityCampaign.id}/facilities/${FACILITY}/response`;

/** The facility saves answer cells (round 1) through the checklist route. */
async function facilityAnswers(cells: Record<string, unknown>): Promise<void> {
  const current = await api<{ version: number }>('GET', responsePath(), { as: USERS.hospitalAdmin36 });
  expect(current.status, JSON.stringify(current.body)).toBe(200);
  const changes = Object.entries(cells).map(([key, answer]) => {
    const [itemId, deviceClass] = key.split(':');
    return { itemId, deviceClass, round: 1, answer };
  });
  const res = await api('PUT', `${responsePath()}/answers`, { as: USERS.hospitalAdmin36, body: { expectedVersion: current.body.version, changes } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await settle();
}

/** 阿波メディカル saves its standard answer (applies to every linked facility, f001 included). */
async function vendorAnswers(cells: Record<string, unknown>): Promise<void> {
  const base = `/api/campaigns/${vendorCampaign.id}/vendors/${AWA}`;
  const current = await api<{ profiles: { id: string; version: number }[] }>('GET', `${base}/response`, { as: USERS.vendor36 });
  expect(current.status, JSON.stringify(current.body)).toBe(200);
  const version = current.body.profiles.find((p) => p.id === 'standard')?.version ?? 0;
  const changes = Object.entries(cells).map(([key, answer]) => {
    const [itemId, deviceClass] = key.split(':');
    return { itemId, deviceClass, round: 1, answer };
  });
  const res = await api('PUT', `${base}/profiles/standard`, { as: USERS.vendor36, body: { expectedVersion: version, name: '標準回答', systems: [], changes } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await settle();
}

async function ofFacility(as: string = USERS.hospitalAdmin36, state?: string): Promise<Discrepancy[]> {
  const res = await api<FacilityDiscrepanciesResponse>('GET', `/api/facilities/${FACILITY}/discrepancies${state ? `?state=${state}` : ''}`, { as });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.filter((d) => d.campaignId === facilityCampaign.id);
}
const one = async (rule: string, vendorId: string) => (await ofFacility()).find((d) => d.rule === rule && d.vendorId === vendorId);

/** Every page of a paged discrepancy list. */
async function allPages(path: string, as: string): Promise<Discrepancy[]> {
  const out: Discrepancy[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: DiscrepancyPage } = await api<DiscrepancyPage>('GET', `${path}${cursor ? `${sep}cursor=${cursor}` : ''}`, { as });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

async function dashboardCounts(): Promise<{ open: number; byRule: Record<string, number> }> {
  const res = await api<Dashboard>('GET', `/api/campaigns/${facilityCampaign.id}/dashboard`, { as: USERS.pref36 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.summary.discrepancies ?? { open: 0, byRule: {} };
}

/** The dashboard counts equal the open and explained discrepancies of the campaign (its only facility is f001). */
async function expectDashboardMatches(): Promise<void> {
  const active = (await ofFacility(USERS.pref36)).filter((d) => d.state === 'open' || d.state === 'explained');
  const counts = await dashboardCounts();
  expect(counts.open).toBe(active.length);
  for (const rule of ['disclosure_missing', 'disclosure_claim_unfiled', 'remote_maintenance', 'contract_disputed', 'mirror_mismatch']) {
    expect(counts.byRule[rule] ?? 0, rule).toBe(active.filter((d) => d.rule === rule).length);
  }
  const verify = await api<{ differenceCount: number; differences: unknown[] }>('POST', `/api/campaigns/${facilityCampaign.id}/read-models/verify`, {
    as: USERS.pref36,
    body: { repair: false },
  });
  expect(verify.status).toBe(200);
  expect(verify.body.differences).toEqual([]);
  expect(verify.body.differenceCount).toBe(0);
}

beforeAll(async () => {
  const created = await api<Vendor>('POST', '/api/vendors', {
    as: USERS.pref36,
    body: { name: `突合テスト事業者 ${stamp}`, contactEmail: `xc-${stamp}@example.jp` },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  newVendor = created.body;
  for (const vendorId of [newVendor.id, AWA]) {
    const contract = await api('PUT', `/api/facilities/${FACILITY}/contracts/${vendorId}`, {
      as: USERS.pref36,
      body: { systems: ['電子カルテ'], remoteMaintenance: true },
    });
    expect(contract.status, JSON.stringify(contract.body)).toBe(200);
  }
  const common = { fiscalYear: 2025, opensOn: '2025-06-01', deadline: '2026-03-31', target: { kind: 'facilities', ids: [FACILITY] } };
  const fc = await createCampaign(USERS.pref36, { ...common, templateId: 'mhlw-facility-r7', title: { ja: `令和7年度 突合テスト ${stamp}` } });
  expect(fc.status, JSON.stringify(fc.body)).toBe(201);
  facilityCampaign = fc.body.campaign;
  const vc = await createCampaign(USERS.pref36, { ...common, templateId: 'mhlw-vendor-r7', title: { ja: `令和7年度 事業者確認用 突合テスト ${stamp}` } });
  expect(vc.status, JSON.stringify(vc.body)).toBe(201);
  vendorCampaign = vc.body.campaign;
  await settle();
});

afterAll(async () => {
  for (const vendorId of [newVendor?.id, AWA]) if (vendorId) await api('DELETE', `/api/facilities/${FACILITY}/contracts/${vendorId}`, { as: USERS.pref36 });
  await settle();
});

describe('disclosure_missing: the facility says it has the MDS/SDS, the vendor has none on file', () => {
  it('opens for the facility, the vendor and the prefecture, and counts on the dashboard', async () => {
    // Act
    await facilityAnswers({ 'gate:system': yes(), '2-3:system': yes() });
    // Assess
    const d = await one('disclosure_missing', newVendor.id);
    expect(d).toMatchObject({
      facilityId: FACILITY,
      vendorName: newVendor.name,
      state: 'open',
      itemId: '2-3',
      itemNumber: '2(3)',
      cell: null,
      detail: { facility: 'yes', documents: 0 },
      version: 1,
    });
    expect(d?.itemText.ja).toContain('MDS/SDS');
    expect(d?.history.map((h) => [h.action, h.byOrg])).toEqual([['opened', 'system']]);
    expect(d?.id).toMatch(/^[A-Za-z0-9_-]+$/);
    const ofVendor = await allPages(`/api/vendors/${newVendor.id}/discrepancies`, USERS.pref36);
    expect(ofVendor.map((x) => x.id)).toContain(d?.id);
    expect(ofVendor.every((x) => x.vendorId === newVendor.id)).toBe(true);
    const work = await allPages('/api/discrepancies?rule=disclosure_missing', USERS.pref36);
    expect(work.map((x) => x.id)).toContain(d?.id);
    expect(work.every((x) => x.rule === 'disclosure_missing' && (x.state === 'open' || x.state === 'explained'))).toBe(true);
    // f001 is in 徳島保健所: its inspector sees it in its own list.
    const inspector = await allPages('/api/discrepancies', USERS.inspector36);
    expect(inspector.map((x) => x.id)).toContain(d?.id);
    expect(inspector.every((x) => x.healthCenterId === 'hc-tokushima')).toBe(true);
    expect((await dashboardCounts()).byRule.disclosure_missing).toBeGreaterThanOrEqual(1);
    await expectDashboardMatches();
  });

  it('is cleared (with history) when the facility answers いいえ, and reopened when it says はい again', async () => {
    const before = (await dashboardCounts()).byRule.disclosure_missing ?? 0;
    // Act
    await facilityAnswers({ '2-3:system': no() });
    // Assess
    const cleared = await one('disclosure_missing', newVendor.id);
    expect(cleared?.state).toBe('cleared');
    expect(cleared?.history.map((h) => h.action)).toEqual(['opened', 'cleared']);
    // Every vendor's disclosure_missing of this campaign goes: the facility no longer claims any MDS/SDS.
    expect(before).toBeGreaterThanOrEqual(1);
    expect((await dashboardCounts()).byRule.disclosure_missing).toBe(0);
    expect((await allPages('/api/discrepancies?rule=disclosure_missing', USERS.pref36)).map((x) => x.id)).not.toContain(cleared?.id);
    expect((await ofFacility(USERS.hospitalAdmin36, 'cleared')).map((x) => x.id)).toContain(cleared?.id);
    await expectDashboardMatches();
    // Act again
    await facilityAnswers({ '2-3:system': yes() });
    const reopened = await one('disclosure_missing', newVendor.id);
    expect(reopened).toMatchObject({ id: cleared?.id, state: 'open' });
    expect(reopened?.history.map((h) => h.action)).toEqual(['opened', 'cleared', 'reopened']);
    expect((await dashboardCounts()).byRule.disclosure_missing).toBe(before);
  });

  it('changes nothing when the same facts are re-checked again (idempotent)', async () => {
    const before = await one('disclosure_missing', newVendor.id);
    // Act: a change of another item re-checks the facility.
    await facilityAnswers({ '2-1:system': yes() });
    // Assess
    expect(await one('disclosure_missing', newVendor.id)).toEqual(before);
  });
});

describe('the vendor side: remote maintenance and mirrored items', () => {
  it('flags a contract with remote maintenance when the vendor answers いいえ to 2(2), and a mirrored item answered the other way', async () => {
    // Act: 阿波メディカル answers once for all its facilities (a job re-checks each of them).
    await facilityAnswers({ '1-1:system': yes() });
    await vendorAnswers({ 'gate:system': yes(), '2-2:system': no(), '1-1:system': no() });
    // Assess
    const remote = await one('remote_maintenance', AWA);
    expect(remote).toMatchObject({ state: 'open', itemNumber: '2(2)', detail: { contract: true, vendor: 'no' } });
    const mirror = (await ofFacility()).find((d) => d.rule === 'mirror_mismatch' && d.vendorId === AWA && d.cell === '1-1:system');
    expect(mirror).toMatchObject({ state: 'open', itemId: '1-1', detail: { facility: 'yes', vendor: 'no' } });
    // The vendor sees them in its own list.
    const own = await allPages(`/api/vendors/${AWA}/discrepancies?state=open`, USERS.vendor36);
    expect(own.map((x) => x.id)).toEqual(expect.arrayContaining([remote?.id, mirror?.id]));
    expect(own.every((x) => x.vendorId === AWA && x.state === 'open')).toBe(true);
    await expectDashboardMatches();
  });

  it('clears the mirrored item once both sides agree', async () => {
    // Act
    await vendorAnswers({ '1-1:system': yes() });
    // Assess
    const mirror = (await ofFacility()).find((d) => d.rule === 'mirror_mismatch' && d.vendorId === AWA && d.cell === '1-1:system');
    expect(mirror?.state).toBe('cleared');
    await expectDashboardMatches();
  });
});

describe('explanations and resolution', () => {
  it('lets the facility explain its own discrepancy, refusing a stale version, an empty or too long text and another facility', async () => {
    const d = (await one('disclosure_missing', newVendor.id)) as Discrepancy;
    const path = `/api/facilities/${FACILITY}/discrepancies/${d.id}/explanations`;
    const long = await api<ErrorBody>('POST', path, { as: USERS.hospitalAdmin36, body: { expectedVersion: d.version, text: 'あ'.repeat(1001) } });
    expect(long.status).toBe(400);
    expect(long.body.error.fields?.map((f) => f.field)).toEqual(['body.text']);
    const empty = await api<ErrorBody>('POST', path, { as: USERS.hospitalAdmin36, body: { expectedVersion: d.version, text: '' } });
    expect(empty.status).toBe(400);
    const other = await api('POST', path, { as: USERS.clinic36, body: { expectedVersion: d.version, text: '他院から' } });
    expect([403, 404]).toContain(other.status);
    // Act
    const res = await api<Discrepancy>('POST', path, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: d.version, text: '紙で受領済みです。登録を依頼しました。' },
    });
    // Assess
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'explained', version: d.version + 1 });
    expect(res.body.history.at(-1)).toMatchObject({ action: 'explained', byOrg: 'facility', text: '紙で受領済みです。登録を依頼しました。' });
    const stale = await api<ErrorBody & { error: { currentVersion?: number } }>('POST', path, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: d.version, text: 'もう一度' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    // Explained still counts as open on the dashboard and in the work list.
    expect((await allPages('/api/discrepancies?rule=disclosure_missing', USERS.pref36)).map((x) => x.id)).toContain(d.id);
    await expectDashboardMatches();
  });

  it("lets the vendor explain its own discrepancy, and no other vendor's", async () => {
    const remote = (await one('remote_maintenance', AWA)) as Discrepancy;
    // Act
    const res = await api<Discrepancy>('POST', `/api/facilities/${FACILITY}/discrepancies/${remote.id}/explanations`, {
      as: USERS.vendor36,
      body: { expectedVersion: remote.version, text: '当該施設ではリモート保守を停止済みです。' },
    });
    // Assess
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.history.at(-1)).toMatchObject({ action: 'explained', byOrg: 'vendor' });
    const foreign = (await one('disclosure_missing', newVendor.id)) as Discrepancy;
    const refused = await api('POST', `/api/facilities/${FACILITY}/discrepancies/${foreign.id}/explanations`, {
      as: USERS.vendor36,
      body: { expectedVersion: foreign.version, text: '他社の件' },
    });
    expect(refused.status).toBe(404);
  });

  it('lets the prefecture resolve: out of the work list and the counts, kept through re-checks, closed to more explanations', async () => {
    const d = (await one('disclosure_missing', newVendor.id)) as Discrepancy;
    const before = (await dashboardCounts()).byRule.disclosure_missing ?? 0;
    // Act
    const res = await api<Discrepancy>('POST', `/api/facilities/${FACILITY}/discrepancies/${d.id}/resolve`, {
      as: USERS.pref36,
      body: { expectedVersion: d.version, text: '紙の開示書を確認しました。' },
    });
    await settle();
    // Assess
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('resolved');
    expect(res.body.history.map((h) => h.action)).toEqual(['opened', 'cleared', 'reopened', 'explained', 'resolved']);
    expect(res.body.history.at(-1)).toMatchObject({ byOrg: 'prefecture', text: '紙の開示書を確認しました。' });
    expect((await dashboardCounts()).byRule.disclosure_missing).toBe(before - 1);
    expect((await allPages('/api/discrepancies?rule=disclosure_missing', USERS.pref36)).map((x) => x.id)).not.toContain(d.id);
    await facilityAnswers({ '2-4:server': yes() });
    expect((await one('disclosure_missing', newVendor.id))?.state).toBe('resolved');
    const closed = await api<ErrorBody>('POST', `/api/facilities/${FACILITY}/discrepancies/${d.id}/explanations`, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: res.body.version, text: '追記' },
    });
    expect(closed.status).toBe(409);
    const inspector = await api('POST', `/api/facilities/${FACILITY}/discrepancies/${d.id}/resolve`, {
      as: USERS.inspector36,
      body: { expectedVersion: res.body.version },
    });
    expect(inspector.status).toBe(403);
    await expectDashboardMatches();
  });

  it('answers 404 for an id that is not a discrepancy of this facility', async () => {
    for (const id of ['bm90LWEtZGlzY3JlcGFuY3k', 'x']) {
      const res = await api('POST', `/api/facilities/${FACILITY}/discrepancies/${id}/resolve`, { as: USERS.pref36, body: { expectedVersion: 1 } });
      expect(res.status).toBe(404);
    }
  });
});

describe('a contract removed', () => {
  it("clears the removed vendor's discrepancies that are still open", async () => {
    const remote = await one('remote_maintenance', AWA);
    expect(remote?.state).toBe('explained');
    // Act
    const res = await api('DELETE', `/api/facilities/${FACILITY}/contracts/${AWA}`, { as: USERS.pref36 });
    expect(res.status).toBeLessThan(300);
    await settle();
    // Assess
    const after = await one('remote_maintenance', AWA);
    expect(after?.state).toBe('cleared');
    expect(after?.history.map((h) => h.action)).toEqual(['opened', 'explained', 'cleared']);
    await expectDashboardMatches();
  });
});
