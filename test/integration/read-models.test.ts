import { type Actor, createDb, createRepositories, type FacilityRecord, type ResponseRecord } from '@mcr/data';
import { type Answers, allItems, cellKey, getBuiltInTemplate, type Template } from '@mcr/domain';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { api, settle, USERS } from '../support/api.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * The read models (slice aggregates kept by the stream consumer) always equal a recount: random saves,
 * submits, returns and confirms across many facilities, run concurrently like a deadline rush, then the
 * consumer settles and the recount must find no difference in any number of any slice.
 */
const R6 = getBuiltInTemplate('mhlw-facility-r6') as Template;
const CELLS = allItems(R6).flatMap((i) => i.cells.map((d) => cellKey(i.id, d)));
const s = stackInfo();
const db = createDb({ tableName: s.tableName, region: 'ap-northeast-1', endpoint: s.services.dynamodbEndpoint });
const repos = createRepositories(db, { tenantId: '36' });
afterAll(() => db.doc.destroy());

const HCS = [
  { id: 'hc-tokushima', name: '徳島保健所', area: '東部' },
  { id: 'hc-anan', name: '阿南保健所', area: '南部' },
  { id: 'hc-mima', name: '美馬保健所', area: '西部' },
];
const KINDS = ['hospital', 'clinic', 'dental_clinic', 'pharmacy'] as const;

function facility(run: string, i: number): FacilityRecord {
  const hc = HCS[i % HCS.length] as (typeof HCS)[number];
  const kind = KINDS[i % KINDS.length] as (typeof KINDS)[number];
  return {
    id: `rm${run}f${i}`,
    name: `検証施設${i}`,
    kind,
    beds: kind === 'hospital' ? 20 + i * 37 : i % 3 === 0 ? 0 : 5,
    healthCenterId: hc.id,
    healthCenterName: hc.name,
    medicalAreaName: hc.area,
    medicalInstitutionCode: `36${String(1000000 + i).slice(-8)}`,
    address: '',
    contactEmail: '',
  };
}

const answerArb: fc.Arbitrary<Answers> = fc
  .array(
    fc.record({
      cell: fc.constantFrom(...CELLS),
      value: fc.constantFrom<'yes' | 'no'>('yes', 'no'),
      round2: fc.boolean(),
      target: fc.constantFrom('2025-03-31', '2026-11-30', '2027-03-31', undefined),
      carried: fc.boolean(),
    }),
    { maxLength: 30 },
  )
  .map((list) => {
    const a: Answers = {};
    for (const x of list) {
      const first = {
        value: x.value,
        checkedOn: '2026-07-01',
        ...(x.value === 'no' && x.target ? { targetDate: x.target } : {}),
        ...(x.carried ? { carriedForward: true } : {}),
      };
      a[x.cell] = x.round2 ? { '1': first, '2': { value: 'yes', checkedOn: '2026-10-01' } } : { '1': first };
    }
    return a;
  });

type Op = { kind: 'save'; answers: Answers; contract: boolean } | { kind: 'submit' } | { kind: 'confirm' } | { kind: 'return' };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('save' as const), answers: answerArb, contract: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'submit' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'confirm' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'return' as const }) },
);

const actor = (orgId: string): Actor => ({ userId: 'prop', name: '検証', role: 'facility_admin', orgId, requestId: `prop-${Math.random()}` });
const emptyEvaluation = { applicable: 0, answered: 0, required: 0, yes: 0, score: null, level: 'not-applicable', missing: 0, overdue: 0, complete: false };

/** Applies one op if the response's state allows it (as the API would), returning the new record. */
async function apply(campaignId: string, r: ResponseRecord, op: Op): Promise<ResponseRecord> {
  const editable = ['not_started', 'in_progress', 'returned'].includes(r.status);
  const base = { expectedVersion: r.version, context: { hasVendorContract: true }, evaluation: r.evaluation };
  if (op.kind === 'save' && editable) {
    return repos.responses.save(
      campaignId,
      r.facilityId,
      { ...base, answers: op.answers, context: { hasVendorContract: op.contract }, status: 'in_progress', previousStatus: r.status, changes: 'prop' },
      actor(r.facilityId),
    );
  }
  if (op.kind === 'submit' && editable) {
    return repos.responses.submit(campaignId, r.facilityId, { ...base, round: 1, previousStatus: r.status, answers: r.answers }, actor(r.facilityId));
  }
  if ((op.kind === 'confirm' || op.kind === 'return') && r.status === 'submitted') {
    const review = {
      action: op.kind === 'confirm' ? ('confirmed' as const) : ('returned' as const),
      round: 1,
      at: new Date().toISOString(),
      by: 'prop',
      byName: '県',
      message: '',
      itemComments: [],
    };
    return repos.responses.review(campaignId, r.facilityId, { expectedVersion: r.version, review }, actor('pref'));
  }
  return r;
}

let runs = 0;

describe('the read models', () => {
  it('count the facilities of the tenant as the facility items do', async () => {
    await settle();
    const [counts, all] = await Promise.all([repos.facilityCounts.get(), repos.facilities.list()]);
    expect(counts.total).toBe(all.length);
    for (const hc of new Set(all.map((x) => x.healthCenterId))) expect(counts.byHealthCenter[hc], hc).toBe(all.filter((x) => x.healthCenterId === hc).length);
    for (const kind of KINDS) expect(counts.byKind[kind] ?? 0, kind).toBe(all.filter((x) => x.kind === kind).length);
  });

  it('equal a recount after random concurrent saves, submits, returns and confirms', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(opArb, { minLength: 1, maxLength: 5 }), { minLength: 12, maxLength: 24 }), async (perFacility) => {
        const run = `${Date.now().toString(36)}${runs++}`;
        const campaignId = `rm-${run}`;
        const facilities = perFacility.map((_, i) => facility(run, i));
        await repos.campaigns.create(
          {
            id: campaignId,
            title: { ja: '検証', en: 'Check' },
            templateId: R6.id,
            fiscalYear: 2026,
            opensOn: '2026-06-01',
            deadline: '2027-03-31',
            createdAt: new Date().toISOString(),
          },
          facilities.map((f) => ({ facility: f, answers: {}, context: { hasVendorContract: false }, evaluation: emptyEvaluation })),
          { userId: 'prop', name: '検証', role: 'pref_admin', orgId: 'pref', requestId: `prop-${run}` },
        );
        // A deadline rush: every facility at once, each one's own ops in order.
        await Promise.all(
          facilities.map(async (f, i) => {
            let r = await repos.responses.require(campaignId, f.id);
            for (const op of perFacility[i] ?? []) r = await apply(campaignId, r, op);
          }),
        );
        await settle();
        const check = await repos.readModels.recount(campaignId, R6, { repair: false });
        expect(check.differences).toEqual([]);
        expect(check.responses).toBe(facilities.length);
        // The dashboard's headline equals a count of the records.
        const all = await repos.responses.listOfCampaign(campaignId);
        const summary = await repos.readModels.summary(campaignId, 'ALL', '2026-12-06');
        expect(summary.facilities).toBe(all.length);
        for (const status of ['not_started', 'in_progress', 'submitted', 'returned', 'confirmed'])
          expect(summary.byStatus[status] ?? 0).toBe(all.filter((x) => x.status === status).length);
        // The table's rows follow too: one row per facility in the ALL slice, with the response's status.
        const rows = await repos.campaignRows.page(campaignId, { limit: 200 }, '2026-12-06');
        expect(rows.items.map((x) => `${x.facilityId}:${x.status}`).sort()).toEqual(all.map((x) => `${x.facilityId}:${x.status}`).sort());
      }),
      { numRuns: 3 },
    );
  });

  it('moves a renamed facility, and one moved to another 保健所, in every campaign view', async () => {
    const run = `mv${Date.now().toString(36)}`;
    const f = facility(run, 0);
    await settle();
    const counted = await repos.facilityCounts.get();
    await repos.facilities.put(f);
    const campaignId = `rm-${run}`;
    await repos.campaigns.create(
      {
        id: campaignId,
        title: { ja: '検証', en: 'Check' },
        templateId: R6.id,
        fiscalYear: 2026,
        opensOn: '2026-06-01',
        deadline: '2027-03-31',
        createdAt: new Date().toISOString(),
      },
      [{ facility: f, answers: {}, context: { hasVendorContract: false }, evaluation: emptyEvaluation }],
      { userId: 'prop', name: '検証', role: 'pref_admin', orgId: 'pref', requestId: `prop-${run}` },
    );
    await settle();
    // The facility counts follow the facility items: one more, in its 保健所 and kind.
    const added = await repos.facilityCounts.get();
    expect(added.total).toBe(counted.total + 1);
    expect(added.byHealthCenter['hc-tokushima']).toBe((counted.byHealthCenter['hc-tokushima'] ?? 0) + 1);
    expect(added.byHealthCenterKind[`hc-tokushima|${f.kind}`]).toBe((counted.byHealthCenterKind[`hc-tokushima|${f.kind}`] ?? 0) + 1);
    await repos.facilities.put({ ...f, name: '改称後の施設', healthCenterId: 'hc-mima', healthCenterName: '美馬保健所', medicalAreaName: '西部' });
    await settle();
    const moved = await repos.facilityCounts.get();
    expect(moved.total).toBe(added.total);
    expect(moved.byHealthCenter['hc-tokushima']).toBe(counted.byHealthCenter['hc-tokushima']);
    expect(moved.byHealthCenter['hc-mima']).toBe((counted.byHealthCenter['hc-mima'] ?? 0) + 1);
    const r = await repos.responses.require(campaignId, f.id);
    expect(r.facilityName).toBe('改称後の施設');
    expect(r.healthCenterId).toBe('hc-mima');
    const [mima, tokushima] = await Promise.all([
      repos.readModels.summary(campaignId, 'HC#hc-mima', '2026-12-06'),
      repos.readModels.summary(campaignId, 'HC#hc-tokushima', '2026-12-06'),
    ]);
    expect(mima.facilities).toBe(1);
    expect(tokushima.facilities).toBe(0);
    expect((await repos.readModels.recount(campaignId, R6, { repair: false })).differences).toEqual([]);
  });

  it('gives the facility table its totals from the aggregates, equal to the rows it pages through', async () => {
    await settle();
    for (const filter of ['healthCenterId=hc-anan', 'status=submitted', 'healthCenterId=hc-mima&kind=clinic', 'overdue=true', 'missingFirst=true', '']) {
      const ids: string[] = [];
      let cursor = '';
      let total: number | undefined;
      do {
        const page = await api<{ items: { facilityId: string }[]; nextCursor: string | null; total?: number }>(
          'GET',
          `/api/campaigns/r6-facility/rows?${filter}&limit=40${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { as: USERS.pref36 },
        );
        expect(page.status).toBe(200);
        total ??= page.body.total;
        ids.push(...page.body.items.map((i) => i.facilityId));
        cursor = page.body.nextCursor ?? '';
      } while (cursor);
      expect(new Set(ids).size).toBe(ids.length);
      expect(total, filter).toBe(ids.length);
    }
    // A name search has no total (prefix matches are not counted in advance).
    const search = await api<{ total?: number }>('GET', '/api/campaigns/r6-facility/rows?q=%E5%BE%B3%E5%B3%B6', { as: USERS.pref36 });
    expect(search.body.total).toBeUndefined();
  });

  it('lets the prefecture verify and repair a damaged aggregate', async () => {
    const { aggregateKeys } = await import('@mcr/data');
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const campaignId = 'r6-facility';
    await settle();
    // Damage one number, as a lost stream batch would.
    await db.doc.send(
      new UpdateCommand({
        TableName: s.tableName,
        Key: aggregateKeys.summary({ tenantId: '36' }, campaignId, 'ALL'),
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': 'n:facilities' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const found = await api<{ differenceCount: number; differences: { slice: string; name: string; stored: number; recounted: number }[] }>(
      'POST',
      `/api/campaigns/${campaignId}/read-models/verify`,
      { as: USERS.pref36, body: { repair: true } },
    );
    expect(found.status).toBe(200);
    expect(found.body.differences).toContainEqual({ slice: 'ALL', part: 'summary', name: 'facilities', stored: 121, recounted: 120 });
    const again = await api<{ differenceCount: number }>('POST', `/api/campaigns/${campaignId}/read-models/verify`, { as: USERS.pref36, body: {} });
    expect(again.body.differenceCount).toBe(0);
  });
});
