import { describe, expect, it } from 'vitest';
import { fiscalYearOf, todayInJapan } from '@mcr/domain';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, settle, USERS } from '../support/api.ts';

/**
 * 連絡体制図 (issue 10, checklist 3(1)): the clinic builds its chart; saves are versioned (409 on a stale one),
 * validated field by field (ja + en), audited; the prefecture and the clinic's own 保健所 read it; the prefecture's
 * list and figure count it once per fiscal year; vendors keep their incident contact and the chart shows it.
 */
const T36 = tokushima();
const clinic = T36.facilities.find((f) => f.kind === 'clinic')!;
const clinicVendors = T36.contracts.filter((c) => c.facilityId === clinic.id).map((c) => c.vendorId);
const notClinicVendor = T36.vendors.find((v) => !clinicVendors.includes(v.id))!;
const otherHcInspectorNeeded = clinic.healthCenterId !== 'hc-tokushima';

type Field = { field: string; code: string; message: { ja: string; en: string } };
type ChartView = {
  facility: { id: string };
  status: string;
  fiscalYear: number;
  chart: null | { version: number; confirmedOn: string | null; updatedAt: string; director: { name: string } };
  vendors: { vendorId: string; vendorContact: null | { phone: string }; override: null | { phone: string } }[];
  outside: { healthCenters: { healthCenterId: string }[]; mhlw: { phone: string; source: string } };
};
const person = (name: string, phone = '088-622-0001') => ({ name, title: '', phone, afterHoursPhone: '090-1234-5678', email: 'staff@clinic.example.jp' });
const body = (expectedVersion: number, extra: Record<string, unknown> = {}) => ({
  expectedVersion,
  director: { ...person('試験 太郎'), title: '院長' },
  securityOfficer: person('試験 花子'),
  systemStaff: [person('試験 一郎'), person('試験 次郎', '088 622 0003')],
  vendorOverrides: [],
  notes: '夜間・休日は当直医から院長へ',
  ...extra,
});
const get = () => api<ChartView>('GET', '/api/contact-chart', { as: USERS.clinic36 });

describe('連絡体制図', () => {
  it('starts empty with the clinic’s vendors and only its own 保健所 among the outside bodies', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body.facility.id).toBe(clinic.id);
    expect(res.body.fiscalYear).toBe(fiscalYearOf(todayInJapan()));
    expect(res.body.vendors.map((v) => v.vendorId).sort()).toEqual([...clinicVendors].sort());
    expect(res.body.outside.healthCenters.map((h) => h.healthCenterId)).toEqual([clinic.healthCenterId]);
    // The MHLW number comes from the training deck, and says so (also once the prefecture saved it unchanged, as the demo does).
    expect(res.body.outside.mhlw.phone).not.toBe('');
    expect(res.body.outside.mhlw.source).toContain('研修');
  });

  it('refuses bad phone numbers and mail addresses field by field, in Japanese and English, writing nothing', async () => {
    const before = (await get()).body.chart?.version ?? 0;
    const res = await api<{ error: { fields: Field[] } }>('PUT', '/api/contact-chart', {
      as: USERS.clinic36,
      body: body(before, {
        director: { name: '試験 太郎', phone: '12-34', afterHoursPhone: '', email: '' },
        systemStaff: [{ name: '試験 一郎', phone: '088-622-0001', email: 'not-a-mail' }],
      }),
    });
    expect(res.status).toBe(400);
    const byField = new Map(res.body.error.fields.map((f) => [f.field, f]));
    expect(byField.get('body.director.phone')?.message.ja).toContain('電話番号');
    expect(byField.get('body.director.phone')?.message.en).toContain('phone');
    expect(byField.get('body.systemStaff[0].email')?.message.ja).toContain('メールアドレス');
    const unreachable = await api<{ error: { fields: Field[] } }>('PUT', '/api/contact-chart', {
      as: USERS.clinic36,
      body: body(before, { securityOfficer: { name: '試験 花子', phone: '', afterHoursPhone: '' } }),
    });
    expect(unreachable.status).toBe(400);
    expect(unreachable.body.error.fields.map((f) => f.field)).toEqual(['body.securityOfficer.phone']);
    const stranger = await api<{ error: { fields: Field[] } }>('PUT', '/api/contact-chart', {
      as: USERS.clinic36,
      body: body(before, { vendorOverrides: [{ vendorId: notClinicVendor.id, phone: '088-600-0000' }] }),
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.fields[0]?.field).toBe('body.vendorOverrides[0].vendorId');
    expect((await get()).body.chart?.version ?? 0).toBe(before);
  });

  it('saves versioned and audited, refuses a stale save with 409, and records the yearly confirmation', async () => {
    const v0 = (await get()).body.chart?.version ?? 0;
    const saved = await api<ChartView>('PUT', '/api/contact-chart', {
      as: USERS.clinic36,
      body: body(v0, { vendorOverrides: clinicVendors.slice(0, 1).map((vendorId) => ({ vendorId, name: '夜間窓口', phone: '0120-000-111' })) }),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.chart?.version).toBe(v0 + 1);
    expect(saved.body.status).toBe('current');
    expect(saved.body.chart?.director.name).toBe('試験 太郎');
    if (clinicVendors[0]) expect(saved.body.vendors.find((v) => v.vendorId === clinicVendors[0])?.override?.phone).toBe('0120-000-111');

    const stale = await api<{ error: { code: string } }>('PUT', '/api/contact-chart', { as: USERS.clinic36, body: body(v0) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');

    const confirmed = await api<ChartView>('POST', '/api/contact-chart/confirm', { as: USERS.clinic36, body: { expectedVersion: v0 + 1 } });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.chart?.confirmedOn).toBe(todayInJapan());
    expect((await api('POST', '/api/contact-chart/confirm', { as: USERS.clinic36, body: { expectedVersion: v0 + 1 } })).status).toBe(409);

    const audit = await api<{ items: { action: string; target: string; actor: { orgId: string } }[] }>(
      'GET',
      `/api/audit?target=${encodeURIComponent(`facility/${clinic.id}/contact-chart`)}`,
      { as: USERS.pref36 },
    );
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((i) => i.action);
    expect(actions).toContain('contactChart.save');
    expect(actions).toContain('contactChart.confirm');
  });

  it('is read by the prefecture and the clinic’s own 保健所 only', async () => {
    const pref = await api<ChartView>('GET', `/api/facilities/${clinic.id}/contact-chart`, { as: USERS.pref36 });
    expect(pref.status).toBe(200);
    expect(pref.body.chart?.director.name).toBe('試験 太郎');
    const inspector = await api('GET', `/api/facilities/${clinic.id}/contact-chart`, { as: USERS.inspector36 });
    expect(inspector.status).toBe(otherHcInspectorNeeded ? 403 : 200);
    // Another facility, a vendor: not through this route.
    expect((await api('GET', `/api/facilities/${clinic.id}/contact-chart`, { as: USERS.hospitalAdmin36 })).status).toBe(403);
    expect((await api('GET', '/api/contact-chart', { as: USERS.vendor36 })).status).toBe(403);
    expect((await api('PUT', '/api/contact-chart', { as: USERS.pref36, body: body(1) })).status).toBe(403);
  });

  it('lists facilities by 保健所 in pages with their status, and counts a facility once per fiscal year', async () => {
    await settle();
    const seen: { facilityId: string; status: string; healthCenterId: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `healthCenterId=${clinic.healthCenterId}&limit=7${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await api<{ items: typeof seen; nextCursor: string | null }>('GET', `/api/contact-charts?${q}`, { as: USERS.pref36 });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen.map((s) => s.healthCenterId))).toEqual(new Set([clinic.healthCenterId]));
    // Other test files add facilities to this tenant: the list holds every facility the 保健所 has now, once.
    const counts = (await api<{ total: number; byHealthCenter: Record<string, number> }>('GET', '/api/facility-counts', { as: USERS.pref36 })).body;
    expect(new Set(seen.map((s) => s.facilityId)).size).toBe(seen.length);
    expect(seen.length).toBe(counts.byHealthCenter[clinic.healthCenterId]);
    for (const f of T36.facilities.filter((f) => f.healthCenterId === clinic.healthCenterId)) expect(seen.map((s) => s.facilityId)).toContain(f.id);
    expect(seen.find((s) => s.facilityId === clinic.id)?.status).toBe('current');

    const coverage = async () =>
      (
        await api<{ current: number; total: number; byHealthCenter: { healthCenterId: string; current: number }[] }>('GET', '/api/contact-charts/coverage', {
          as: USERS.pref36,
        })
      ).body;
    const first = await coverage();
    expect(first.total).toBe(counts.total);
    expect(first.current).toBeGreaterThanOrEqual(1);
    const currentInList = seen.filter((s) => s.status === 'current').length;
    expect(first.byHealthCenter.find((h) => h.healthCenterId === clinic.healthCenterId)?.current).toBe(currentInList);
    // A second save in the same year moves nothing.
    const v = (await get()).body.chart?.version ?? 0;
    expect((await api('PUT', '/api/contact-chart', { as: USERS.clinic36, body: body(v) })).status).toBe(200);
    await settle();
    expect((await coverage()).current).toBe(first.current);
  });

  it('shows the vendor’s own incident contact, which only the vendor edits (validated, versioned)', async () => {
    const vendorUser = clinicVendors.includes('v-shikoku-it') ? USERS.vendor2_36 : USERS.vendor36;
    const vendorId = vendorUser === USERS.vendor2_36 ? 'v-shikoku-it' : 'v-awa-medical';
    const path = `/api/vendors/${vendorId}/incident-contact`;
    const cur = await api<{ version: number }>('GET', path, { as: vendorUser });
    expect(cur.status).toBe(200);
    const bad = await api<{ error: { fields: Field[] } }>('PUT', path, {
      as: vendorUser,
      body: { expectedVersion: cur.body.version, name: '障害受付', phone: 'abc' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]?.field).toBe('body.phone');
    const ok = await api<{ version: number }>('PUT', path, {
      as: vendorUser,
      body: { expectedVersion: cur.body.version, name: '障害受付センター', phone: '088-699-0000', afterHoursPhone: '090-0000-1111', hours: '24時間' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await api('PUT', path, { as: vendorUser, body: { expectedVersion: cur.body.version, name: 'x' } })).status).toBe(409);
    const pref = await api<{ phone: string }>('GET', path, { as: USERS.pref36 });
    expect(pref.body.phone).toBe('088-699-0000');
    if (clinicVendors.includes(vendorId)) {
      expect((await get()).body.vendors.find((v) => v.vendorId === vendorId)?.vendorContact?.phone).toBe('088-699-0000');
    }
  });

  it('keeps the outside bodies once per prefecture: pref_admin edits (validated, versioned), facilities read', async () => {
    const cur = await api<Record<string, unknown> & { version: number; healthCenters: Record<string, unknown>[]; desks: Record<string, unknown>[] }>(
      'GET',
      '/api/outside-contacts',
      { as: USERS.pref36 },
    );
    const strip = ({ source: _s, ...c }: Record<string, unknown>) => c;
    const next = (police: Record<string, unknown>) => ({
      expectedVersion: cur.body.version,
      prefecture: strip(cur.body.prefecture as Record<string, unknown>),
      police,
      mhlw: strip(cur.body.mhlw as Record<string, unknown>),
      healthCenters: cur.body.healthCenters.map(strip),
      desks: cur.body.desks.map(strip),
    });
    const bad = await api<{ error: { fields: Field[] } }>('PUT', '/api/outside-contacts', { as: USERS.pref36, body: next({ name: '県警', email: 'x@' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]?.field).toBe('body.police.email');
    const ok = await api<{ version: number; police: { phone: string } }>('PUT', '/api/outside-contacts', {
      as: USERS.pref36,
      body: next({ name: '徳島県警察本部', department: 'サイバー犯罪対策課', phone: '088-600-9999' }),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.version).toBe(cur.body.version + 1);
    expect((await api('PUT', '/api/outside-contacts', { as: USERS.pref36, body: next({ name: 'x' }) })).status).toBe(409);
    expect((await api('PUT', '/api/outside-contacts', { as: USERS.clinic36, body: next({ name: 'x' }) })).status).toBe(403);
    const seenByClinic = await get();
    expect((seenByClinic.body.outside as unknown as { police: { phone: string } }).police.phone).toBe('088-600-9999');
  });
});
