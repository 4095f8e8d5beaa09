import type { Campaign, Dashboard, ResponseView, VendorResponseView } from '@mcr/contract';
import { type Actor, createRepositories, VersionConflictError } from '@mcr/data';
import { getBuiltInTemplate, type Template } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { toHttpError } from '../../functions/src/pipeline/errors.ts';
import { tokushima } from '../../packages/local/src/seed/demo-data.ts';
import { api, login, settle, USERS } from '../support/api.ts';
import { auditEntriesOf } from '../support/audit.ts';
import { stackInfo } from '../support/stack-info.ts';
import { createCampaign } from '../support/campaigns.ts';
import { completeVendorProfiles, expectAuditedOnce, expectOneWinner, race } from '../support/races.ts';
import { asChanges, completeAnswers } from '../support/templates.ts';
import { pdfBytes, TYPES, uploadFile } from '../support/uploads.ts';
import { testDb } from '../support/rows.ts';

/**
 * Races on every conditional write (issue 12 item 3): N identical requests at once through the API, each carrying
 * the version the client read. Exactly one wins (2xx); every other one is a 409 (never a 5xx, never two winners);
 * what is stored is the winner's; the dashboard's aggregates equal a recount afterwards. Registrations for a full
 * training are raced in trainings.test.ts (100 at once for the last seats) and not repeated here.
 */
const T36 = tokushima();
const hospital = T36.facilities.find((f) => f.id === 'f001')!;
const clinic = T36.facilities.find((f) => f.kind === 'clinic')!;
const contracted = new Set(T36.contracts.map((c) => c.facilityId));
const R7 = getBuiltInTemplate('mhlw-facility-r7') as Template;
const N = 6;
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A campaign of its own for the two demo facilities: nobody else writes its responses. */
async function ownCampaign(title: string): Promise<Campaign> {
  const created = await createCampaign(USERS.pref36, {
    templateId: R7.id,
    title: { ja: `${title} ${stamp}` },
    fiscalYear: 2026,
    opensOn: '2026-06-01',
    deadline: '2026-12-25',
    target: { kind: 'facilities', ids: [hospital.id, clinic.id] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.campaign;
}

const responsePath = (c: Campaign, facilityId = hospital.id) => `/api/campaigns/${c.id}/facilities/${facilityId}/response`;
const readResponse = async (c: Campaign, facilityId = hospital.id) => {
  const r = await api<ResponseView>('GET', responsePath(c, facilityId), { as: USERS.pref36 });
  expect(r.status).toBe(200);
  return r.body;
};

/** The read models equal a recount, and the dashboard's headline counts equal the responses as stored. */
async function expectAggregatesEqualRecount(c: Campaign) {
  await settle();
  const verify = await api<{ differenceCount: number; differences: unknown[] }>('POST', `/api/campaigns/${c.id}/read-models/verify`, {
    as: USERS.pref36,
    body: {},
  });
  expect(verify.status).toBe(200);
  expect(verify.body.differences).toEqual([]);
  const dash = await api<Dashboard>('GET', `/api/campaigns/${c.id}/dashboard`, { as: USERS.pref36 });
  expect(dash.status).toBe(200);
  const stored = await Promise.all([hospital.id, clinic.id].map((f) => readResponse(c, f)));
  expect(dash.body.summary.facilities).toBe(2);
  for (const status of ['not_started', 'in_progress', 'submitted', 'returned', 'confirmed'])
    expect(dash.body.summary.byStatus[status] ?? 0, status).toBe(stored.filter((r) => r.status === status).length);
}

describe('races on a response: saves, submits and reviews', () => {
  it('saves without a base at one version: one wins, the others are 409 and what is stored is the winner', async () => {
    const c = await ownCampaign('競合テスト');
    const before = await readResponse(c);
    const values = ['yes', 'no', 'yes', 'no', 'yes', 'no'] as const;
    const results = await race(N, (i) =>
      api<ResponseView>('PUT', `${responsePath(c)}/answers`, {
        as: i % 2 ? USERS.hospitalStaff36 : USERS.hospitalAdmin36,
        body: {
          expectedVersion: before.version,
          changes: [
            {
              itemId: '1-1',
              deviceClass: 'system',
              round: 1,
              answer: { value: values[i], checkedOn: `2026-07-0${i + 1}`, ...(values[i] === 'no' ? { targetDate: '2027-01-31' } : {}) },
            },
          ],
        },
      }),
    );
    const { index } = expectOneWinner(results, 'save');
    await expectAuditedOnce(results, 'response.answers.save');
    const after = await readResponse(c);
    expect(after.version).toBe(before.version + 1);
    expect(after.answers['1-1:system']?.['1']?.checkedOn).toBe(`2026-07-0${index + 1}`);
  });

  it('merged saves of one cell from the same base: one wins, the others are 409 CELL_CONFLICT', async () => {
    const c = await ownCampaign('競合テスト');
    const before = await readResponse(c);
    const base = before.answers['2-11:system']?.['1'] ?? null;
    const results = await race(N, (i) =>
      api<ResponseView>('PUT', `${responsePath(c)}/answers`, {
        as: USERS.hospitalAdmin36,
        body: {
          expectedVersion: before.version,
          changes: [{ itemId: '2-11', deviceClass: 'system', round: 1, base, answer: { value: 'yes', checkedOn: `2026-08-0${i + 1}` } }],
        },
      }),
    );
    const { index } = expectOneWinner(results, 'merged save of one cell');
    await expectAuditedOnce(results, 'response.answers.save');
    for (const r of results) if (r.status === 409) expect((r.body as unknown as { error: { code: string } }).error.code).toBe('CELL_CONFLICT');
    expect((await readResponse(c)).answers['2-11:system']?.['1']?.checkedOn).toBe(`2026-08-0${index + 1}`);
  });

  it('merged saves of different cells all land: nothing is lost', async () => {
    const c = await ownCampaign('競合テスト');
    const before = await readResponse(c);
    // As many as a merging save tries (MERGE_ATTEMPTS, functions/src/services/answer-merge.ts): each try, one lands.
    const cells = ['2-1', '2-2', '2-3', '2-6', '2-7'];
    const results = await race(cells.length, (i) =>
      api<ResponseView>('PUT', `${responsePath(c)}/answers`, {
        as: USERS.hospitalAdmin36,
        body: {
          expectedVersion: before.version,
          changes: [{ itemId: cells[i], deviceClass: 'system', round: 1, base: null, answer: { value: 'yes', checkedOn: '2026-09-01' } }],
        },
      }),
    );
    expect(results.map((r) => r.status)).toEqual(cells.map(() => 200));
    const after = await readResponse(c);
    for (const cell of cells) expect(after.answers[`${cell}:system`]?.['1']?.checkedOn, cell).toBe('2026-09-01');
    expect(after.version).toBe(before.version + cells.length);
  });

  it('submits at one version, with a save racing them: exactly one of them wins', async () => {
    const c = await ownCampaign('競合テスト');
    const view = await readResponse(c);
    const full = await api<ResponseView>('PUT', `${responsePath(c)}/answers`, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: view.version, changes: asChanges(completeAnswers(R7, contracted.has(hospital.id), '2026-07-01')) },
    });
    expect(full.status, JSON.stringify(full.body)).toBe(200);
    const v = full.body.version;
    // Request 0 clears a required cell: were it and a submit both to land, the submitted round would be incomplete.
    const results = await race(N, (i) =>
      i === 0
        ? api<ResponseView>('PUT', `${responsePath(c)}/answers`, {
            as: USERS.hospitalStaff36,
            body: { expectedVersion: v, changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: null }] },
          })
        : api<ResponseView>('POST', `${responsePath(c)}/submit`, { as: USERS.hospitalAdmin36, body: { expectedVersion: v, round: 1 } }),
    );
    const { index } = expectOneWinner(results, 'save + submits');
    await expectAuditedOnce(results, index === 0 ? 'response.answers.save' : 'response.submit');
    const after = await readResponse(c);
    expect(after.version).toBe(v + 1);
    expect(after.status).toBe(index === 0 ? 'in_progress' : 'submitted');
    expect(after.submissions.length).toBe(index === 0 ? 0 : 1);
    await expectAggregatesEqualRecount(c);
  });

  it('a submit racing saves at its version: one wins — a save landing first makes the submit a 409, whatever it read', async () => {
    // The submit reads the response, checks it is complete, then writes conditioned on the version it read. Saves
    // that clear required cells race it: a submit that wrote after one of them landed would submit an incomplete
    // round. Three rounds, each on a campaign of its own, so that a save does land first in at least one.
    const cells = ['2-1', '2-2', '2-3', '2-6', '2-7'];
    for (let round = 0; round < 3; round++) {
      const c = await ownCampaign('競合テスト');
      const full = await api<ResponseView>('PUT', `${responsePath(c)}/answers`, {
        as: USERS.hospitalAdmin36,
        body: { expectedVersion: (await readResponse(c)).version, changes: asChanges(completeAnswers(R7, contracted.has(hospital.id), '2026-07-01')) },
      });
      expect(full.status, JSON.stringify(full.body)).toBe(200);
      const v = full.body.version;
      const results = await race(cells.length + 1, (i) =>
        i === 0
          ? api<ResponseView>('POST', `${responsePath(c)}/submit`, { as: USERS.hospitalAdmin36, body: { expectedVersion: v, round: 1 } })
          : api<ResponseView>('PUT', `${responsePath(c)}/answers`, {
              as: USERS.hospitalStaff36,
              body: { expectedVersion: v, changes: [{ itemId: cells[i - 1], deviceClass: 'system', round: 1, answer: null }] },
            }),
      );
      const { index } = expectOneWinner(results, `submit + saves, round ${round}`);
      const after = await readResponse(c);
      expect(after.version).toBe(v + 1);
      expect(after.status).toBe(index === 0 ? 'submitted' : 'in_progress');
      expect(after.submissions.length).toBe(index === 0 ? 1 : 0);
    }
  });

  it('a submit whose write comes after a save landed, at the version it read before, is refused by the write itself: 409, nothing written', async () => {
    // The races above catch a submit written without its version condition only when a save happens to land
    // between the submit's read and its write. This one puts the save there every time: the submit's read is
    // done (complete, at version v), a save clearing a required cell lands (v + 1, still editable), then the
    // submit's write is sent with what it read, exactly as the handler sends it. Only the condition stops it.
    const c = await ownCampaign('競合テスト');
    const full = await api<ResponseView>('PUT', `${responsePath(c)}/answers`, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: (await readResponse(c)).version, changes: asChanges(completeAnswers(R7, contracted.has(hospital.id), '2026-07-01')) },
    });
    expect(full.status, JSON.stringify(full.body)).toBe(200);
    const v = full.body.version;
    const repos = createRepositories(testDb(), { tenantId: '36' });
    const read = await repos.responses.require(c.id, hospital.id);
    expect(read).toMatchObject({ version: v, status: 'in_progress' });
    const save = await api<ResponseView>('PUT', `${responsePath(c)}/answers`, {
      as: USERS.hospitalStaff36,
      body: { expectedVersion: v, changes: [{ itemId: '2-1', deviceClass: 'system', round: 1, answer: null }] },
    });
    expect(save.status, JSON.stringify(save.body)).toBe(200);
    const who = login(USERS.hospitalAdmin36);
    const actor: Actor = { userId: who.userId, name: '競合テスト', role: who.role as Actor['role'], orgId: hospital.id, requestId: `race-submit-${stamp}` };
    const since = new Date().toISOString();
    const submit = repos.responses.submit(
      c.id,
      hospital.id,
      {
        expectedVersion: v,
        round: 1,
        submissions: read.submissions,
        previousStatus: read.status,
        context: { hasVendorContract: contracted.has(hospital.id) },
        answers: read.answers,
        evaluation: read.evaluation,
      },
      actor,
    );
    const refused = await submit.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(VersionConflictError);
    expect(toHttpError(refused, actor.requestId).status).toBe(409);
    const after = await readResponse(c);
    expect(after).toMatchObject({ version: v + 1, status: 'in_progress', submissions: [] });
    expect(await auditEntriesOf(actor.requestId, since)).toEqual([]);
  });

  it('confirms and returns of one submitted round at one version: one decision wins', async () => {
    const c = await ownCampaign('競合テスト');
    const start = await readResponse(c);
    const filled = await api<ResponseView>('PUT', `${responsePath(c)}/answers`, {
      as: USERS.hospitalAdmin36,
      body: { expectedVersion: start.version, changes: asChanges(completeAnswers(R7, contracted.has(hospital.id), '2026-07-01')) },
    });
    expect(filled.status).toBe(200);
    const sub = await api('POST', `${responsePath(c)}/submit`, { as: USERS.hospitalAdmin36, body: { expectedVersion: filled.body.version, round: 1 } });
    expect(sub.status).toBe(200);
    const view = await readResponse(c);
    expect(view.status).toBe('submitted');
    const results = await race(N, (i) =>
      api<ResponseView>('POST', `${responsePath(c)}/${i % 2 ? 'return' : 'confirm'}`, {
        as: USERS.pref36,
        body: { expectedVersion: view.version, message: `判断 ${i}` },
      }),
    );
    const { index } = expectOneWinner(results, 'confirm/return');
    await expectAuditedOnce(results, index % 2 ? 'response.return' : 'response.confirm');
    const after = await readResponse(c);
    expect(after.status).toBe(index % 2 ? 'returned' : 'confirmed');
    expect(after.reviews.length).toBe(1);
    expect(after.reviews[0]?.message).toBe(`判断 ${index}`);
    await expectAggregatesEqualRecount(c);
  });

  it('a review at the version read before a return and a new submission is refused: it would decide on answers not seen', async () => {
    const c = await ownCampaign('競合テスト');
    const start = await readResponse(c, clinic.id);
    const filled = await api<ResponseView>('PUT', `${responsePath(c, clinic.id)}/answers`, {
      as: USERS.clinic36,
      body: { expectedVersion: start.version, changes: asChanges(completeAnswers(R7, contracted.has(clinic.id), '2026-07-01')) },
    });
    expect(filled.status).toBe(200);
    const submitted = await api<ResponseView>('POST', `${responsePath(c, clinic.id)}/submit`, {
      as: USERS.clinic36,
      body: { expectedVersion: filled.body.version, round: 1 },
    });
    expect(submitted.status).toBe(200);
    const seen = submitted.body.version;
    const returned = await api<ResponseView>('POST', `${responsePath(c, clinic.id)}/return`, {
      as: USERS.pref36,
      body: { expectedVersion: seen, message: '再確認' },
    });
    expect(returned.status).toBe(200);
    const resubmitted = await api<ResponseView>('POST', `${responsePath(c, clinic.id)}/submit`, {
      as: USERS.clinic36,
      body: { expectedVersion: returned.body.version, round: 1 },
    });
    expect(resubmitted.status).toBe(200);
    // Submitted again, but at a later version than the reviewer read: a stale confirm or return is a 409.
    for (const action of ['confirm', 'return']) {
      const stale = await api<{ error: { code: string } }>('POST', `${responsePath(c, clinic.id)}/${action}`, {
        as: USERS.pref36,
        body: { expectedVersion: seen, message: '古い画面から' },
      });
      expect(stale.status, action).toBe(409);
    }
    expect((await readResponse(c, clinic.id)).reviews.length).toBe(1);
  });
});

describe('races on a campaign: deadlines, status, extensions', () => {
  it('deadline edits at one version: one wins and its deadline is stored', async () => {
    const c = await ownCampaign('調査変更競合');
    const path = () => `/api/campaigns/${c.id}`;
    const v = (await api<Campaign>('GET', path(), { as: USERS.pref36 })).body.version ?? 0;
    const results = await race(N, (i) =>
      api<Campaign>('PUT', `${path()}/deadlines`, { as: USERS.pref36, body: { expectedVersion: v, deadline: `2027-01-1${i}`, roundDeadlines: {} } }),
    );
    const { index } = expectOneWinner(results, 'deadlines');
    await expectAuditedOnce(results, 'campaign.deadlines.update');
    const after = (await api<Campaign>('GET', path(), { as: USERS.pref36 })).body;
    expect(after).toMatchObject({ deadline: `2027-01-1${index}`, version: v + 1 });
  });

  it("one facility's extension granted at once by several tabs (version 0): one grant, then edits at one version: one wins", async () => {
    const c = await ownCampaign('調査変更競合');
    const path = () => `/api/campaigns/${c.id}`;
    const ext = `${path()}/facilities/${clinic.id}/extension`;
    const grants = await race(N, (i) =>
      api<{ extendedTo: string; version: number }>('PUT', ext, { as: USERS.pref36, body: { expectedVersion: 0, extendedTo: `2027-02-1${i}` } }),
    );
    const granted = expectOneWinner(grants, 'extension grant');
    await expectAuditedOnce(grants, 'campaign.extension.grant');
    expect(granted.winner.body.version).toBe(1);
    const edits = await race(N, (i) =>
      api<{ extendedTo: string; version: number }>('PUT', ext, { as: USERS.pref36, body: { expectedVersion: 1, extendedTo: `2027-03-0${i + 1}` } }),
    );
    const edited = expectOneWinner(edits, 'extension edit');
    await expectAuditedOnce(edits, 'campaign.extension.update');
    const list = await api<{ items: { facilityId: string; extendedTo: string }[] }>('GET', `${path()}/extensions`, { as: USERS.pref36 });
    expect(list.body.items.filter((x) => x.facilityId === clinic.id).map((x) => x.extendedTo)).toEqual([`2027-03-0${edited.index + 1}`]);
    // A removal that lost finds the extension gone: 404 (nothing left to remove) or 409, never a second 204.
    const removals = await race(N, () => api('DELETE', `${ext}?expectedVersion=2`, { as: USERS.pref36 }));
    expectOneWinner(removals, 'extension removal', [404, 409]);
    await expectAuditedOnce(removals, 'campaign.extension.remove');
    const none = await api<{ items: { facilityId: string }[] }>('GET', `${path()}/extensions`, { as: USERS.pref36 });
    expect(none.body.items.filter((x) => x.facilityId === clinic.id)).toEqual([]);
  });

  it('closes, then reopens or archives, at one version: one status change wins each time', async () => {
    const c = await ownCampaign('調査変更競合');
    const path = () => `/api/campaigns/${c.id}`;
    const v = (await api<Campaign>('GET', path(), { as: USERS.pref36 })).body.version ?? 0;
    const closes = await race(N, () => api<Campaign>('PUT', `${path()}/status`, { as: USERS.pref36, body: { expectedVersion: v, status: 'closed' } }));
    expectOneWinner(closes, 'close');
    await expectAuditedOnce(closes, 'campaign.status.closed');
    // Closed: reopening and archiving race at the new version.
    const results = await race(N, (i) =>
      api<Campaign>('PUT', `${path()}/status`, { as: USERS.pref36, body: { expectedVersion: v + 1, status: i % 2 ? 'archived' : 'open' } }),
    );
    const { index } = expectOneWinner(results, 'reopen/archive');
    await expectAuditedOnce(results, index % 2 ? 'campaign.status.archived' : 'campaign.status.open');
    const after = (await api<Campaign>('GET', path(), { as: USERS.pref36 })).body;
    expect(after).toMatchObject({ status: index % 2 ? 'archived' : 'open', version: v + 2 });
    await expectAggregatesEqualRecount(c);
  });
});

const noticedAt = () => new Date(Date.now() - 30 * 60_000).toISOString();
const todayJst = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number, hour?: number) => {
  const day = new Date(Date.parse(`${todayJst()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return hour === undefined ? day : `${day}T${String(hour).padStart(2, '0')}:00:00+09:00`;
};

describe('races on an incident report: updates, the checklist, closing', () => {
  type Detail = { report: { incidentId: string; version: number; status: string; careImpact: string }; steps: { id: string }[] };
  const counts = async () => (await api<{ open: number; closed: number }>('GET', '/api/incident-counts', { as: USERS.pref36 })).body;
  const detail = async (id: string) => (await api<Detail>('GET', `/api/incidents/${id}`, { as: USERS.hospitalAdmin36 })).body;

  it('one update, one tick and one close win at a time; the open-report counter follows', async () => {
    const before = await counts();
    const created = await api<Detail>('POST', '/api/incidents', {
      as: USERS.hospitalAdmin36,
      body: { description: `競合テストの報告 (${stamp})`, noticedAt: noticedAt(), systems: ['電子カルテ'], contacted: [], careImpact: 'none' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.report.incidentId;
    await settle();
    expect((await counts()).open).toBe(before.open + 1);
    const impacts = ['none', 'partial', 'stopped'] as const;
    const v = created.body.report.version;
    const updates = await race(N, (i) =>
      api<Detail>('PUT', `/api/incidents/${id}`, {
        as: i % 2 ? USERS.hospitalStaff36 : USERS.hospitalAdmin36,
        body: { systems: [`システム${i}`], vendorIds: [], contacted: [], contactedOther: `${i}`, careImpact: impacts[i % 3], expectedVersion: v },
      }),
    );
    const { index } = expectOneWinner(updates, 'incident update');
    await expectAuditedOnce(updates, 'incident.update');
    expect((await detail(id)).report).toMatchObject({ careImpact: impacts[index % 3], version: v + 1 });
    // Ticking one step of the checklist from several screens: it is ticked once (the others are told it already is).
    const stepId = (await detail(id)).steps[0]?.id as string;
    const ticks = await race(N, () => api<Detail>('PUT', `/api/incidents/${id}/steps/${stepId}`, { as: USERS.hospitalAdmin36, body: { done: true } }));
    expectOneWinner(ticks, 'incident tick');
    await expectAuditedOnce(ticks, 'incident.step');
    const w = (await detail(id)).report.version;
    const closes = await race(N, (i) =>
      api<Detail>('POST', `/api/incidents/${id}/close`, {
        as: i % 2 ? USERS.pref36 : USERS.hospitalAdmin36,
        body: { reason: `誤検知 (${i})`, expectedVersion: w },
      }),
    );
    expectOneWinner(closes, 'incident close');
    await expectAuditedOnce(closes, 'incident.close');
    expect((await detail(id)).report.status).toBe('closed');
    await settle();
    const after = await counts();
    expect(after.open).toBe(before.open);
    expect(after.closed).toBe(before.closed + 1);
  });
});

describe('races on an inspection: an update moves it to its new date, exactly once', () => {
  it('updates at one version with different dates: one wins and one copy is left, on its date', async () => {
    const facilityId = T36.facilities.filter((f) => f.healthCenterId === 'hc-tokushima' && f.kind === 'clinic')[20]!.id;
    const base = `/api/facilities/${facilityId}/inspections`;
    const created = await api<{ id: string; version: number }>('POST', base, { as: USERS.inspector36, body: { date: inDays(30), status: 'planned' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const results = await race(N, (i) =>
      api('PUT', `${base}/${created.body.id}`, {
        as: i % 2 ? USERS.pref36 : USERS.inspector36,
        body: { date: inDays(31 + i), status: 'planned', expectedVersion: created.body.version },
      }),
    );
    const { index } = expectOneWinner(results, 'inspection update');
    await expectAuditedOnce(results, 'inspection.update');
    const history = await api<{ items: { id: string; date: string; version: number }[] }>('GET', base, { as: USERS.pref36 });
    expect(history.body.items.filter((x) => x.id === created.body.id)).toEqual([
      expect.objectContaining({ date: inDays(31 + index), version: created.body.version + 1 }),
    ]);
  });
});

describe('races on a training session: edits, cancelling, a registration cancelled twice', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'intro_inspection',
    title: `競合テスト研修 ${stamp}`,
    description: '競合の確認',
    mode: 'onsite',
    place: '徳島県庁',
    startsAt: inDays(20, 14),
    endsAt: inDays(20, 16),
    capacity: 2,
    registrationDeadline: inDays(10, 17),
    ...over,
  });
  type Session = { sessionId: string; version: number; capacity: number; confirmedCount: number; waitlistCount: number; status: string };
  const session = async (id: string) => (await api<Session>('GET', `/api/trainings/${id}`, { as: USERS.pref36 })).body;

  it('edits at one version: one wins and the counters stay a count of the registrations', async () => {
    const created = await api<Session>('POST', '/api/trainings', { as: USERS.pref36, body: body() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const s = created.body;
    const regs = [];
    for (const name of ['競合 一郎', '競合 二郎', '競合 三郎'])
      regs.push(
        (
          await api<{ registrationId: string; status: string }>('POST', `/api/trainings/${s.sessionId}/registrations`, {
            as: USERS.hospitalAdmin36,
            body: { participantName: name },
          })
        ).body,
      );
    const v = (await session(s.sessionId)).version;
    const edits = await race(N, (i) =>
      api<Session>('PUT', `/api/trainings/${s.sessionId}`, { as: USERS.pref36, body: { ...body({ capacity: 2 + i }), expectedVersion: v } }),
    );
    const { index } = expectOneWinner(edits, 'training edit');
    await expectAuditedOnce(edits, 'training.update');
    const after = await session(s.sessionId);
    expect(after).toMatchObject({ capacity: 2 + index, version: v + 1 });
    // A confirmed registration cancelled from several screens at once: cancelled once, one waitlisted person promoted once.
    const confirmed = regs.find((r) => r.status === 'confirmed')!;
    // Cancelling is idempotent (every screen is told it is cancelled), but it happens once: one seat freed, one promotion.
    const cancels = await race(N, () =>
      api('POST', `/api/trainings/${s.sessionId}/registrations/${confirmed.registrationId}/cancel`, { as: USERS.hospitalAdmin36, body: {} }),
    );
    expect(cancels.map((r) => r.status)).toEqual(cancels.map(() => 200));
    const list = await api<{ items: { registrationId: string; status: string }[] }>('GET', `/api/trainings/${s.sessionId}/registrations?limit=50`, {
      as: USERS.pref36,
    });
    const final = await session(s.sessionId);
    expect(list.body.items.filter((r) => r.status === 'cancelled').map((r) => r.registrationId)).toEqual([confirmed.registrationId]);
    expect(final.confirmedCount).toBe(list.body.items.filter((r) => r.status === 'confirmed').length);
    expect(final.waitlistCount).toBe(list.body.items.filter((r) => r.status === 'waitlisted').length);
    const cancelled = await race(N, () =>
      api<Session>('POST', `/api/trainings/${s.sessionId}/cancel`, { as: USERS.pref36, body: { expectedVersion: final.version } }),
    );
    expectOneWinner(cancelled, 'training cancel');
    await expectAuditedOnce(cancelled, 'training.cancel');
    expect((await session(s.sessionId)).status).toBe('cancelled');
  });
});

describe('races on settings: a facility’s 連絡体制図, the outside contacts, a vendor’s contact, reminders, mail preferences', () => {
  const person = (name: string) => ({ name, title: '', phone: '088-622-0001', afterHoursPhone: '090-1234-5678', email: 'staff@hospital.example.jp' });
  const ENTRY_KEYS = ['name', 'department', 'phone', 'afterHoursPhone', 'email', 'hours', 'url', 'note'] as const;
  const entry = (c: Record<string, unknown>) => Object.fromEntries(ENTRY_KEYS.map((k) => [k, c[k] ?? '']));

  it('contact chart saves at one version: one wins; then one yearly confirmation', async () => {
    const read = async () => (await api<{ chart: null | { version: number; notes: string } }>('GET', '/api/contact-chart', { as: USERS.hospitalAdmin36 })).body;
    const v = (await read()).chart?.version ?? 0;
    const saves = await race(N, (i) =>
      api('PUT', '/api/contact-chart', {
        as: i % 2 ? USERS.hospitalStaff36 : USERS.hospitalAdmin36,
        body: {
          expectedVersion: v,
          director: { ...person('競合 院長'), title: '院長' },
          securityOfficer: person('競合 責任者'),
          systemStaff: [person('競合 担当')],
          vendorOverrides: [],
          notes: `競合 ${i}`,
        },
      }),
    );
    const { index } = expectOneWinner(saves, 'contact chart save');
    await expectAuditedOnce(saves, 'contactChart.save');
    expect((await read()).chart).toMatchObject({ version: v + 1, notes: `競合 ${index}` });
    const confirms = await race(N, () => api('POST', '/api/contact-chart/confirm', { as: USERS.hospitalAdmin36, body: { expectedVersion: v + 1 } }));
    expectOneWinner(confirms, 'contact chart confirm');
    await expectAuditedOnce(confirms, 'contactChart.confirm');
  });

  it("the prefecture's outside contacts saved at one version from several tabs: one wins", async () => {
    const cur = (await api<Record<string, unknown> & { version: number }>('GET', '/api/outside-contacts', { as: USERS.pref36 })).body;
    const hcs = (cur.healthCenters as (Record<string, unknown> & { healthCenterId: string })[]).map((h) => ({ ...entry(h), healthCenterId: h.healthCenterId }));
    const results = await race(N, (i) =>
      api('PUT', '/api/outside-contacts', {
        as: USERS.pref36,
        body: {
          expectedVersion: cur.version,
          prefecture: { ...entry(cur.prefecture as Record<string, unknown>), note: `競合 ${i}` },
          police: entry(cur.police as Record<string, unknown>),
          mhlw: entry(cur.mhlw as Record<string, unknown>),
          healthCenters: hcs,
          desks: (cur.desks as Record<string, unknown>[]).map(entry),
        },
      }),
    );
    const { index } = expectOneWinner(results, 'outside contacts');
    await expectAuditedOnce(results, 'outsideContacts.put');
    const after = (await api<{ version: number; prefecture: { note: string } }>('GET', '/api/outside-contacts', { as: USERS.pref36 })).body;
    expect(after).toMatchObject({ version: cur.version + 1, prefecture: { note: `競合 ${index}` } });
  });

  it("a vendor's incident contact saved at one version: one wins", async () => {
    const path = '/api/vendors/v-awa-medical/incident-contact';
    const cur = (await api<Record<string, unknown> & { version: number }>('GET', path, { as: USERS.vendor36 })).body;
    const results = await race(N, (i) => api('PUT', path, { as: USERS.vendor36, body: { ...entry(cur), note: `競合 ${i}`, expectedVersion: cur.version } }));
    const { index } = expectOneWinner(results, 'vendor incident contact');
    await expectAuditedOnce(results, 'vendor.incidentContact');
    expect((await api<{ note: string; version: number }>('GET', path, { as: USERS.vendor36 })).body).toMatchObject({
      note: `競合 ${index}`,
      version: cur.version + 1,
    });
  });

  it('reminder settings saved at one version: one wins (the rhythm is put back unchanged)', async () => {
    type Settings = { daysBefore: number[]; onTheDay: boolean; overdueEveryDays: number; overdueForDays: number; version: number };
    const cur = (await api<Settings>('GET', '/api/reminder-settings', { as: USERS.pref36 })).body;
    const { daysBefore, onTheDay, overdueEveryDays, overdueForDays } = cur;
    const results = await race(N, () =>
      api('PUT', '/api/reminder-settings', {
        as: USERS.pref36,
        body: { daysBefore, onTheDay, overdueEveryDays, overdueForDays, expectedVersion: cur.version },
      }),
    );
    expectOneWinner(results, 'reminder settings');
    await expectAuditedOnce(results, 'reminders.settings');
    expect((await api<Settings>('GET', '/api/reminder-settings', { as: USERS.pref36 })).body.version).toBe(cur.version + 1);
  });

  it("one person's mail preferences saved at one version from two devices: one wins", async () => {
    const cur = (await api<{ language: string; version: number }>('GET', '/api/my/preferences', { as: USERS.vendor2_36 })).body;
    const results = await race(N, () =>
      api('PUT', '/api/my/preferences', { as: USERS.vendor2_36, body: { language: cur.language, expectedVersion: cur.version } }),
    );
    expectOneWinner(results, 'preferences');
    expect((await api<{ version: number }>('GET', '/api/my/preferences', { as: USERS.vendor2_36 })).body.version).toBe(cur.version + 1);
  });
});

describe('races on uploads: one upload registered once, one evidence file removed once', () => {
  it('the same upload registered as evidence from several tabs: one registration', async () => {
    const c = await ownCampaign('証跡競合');
    const path = `/api/campaigns/${c.id}/facilities/${hospital.id}/evidence`;
    const file = { name: '証跡.pdf', type: TYPES.pdf, bytes: pdfBytes('evidence race') };
    const uploadId = await uploadFile({ as: USERS.hospitalAdmin36 }, 'evidence', file);
    const results = await race(N, () => api<{ evidenceId: string }>('POST', path, { as: USERS.hospitalAdmin36, body: { uploadId, cell: '2-4:server' } }));
    const { winner } = expectOneWinner(results, 'evidence registration');
    await expectAuditedOnce(results, 'evidence.create');
    const list = async () =>
      (await api<{ cells: { items: { evidenceId: string }[] }[] }>('GET', path, { as: USERS.hospitalAdmin36 })).body.cells.flatMap((x) => x.items);
    expect((await list()).map((e) => e.evidenceId)).toEqual([winner.body.evidenceId]);
    const removals = await race(N, () => api('DELETE', `${path}/${winner.body.evidenceId}`, { as: USERS.hospitalAdmin36 }));
    expectOneWinner(removals, 'evidence removal', [404, 409]);
    await expectAuditedOnce(removals, 'evidence.remove');
    expect(await list()).toEqual([]);
  });

  it('the same upload registered as a vendor document twice at once: one document version', async () => {
    const docs = '/api/vendors/v-awa-medical/documents';
    const uploadId = await uploadFile({ as: USERS.vendor36 }, 'vendor_document', { name: 'MDS.pdf', type: TYPES.pdf, bytes: pdfBytes('doc race') });
    const product = `競合製品 ${stamp}`;
    const results = await race(N, () =>
      api('POST', docs, {
        as: USERS.vendor36,
        body: { uploadId, kind: 'MDS', product, productVersion: '1.0', issuedOn: '2025-04-01', jahisFormatVersion: 'Ver.3.1', systems: ['電子カルテ'] },
      }),
    );
    expectOneWinner(results, 'document registration');
    await expectAuditedOnce(results, 'document.create');
    const list = await api<{ items: { product: string }[] }>('GET', docs, { as: USERS.vendor36 });
    expect(list.body.items.filter((d) => d.product === product)).toHaveLength(1);
  });
});

describe("races on a vendor's answer: profiles, one facility, submitting and the prefecture's review", () => {
  const AWA = 'v-awa-medical';
  const VR7 = getBuiltInTemplate('mhlw-vendor-r7') as Template;
  const awaFacility = T36.contracts.find((x) => x.vendorId === AWA && x.facilityId !== 'f001')!.facilityId;
  const raceProfile = `race${stamp}`;
  async function vendorCampaign() {
    const created = await createCampaign(USERS.pref36, {
      templateId: VR7.id,
      title: { ja: `事業者競合 ${stamp}` },
      fiscalYear: 2026,
      opensOn: '2026-06-01',
      deadline: '2026-12-25',
      target: { kind: 'facilities', ids: [awaFacility] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const c = created.body.campaign;
    const base = () => `/api/campaigns/${c.id}/vendors/${AWA}`;
    const read = async () =>
      (await api<{ version: number; status: string; profiles: { id: string; version: number }[] }>('GET', `${base()}/response`, { as: USERS.pref36 })).body;
    return { campaign: c, base, read };
  }

  it('a profile created from several tabs (version 0): one; saved at one version: one; one facility saved at one version: one', async () => {
    const { base } = await vendorCampaign();
    const creates = await race(N, (i) =>
      api('PUT', `${base()}/profiles/${raceProfile}`, { as: USERS.vendor36, body: { expectedVersion: 0, name: `競合 ${i}`, systems: [], changes: [] } }),
    );
    expectOneWinner(creates, 'profile create');
    await expectAuditedOnce(creates, 'vendorResponse.profile.create');
    const saves = await race(N, (i) =>
      api('PUT', `${base()}/profiles/${raceProfile}`, {
        as: USERS.vendor36,
        body: {
          expectedVersion: 1,
          name: '競合',
          systems: [],
          changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: `2026-07-0${i + 1}` } }],
        },
      }),
    );
    expectOneWinner(saves, 'profile save');
    await expectAuditedOnce(saves, 'vendorResponse.profile.save');
    const one = `${base()}/facilities/${awaFacility}`;
    const fv = (await api<{ version: number }>('GET', one, { as: USERS.vendor36 })).body.version;
    const facilitySaves = await race(N, (i) =>
      api('PUT', one, {
        as: USERS.vendor36,
        body: { expectedVersion: fv, changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: { value: 'yes', checkedOn: `2026-08-0${i + 1}` } }] },
      }),
    );
    expectOneWinner(facilitySaves, 'vendor facility save');
    await expectAuditedOnce(facilitySaves, 'vendorResponse.facility.save');
  });

  it('submits at one version: one; the prefecture’s confirms and returns at one version: one', async () => {
    const { base, read } = await vendorCampaign();
    const v = await completeVendorProfiles(base(), USERS.vendor36, asChanges(completeAnswers(VR7, true, '2026-07-01')), api);
    const submits = await race(N, () => api('POST', `${base()}/submit`, { as: USERS.vendor36, body: { expectedVersion: v, round: 1 } }));
    expectOneWinner(submits, 'vendor submit');
    await expectAuditedOnce(submits, 'vendorResponse.submit');
    const r = await read();
    expect(r.status).toBe('submitted');
    const reviews = await race(N, (i) =>
      api('POST', `${base()}/${i % 2 ? 'return' : 'confirm'}`, { as: USERS.pref36, body: { expectedVersion: r.version, message: `判断 ${i}` } }),
    );
    const { index } = expectOneWinner(reviews, 'vendor review');
    await expectAuditedOnce(reviews, index % 2 ? 'vendorResponse.return' : 'vendorResponse.confirm');
    expect((await read()).status).toBe(index % 2 ? 'returned' : 'confirmed');
  });

  it('a submit whose write comes after a profile save landed, at the version it read before, is refused by the write itself: 409, nothing written', async () => {
    // The submit handler checks the version it read, then writes conditioned on it: the submits above race each
    // other at one version, and the first to land moves the status, so only the write's version condition stops a
    // submit whose read was overtaken by a save. This puts that save there every time: the submit's read is done
    // (complete, at version v), a save clearing a cell of a standard answer lands (v + 1, still editable), then the
    // submit's write is sent with what it read, exactly as the handler sends it.
    const { campaign, base } = await vendorCampaign();
    const campaignId = campaign.id;
    const v = await completeVendorProfiles(base(), USERS.vendor36, asChanges(completeAnswers(VR7, true, '2026-07-01')), api);
    const repos = createRepositories(testDb(), { tenantId: '36' });
    const seen = await repos.vendorResponses.requireWithHistory(campaignId, AWA);
    expect(seen).toMatchObject({ version: v, status: 'in_progress', submissionsAll: [] });
    const profile = (await api<VendorResponseView>('GET', `${base()}/response`, { as: USERS.vendor36 })).body.profiles[0]!;
    const save = await api('PUT', `${base()}/profiles/${profile.id}`, {
      as: USERS.vendor36,
      body: {
        expectedVersion: profile.version,
        name: profile.name,
        systems: profile.systems,
        changes: [{ itemId: '1-1', deviceClass: 'system', round: 1, answer: null }],
      },
    });
    expect(save.status, JSON.stringify(save.body)).toBe(200);
    const who = login(USERS.vendor36);
    const actor: Actor = { userId: who.userId, name: '競合テスト', role: who.role as Actor['role'], orgId: AWA, requestId: `race-vendor-submit-${stamp}` };
    const since = new Date().toISOString();
    const refused = await repos.vendorResponses.submit({ campaignId, vendorId: AWA, expectedVersion: v, round: 1, submissions: seen.submissions }, actor).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(VersionConflictError);
    expect(toHttpError(refused, actor.requestId).status).toBe(409);
    const after = await api<VendorResponseView>('GET', `${base()}/response`, { as: USERS.pref36 });
    expect(after.body).toMatchObject({ version: v + 1, status: 'in_progress', submissions: [] });
    expect(await auditEntriesOf(actor.requestId, since)).toEqual([]);
  });
});

describe("races on a facility's calendar-feed URL", () => {
  it('rotated from several screens at once: never a 500, one URL left working, every other one handed out dead', async () => {
    const path = `/api/facilities/${hospital.id}/calendar-feed`;
    expect((await api('POST', path, { as: USERS.hospitalAdmin36 })).status).toBe(201);
    const results = await race(N, () => api<{ path: string }>('POST', path, { as: USERS.hospitalAdmin36 }));
    // A rotation that read the URL another one replaced first is refused (409); one that started after it is a new
    // rotation of its own (201). Of the URLs handed out, exactly one works: the last.
    expect(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.status)).toEqual([]);
    const handed = results.filter((r) => r.status === 201);
    expect(handed.length).toBeGreaterThanOrEqual(1);
    const live = await Promise.all(handed.map(async (r) => (await fetch(`${stackInfo().url}${r.body.path}`)).status));
    expect(live.filter((s) => s === 200)).toHaveLength(1);
    await expectAuditedOnce(
      Object.assign(
        results.filter((r) => r.status === 201),
        { since: results.since },
      ),
      'calendar.rotate',
    );
  });
});
