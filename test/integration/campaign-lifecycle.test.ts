import type { Campaign, ErrorBody, ResponseView } from '@mcr/contract';
import { getBuiltInTemplate, type Template } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, settle, USERS } from '../support/api.ts';
import { createCampaign } from '../support/campaigns.ts';
import { stackInfo } from '../support/stack-info.ts';
import { asChanges, completeAnswers } from '../support/templates.ts';

/**
 * Campaign dates and the prefecture's changes to a running campaign (docs/decisions/0016-campaign-dates-and-lifecycle.md):
 * dates checked against the fiscal year, deadlines edited, one facility's deadline extended, close, reopen,
 * archive; every change versioned (409 on stale) and audited.
 */
const T36 = tokushima();
// Facilities of the clinic director (answers) and of the hospital administrator (submits), in their own campaign.
const clinic = T36.facilities.find((f) => f.kind === 'clinic')!;
const hospital = T36.facilities.find((f) => f.id === 'f001')!;
const R7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
const contracted = new Set(T36.contracts.map((c) => c.facilityId));
const stamp = Date.now().toString(36);

const listIds = async (query = '') => (await api<{ items: Campaign[] }>('GET', `/api/campaigns${query}`, { as: USERS.pref36 })).body.items.map((c) => c.id);
const auditActions = async (target: string) =>
  (
    await api<{ items: { action: string; target: string; changes: unknown }[] }>('GET', `/api/audit?target=${encodeURIComponent(target)}&limit=100`, {
      as: USERS.pref36,
    })
  ).body.items;

describe('campaign dates', () => {
  it('refuses 0001-01-01 … 9999-12-31 with 400 naming both fields in Japanese and English, and writes nothing', async () => {
    const before = await listIds('?archived=true');
    const res = await api<ErrorBody>('POST', '/api/campaigns', {
      as: USERS.pref36,
      body: {
        templateId: 'mhlw-facility-r7',
        title: { ja: `日付テスト ${stamp}` },
        fiscalYear: 2026,
        opensOn: '0001-01-01',
        deadline: '9999-12-31',
        target: { kind: 'all' },
      },
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.fields ?? [];
    expect(fields.map((f) => f.field)).toEqual(['body.opensOn', 'body.deadline']);
    expect(fields[0]?.message.ja).toContain('令和8年度');
    expect(fields[1]?.message.ja).toContain('2027年6月30日');
    expect(fields[1]?.message.en).toContain('2027-06-30');
    expect(await listIds('?archived=true')).toEqual(before);
  });

  it('refuses a deadline on the opening day and out-of-order rounds', async () => {
    const base = { templateId: 'mhlw-facility-r7', title: { ja: 'x' }, fiscalYear: 2026, target: { kind: 'facilities', ids: [clinic.id] } };
    const same = await api<ErrorBody>('POST', '/api/campaigns', { as: USERS.pref36, body: { ...base, opensOn: '2026-06-01', deadline: '2026-06-01' } });
    expect(same.status).toBe(400);
    expect(same.body.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['body.deadline:deadline_not_after_opening']);
    const rounds = await api<ErrorBody>('POST', '/api/campaigns', {
      as: USERS.pref36,
      body: { ...base, opensOn: '2026-06-01', deadline: '2026-12-25', roundDeadlines: { '2': '2027-08-01' } },
    });
    expect(rounds.status).toBe(400);
    expect(rounds.body.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['body.roundDeadlines.2:deadline_too_late']);
  });
});

describe('a running campaign', () => {
  let c: Campaign;
  const path = () => `/api/campaigns/${c.id}`;
  const responsePath = (facilityId: string) => `${path()}/facilities/${facilityId}/response`;

  it('is created open at version 0', async () => {
    const created = await createCampaign(USERS.pref36, {
      templateId: R7.id,
      title: { ja: `期限変更テスト ${stamp}` },
      fiscalYear: 2026,
      opensOn: '2026-06-01',
      deadline: '2026-12-25',
      target: { kind: 'facilities', ids: [clinic.id, hospital.id] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    c = created.body.campaign;
    expect(c).toMatchObject({ status: 'open', version: 0 });
  });

  it('edits its deadlines: out of the window is a 400 naming the field, stale is a 409, each change audited', async () => {
    const late = await api<ErrorBody>('PUT', `${path()}/deadlines`, {
      as: USERS.pref36,
      body: { expectedVersion: 0, deadline: '2027-07-01', roundDeadlines: {} },
    });
    expect(late.status).toBe(400);
    expect(late.body.error.fields?.[0]?.field).toBe('body.deadline');
    const ok = await api<Campaign>('PUT', `${path()}/deadlines`, {
      as: USERS.pref36,
      body: { expectedVersion: 0, deadline: '2027-01-15', roundDeadlines: { '2': '2027-03-15' } },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ deadline: '2027-01-15', roundDeadlines: { '2': '2027-03-15' }, version: 1 });
    const stale = await api<ErrorBody>('PUT', `${path()}/deadlines`, {
      as: USERS.pref36,
      body: { expectedVersion: 0, deadline: '2027-01-20', roundDeadlines: {} },
    });
    expect(stale.status).toBe(409);
    expect((await api<Campaign>('GET', path(), { as: USERS.pref36 })).body.deadline).toBe('2027-01-15');
    const audit = await auditActions(`campaign/${c.id}`);
    expect(audit.find((a) => a.action === 'campaign.deadlines.update')?.changes).toMatchObject({
      from: { deadline: '2026-12-25' },
      to: { deadline: '2027-01-15' },
    });
    // A facility may not change deadlines.
    const facility = await api('PUT', `${path()}/deadlines`, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: 1, deadline: '2027-01-20', roundDeadlines: {} },
    });
    expect(facility.status).toBe(403);
  });

  it("extends one facility's deadline: the facility sees it, the others keep the campaign's; the dashboard figures stay equal to a recount", async () => {
    const early = await api<ErrorBody>('PUT', `${path()}/facilities/${clinic.id}/extension`, {
      as: USERS.pref36,
      body: { expectedVersion: 0, extendedTo: '2027-01-10' },
    });
    expect(early.status).toBe(400);
    expect(early.body.error.fields?.[0]).toMatchObject({ field: 'body.extendedTo', code: 'not_after_deadline' });
    const granted = await api<{ extendedTo: string; version: number }>('PUT', `${path()}/facilities/${clinic.id}/extension`, {
      as: USERS.pref36,
      body: { expectedVersion: 0, extendedTo: '2027-02-12', reason: '電子カルテ更新のため' },
    });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect(granted.body).toMatchObject({ extendedTo: '2027-02-12', version: 1 });
    const again = await api<ErrorBody>('PUT', `${path()}/facilities/${clinic.id}/extension`, {
      as: USERS.pref36,
      body: { expectedVersion: 0, extendedTo: '2027-02-19' },
    });
    expect(again.status).toBe(409);
    const outsider = await api('PUT', `${path()}/facilities/f099/extension`, { as: USERS.pref36, body: { expectedVersion: 0, extendedTo: '2027-02-19' } });
    expect(outsider.status).toBe(404);

    const seen = await api<ResponseView>('GET', responsePath(clinic.id), { as: USERS.clinic36 });
    expect(seen.body.campaign).toMatchObject({ deadline: '2027-01-15', facilityDeadline: '2027-02-12' });
    const tasks = await api<{ items: { campaign: Campaign }[] }>('GET', '/api/my/tasks', { as: USERS.clinic36 });
    expect(tasks.body.items.find((t) => t.campaign.id === c.id)?.campaign.facilityDeadline).toBe('2027-02-12');
    const other = await api<ResponseView>('GET', responsePath(hospital.id), { as: USERS.hospitalAdmin36 });
    expect(other.body.campaign.facilityDeadline).toBeUndefined();

    const list = await api<{ items: { facilityId: string; extendedTo: string; reason?: string }[] }>('GET', `${path()}/extensions`, { as: USERS.pref36 });
    expect(list.body.items).toEqual([expect.objectContaining({ facilityId: clinic.id, extendedTo: '2027-02-12', reason: '電子カルテ更新のため' })]);
    expect((await auditActions(`campaign/${c.id}/facility/${clinic.id}`)).map((a) => a.action)).toContain('campaign.extension.grant');

    await settle();
    const verify = await api<{ differenceCount: number }>('POST', `${path()}/read-models/verify`, { as: USERS.pref36, body: {} });
    expect(verify.status).toBe(200);
    expect(verify.body.differenceCount).toBe(0);
  });

  it('reminds the extended facility on the steps of its own deadline, the others on the campaign deadline', async () => {
    const run = async (now: string) => {
      const res = await fetch(`${stackInfo().url}/__local/scheduler/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { deadline: { campaigns: number; facilities: number }; errors: string[] };
    };
    // 2027-01-01 is 14 days before the campaign deadline: only the hospital (not extended, not submitted) is due.
    const onCampaignStep = await run('2027-01-01T00:30:00Z');
    expect(onCampaignStep.errors).toEqual([]);
    const inbox = async (as: string) =>
      (
        await api<{ items: { kind: string; body?: { ja: string }; title: { ja: string } }[] }>('GET', '/api/my/notifications?limit=100', { as })
      ).body.items.filter((n) => n.kind === 'deadline_reminder' && n.title.ja.includes(`期限変更テスト ${stamp}`));
    expect(await inbox(USERS.hospitalAdmin36)).toHaveLength(1);
    expect(await inbox(USERS.clinic36)).toHaveLength(0);
    // 2027-01-29: 14 days before the clinic's extended deadline.
    await run('2027-01-29T00:30:00Z');
    const clinicReminders = await inbox(USERS.clinic36);
    expect(clinicReminders).toHaveLength(1);
    expect(clinicReminders[0]?.title.ja).toContain('あと 14 日');
  });

  it('closes: no more answers or submissions, a submitted round can still be confirmed but not sent back; reopens', async () => {
    // The hospital answers everything and submits before the campaign closes.
    const empty = await api<ResponseView>('GET', responsePath(hospital.id), { as: USERS.hospitalAdmin36 });
    const saved = await api<ResponseView>('PUT', `${responsePath(hospital.id)}/answers`, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: empty.body.version, changes: asChanges(completeAnswers(R7, contracted.has(hospital.id), '2026-07-01')) },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await api<ResponseView>('POST', `${responsePath(hospital.id)}/submit`, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: saved.body.version, round: 1 },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

    const current = (await api<Campaign>('GET', path(), { as: USERS.pref36 })).body;
    const stale = await api<ErrorBody>('PUT', `${path()}/status`, {
      as: USERS.pref36,
      body: { expectedVersion: (current.version ?? 0) - 1, status: 'closed' },
    });
    expect(stale.status).toBe(409);
    const archivedAtOnce = await api<ErrorBody>('PUT', `${path()}/status`, {
      as: USERS.pref36,
      body: { expectedVersion: current.version, status: 'archived' },
    });
    expect(archivedAtOnce.status).toBe(400);
    expect(archivedAtOnce.body.error.fields?.[0]?.field).toBe('body.status');
    const closed = await api<Campaign>('PUT', `${path()}/status`, { as: USERS.pref36, body: { expectedVersion: current.version, status: 'closed' } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.status).toBe('closed');

    const clinicView = await api<ResponseView>('GET', responsePath(clinic.id), { as: USERS.clinic36 });
    expect(clinicView.status).toBe(200);
    expect(clinicView.body.campaign.status).toBe('closed');
    const save = await api<ErrorBody>('PUT', `${responsePath(clinic.id)}/answers`, {
      as: USERS.clinic36,
      body: {
        expectedVersion: clinicView.body.version,
        changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: '2026-07-01' } }],
      },
    });
    expect(save.status).toBe(409);
    expect(save.body.error.code).toBe('CLOSED');
    expect(save.body.error.message.ja).toContain('締め切られました');
    const submit = await api<ErrorBody>('POST', `${responsePath(clinic.id)}/submit`, {
      as: USERS.clinic36,
      body: { expectedVersion: clinicView.body.version, round: 1 },
    });
    expect(submit.status).toBe(409);

    const back = await api<ErrorBody>('POST', `${responsePath(hospital.id)}/return`, {
      as: USERS.pref36,
      body: { expectedVersion: submitted.body.version, message: '確認してください', itemComments: [] },
    });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('CLOSED');
    const confirmed = await api<ResponseView>('POST', `${responsePath(hospital.id)}/confirm`, {
      as: USERS.pref36,
      body: { expectedVersion: submitted.body.version, message: '' },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');

    const reopened = await api<Campaign>('PUT', `${path()}/status`, { as: USERS.pref36, body: { expectedVersion: closed.body.version, status: 'open' } });
    expect(reopened.status).toBe(200);
    const saveAgain = await api<ResponseView>('PUT', `${responsePath(clinic.id)}/answers`, {
      as: USERS.clinic36,
      body: {
        expectedVersion: clinicView.body.version,
        changes: [{ itemId: 'gate', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: '2026-07-01' } }],
      },
    });
    expect(saveAgain.status, JSON.stringify(saveAgain.body)).toBe(200);
    const actions = (await auditActions(`campaign/${c.id}`)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['campaign.status.closed', 'campaign.status.open']));
  });

  it('archives a closed campaign: hidden from the default list and from tasks, read-only, listed with archived=true', async () => {
    const v = (await api<Campaign>('GET', path(), { as: USERS.pref36 })).body.version;
    const closed = await api<Campaign>('PUT', `${path()}/status`, { as: USERS.pref36, body: { expectedVersion: v, status: 'closed' } });
    const archived = await api<Campaign>('PUT', `${path()}/status`, { as: USERS.pref36, body: { expectedVersion: closed.body.version, status: 'archived' } });
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(await listIds()).not.toContain(c.id);
    expect(await listIds('?archived=true')).toContain(c.id);
    const tasks = await api<{ items: { campaign: Campaign }[] }>('GET', '/api/my/tasks', { as: USERS.clinic36 });
    expect(tasks.body.items.map((t) => t.campaign.id)).not.toContain(c.id);
    const edit = await api<ErrorBody>('PUT', `${path()}/deadlines`, {
      as: USERS.pref36,
      body: { expectedVersion: archived.body.version, deadline: '2027-01-20', roundDeadlines: {} },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('ARCHIVED');
    const extend = await api<ErrorBody>('PUT', `${path()}/facilities/${hospital.id}/extension`, {
      as: USERS.pref36,
      body: { expectedVersion: 0, extendedTo: '2027-02-19' },
    });
    expect(extend.status).toBe(409);
    const read = await api<ResponseView>('GET', responsePath(clinic.id), { as: USERS.clinic36 });
    expect(read.status).toBe(200);
    expect((await auditActions(`campaign/${c.id}`)).map((a) => a.action)).toContain('campaign.status.archived');
  });
});

describe('the demo campaigns of the current and the previous fiscal year', () => {
  it('令和8年度 is open with every status present, 令和7年度 is closed; both read models equal a recount', async () => {
    const r8 = await api<{ campaign: Campaign; totals: { facilities: number; byStatus: Record<string, number> } }>(
      'GET',
      '/api/campaigns/r8-facility/progress',
      {
        as: USERS.pref36,
      },
    );
    expect(r8.status).toBe(200);
    expect(r8.body.campaign).toMatchObject({ fiscalYear: 2026, status: 'open', deadline: '2027-01-29' });
    expect(r8.body.totals.facilities).toBe(T36.facilities.length);
    for (const s of ['not_started', 'in_progress', 'submitted', 'returned', 'confirmed']) expect(r8.body.totals.byStatus[s], s).toBeGreaterThan(0);
    const r7 = await api<Campaign>('GET', '/api/campaigns/r7-facility', { as: USERS.pref36 });
    expect(r7.body).toMatchObject({ fiscalYear: 2025, status: 'closed' });
    await settle();
    for (const id of ['r8-facility', 'r7-facility']) {
      const verify = await api<{ differenceCount: number }>('POST', `/api/campaigns/${id}/read-models/verify`, { as: USERS.pref36, body: {} });
      expect(verify.body.differenceCount, id).toBe(0);
    }
    // The clinic director's current task counts days to a deadline weeks ahead, not hundreds of days overdue.
    const tasks = await api<{ items: { campaign: Campaign; status: string }[] }>('GET', '/api/my/tasks', { as: USERS.clinic36 });
    expect(tasks.body.items.find((t) => t.campaign.id === 'r8-facility')).toMatchObject({ status: 'in_progress' });
  });
});
