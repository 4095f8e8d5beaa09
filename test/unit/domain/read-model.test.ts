import {
  type Answers,
  addInto,
  contribution,
  getBuiltInTemplate,
  type ResponseFacts,
  type ResponseImage,
  readCellCounts,
  readSliceSummary,
  responseFacts,
  SCORE_BANDS,
  type RoundAnswer,
  scoreBand,
  sizeBand,
  sliceDeltas,
  slicesOf,
  subtract,
} from '@mcr/domain';
import { describe, expect, it } from 'vitest';

const r5 = getBuiltInTemplate('mhlw-facility-r5');
const r6 = getBuiltInTemplate('mhlw-facility-r6');

const yes = (checkedOn = '2025-06-02'): RoundAnswer => ({ value: 'yes', checkedOn });
const no = (targetDate: string, checkedOn = '2025-06-02'): RoundAnswer => ({ value: 'no', checkedOn, targetDate });

/** The non-gate cells of 令和6年度版 with a vendor contract, in official order. */
const R6_CELLS = [
  '1-1:system',
  '2-1:system',
  '2-2:system',
  '2-3:system',
  '2-4:server',
  '2-4:client',
  '2-5:server',
  '2-5:client',
  '2-6:server',
  '2-7:server',
  '2-7:client',
  '2-7:network',
  '2-8:network',
  '2-9:server',
  '2-9:client',
  '3-1:system',
  '3-2:system',
  '3-3:system',
];

describe('sizeBand', () => {
  it.each([
    [undefined, '0'],
    [null, '0'],
    [Number.NaN, '0'],
    [Number.POSITIVE_INFINITY, '0'],
    [-3, '0'],
    [0, '0'],
    [1, '1-19'],
    [19, '1-19'],
    [20, '20-99'],
    [99, '20-99'],
    [100, '100-199'],
    [199, '100-199'],
    [200, '200-499'],
    [499, '200-499'],
    [500, '500+'],
    [1200, '500+'],
  ])('puts %s beds in band %s', (beds, band) => {
    expect(sizeBand(beds)).toBe(band);
  });
});

describe('scoreBand', () => {
  it.each([
    [null, 'na'],
    [undefined, 'na'],
    [Number.NaN, 'na'],
    [0, '0-19'],
    [0.19, '0-19'],
    [0.199, '0-19'],
    [0.2, '20-39'],
    [0.39, '20-39'],
    [0.4, '40-59'],
    [0.59, '40-59'],
    [0.6, '60-79'],
    [0.79, '60-79'],
    [0.8, '80-99'],
    [0.999, '80-99'],
    [1, '100'],
    [1.5, '100'],
  ])('puts the score %s in band %s', (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });
});

describe('responseFacts', () => {
  it('counts an untouched response without a vendor contract: every cell unanswered, nothing dated, no round', () => {
    const facts = responseFacts(r6, { answers: {} });
    // No context means no vendor contract: 2(2) and 2(3) drop out.
    const cells = Object.fromEntries(R6_CELLS.filter((k) => k !== '2-2:system' && k !== '2-3:system').map((k) => [k, 'u']));
    expect(facts).toEqual({
      score: 0,
      level: 'action-needed',
      missingFirstDates: 16,
      earliestOpenTarget: null,
      openTargets: {},
      cells,
      roundScores: { 1: null, 2: null, 3: null },
      latestRound: null,
    });
  });

  it('leaves a facility without a medical information system out of scope, the gate still counting as answered in round 1', () => {
    const facts = responseFacts(r6, { answers: { 'gate:system': { '1': { value: 'no', checkedOn: '2025-06-02' } } }, context: { hasVendorContract: true } });
    expect(facts).toEqual({
      score: null,
      level: 'not-applicable',
      missingFirstDates: 0,
      earliestOpenTarget: null,
      openTargets: {},
      cells: {},
      roundScores: { 1: null, 2: null, 3: null },
      latestRound: 1,
    });
  });

  it('reads states, targets, missing dates and the score as of each round from a response answered over three rounds', () => {
    const answers: Answers = {
      'gate:system': { '1': yes() },
      '1-1:system': { '1': yes() },
      '2-1:system': { '1': no('2025-09-30'), '2': yes('2025-10-01') },
      '2-2:system': { '1': no('2025-12-01') },
      '2-3:system': { '1': no('2025-08-31') },
      '2-4:server': { '1': no('2025-11-01'), '2': no('2025-12-01', '2025-10-01') },
      '2-4:client': { '1': { value: 'yes', checkedOn: '2024-06-01', carriedForward: true } },
      // A stored round without its 確認日 (data from before dates were required) is not a dated 1回目.
      '2-5:server': { '1': { value: 'yes', checkedOn: '' } },
      '3-1:system': { '1': no('2026-01-31'), '2': no('2026-01-31', '2025-10-01'), '3': yes('2026-01-10') },
      '3-2:system': { '1': { value: 'no', checkedOn: '2024-06-01', carriedForward: true } },
    };
    const facts = responseFacts(r6, { answers, context: { hasVendorContract: true } });
    const states: Record<string, string> = {
      '1-1:system': 'y',
      '2-1:system': 'y',
      '2-2:system': 'n',
      '2-3:system': 'n',
      '2-4:server': 'n',
      '2-4:client': 'y',
      '2-5:server': 'y',
      '3-1:system': 'y',
      '3-2:system': 'n',
    };
    expect(facts).toEqual({
      // はい now: 1(1), 2(1), 2(4) 端末, 2(5) サーバ, 3(1) of 18 required cells.
      score: 5 / 18,
      level: 'action-needed',
      // 9 unanswered, 2 carried forward (2(4) 端末, 3(2)), 1 without its date (2(5) サーバ).
      missingFirstDates: 12,
      earliestOpenTarget: '2025-08-31',
      // 2(2) and the latest round of 2(4) サーバ on 1 December, 2(3) on 31 August; 3(2) has no 目標日.
      openTargets: { '2025-12-01': 2, '2025-08-31': 1 },
      cells: Object.fromEntries(R6_CELLS.map((k) => [k, states[k] ?? 'u'])),
      // As of round 1: 1(1), 2(4) 端末, 2(5) サーバ; round 2 adds 2(1); round 3 adds 3(1).
      roundScores: { 1: 3 / 18, 2: 4 / 18, 3: 5 / 18 },
      latestRound: 3,
    });
  });

  it('lists 参考 cells with their state but leaves them out of the scores', () => {
    const facts = responseFacts(r5, { answers: { '2-4:server': { '1': yes() }, '2-4:client': { '1': yes() } }, context: { hasVendorContract: true } });
    // 令和5年度版: 10 required cells; 2(4) 端末PC is 参考.
    expect(facts.score).toBe(0.1);
    expect(facts.roundScores).toEqual({ 1: 0.1, 2: null, 3: null });
    expect(facts.cells['2-4:client']).toBe('y');
    expect(facts.cells['2-4:server']).toBe('y');
    expect(facts.missingFirstDates).toBe(16);
  });

  it('takes the earliest 目標日 whichever cell comes first', () => {
    const facts = responseFacts(r6, {
      answers: { '1-1:system': { '1': no('2025-10-01') }, '2-1:system': { '1': no('2025-09-01') }, '2-2:system': { '1': no('2025-11-01') } },
      context: { hasVendorContract: true },
    });
    expect(facts.earliestOpenTarget).toBe('2025-09-01');
    expect(facts.openTargets).toEqual({ '2025-10-01': 1, '2025-09-01': 1, '2025-11-01': 1 });
    expect(facts.latestRound).toBe(1);
  });
});

describe('slicesOf', () => {
  it('puts a response in the prefecture, its 保健所, kind, size band, the 保健所 cross slices and its 二次医療圏', () => {
    expect(slicesOf({ healthCenterId: 'hc1', medicalAreaName: '東部', facilityKind: 'hospital', beds: 150 })).toEqual([
      'ALL',
      'HC#hc1',
      'KIND#hospital',
      'SIZE#100-199',
      'X#HC#hc1#KIND#hospital',
      'X#HC#hc1#SIZE#100-199',
      'AREA#東部',
    ]);
  });

  it('leaves out the 二次医療圏 when the facility has none, and bands a facility without beds as 無床', () => {
    const expected = ['ALL', 'HC#hc2', 'KIND#clinic', 'SIZE#0', 'X#HC#hc2#KIND#clinic', 'X#HC#hc2#SIZE#0'];
    expect(slicesOf({ healthCenterId: 'hc2', facilityKind: 'clinic' })).toEqual(expected);
    expect(slicesOf({ healthCenterId: 'hc2', medicalAreaName: '', facilityKind: 'clinic', beds: 0 })).toEqual(expected);
  });
});

const image = (over: Partial<ResponseImage> = {}): ResponseImage => ({
  campaignId: 'c1',
  facilityId: 'f1',
  facilityKind: 'clinic',
  healthCenterId: 'hc1',
  beds: 0,
  status: 'draft',
  answers: {},
  ...over,
});

const partial: ResponseFacts = {
  score: 0.5,
  level: 'partial',
  missingFirstDates: 2,
  earliestOpenTarget: null,
  openTargets: {},
  cells: { '1-1:system': 'y', '2-1:system': 'u' },
  roundScores: { 1: 0.5, 2: null, 3: null },
  latestRound: 1,
};

describe('contribution', () => {
  it('adds one facility with its status, score band, level, score sums, missing dates, targets and cell states', () => {
    const facts: ResponseFacts = {
      score: 2 / 3,
      level: 'partial',
      missingFirstDates: 1,
      earliestOpenTarget: '2025-08-31',
      openTargets: { '2025-08-31': 1, '2025-12-01': 2 },
      cells: { '1-1:system': 'y', '2-1:system': 'n', '2-4:server': 'u' },
      roundScores: { 1: 1 / 3, 2: null, 3: 2 / 3 },
      latestRound: 3,
    };
    expect(contribution(image({ status: 'submitted' }), facts)).toEqual({
      summary: {
        facilities: 1,
        'st:submitted': 1,
        'band:60-79': 1,
        'lvl:partial': 1,
        // Units of 1/10,000, rounded.
        scoreSum: 6667,
        scored: 1,
        'r1:sum': 3333,
        'r1:n': 1,
        'r3:sum': 6667,
        'r3:n': 1,
        missingFirstFacilities: 1,
        missingFirstCells: 1,
        'tgt:2025-08-31': 1,
        'tgt:2025-12-01': 2,
        'ofac:2025-08-31': 1,
      },
      cells: { '1-1:system|y': 1, '2-1:system|n': 1, '2-4:server|u': 1 },
    });
  });

  it('counts a score of 0 as scored, and a response out of scope only by its status, band and level', () => {
    const zero: ResponseFacts = { ...partial, score: 0, level: 'action-needed', missingFirstDates: 0, cells: {}, roundScores: { 1: 0, 2: null, 3: null } };
    expect(contribution(image(), zero).summary).toEqual({
      facilities: 1,
      'st:draft': 1,
      'band:0-19': 1,
      'lvl:action-needed': 1,
      scoreSum: 0,
      scored: 1,
      'r1:sum': 0,
      'r1:n': 1,
    });
    const none: ResponseFacts = { ...zero, score: null, level: 'not-applicable', roundScores: { 1: null, 2: null, 3: null }, latestRound: null };
    expect(contribution(image(), none)).toEqual({ summary: { facilities: 1, 'st:draft': 1, 'band:na': 1, 'lvl:not-applicable': 1 }, cells: {} });
  });

  it('sums what responseFacts reads from real answers', () => {
    const answers: Answers = { 'gate:system': { '1': yes() }, '1-1:system': { '1': yes() }, '2-1:system': { '1': no('2025-09-30') } };
    const img = image({ answers, context: { hasVendorContract: true } });
    const { summary } = contribution(img, responseFacts(r6, img));
    expect(summary).toEqual({
      facilities: 1,
      'st:draft': 1,
      'band:0-19': 1,
      'lvl:action-needed': 1,
      scoreSum: 556,
      scored: 1,
      'r1:sum': 556,
      'r1:n': 1,
      missingFirstFacilities: 1,
      missingFirstCells: 16,
      'tgt:2025-09-30': 1,
      'ofac:2025-09-30': 1,
    });
  });
});

describe('subtract and addInto', () => {
  it('subtract leaves out keys that come to 0 and negates keys only the right side has', () => {
    expect(subtract({ x: 3, y: 1, z: 2 }, { x: 1, y: 1, w: 4 })).toEqual({ x: 2, z: 2, w: -4 });
    expect(subtract({ x: 1 }, { x: 1 })).toEqual({});
    expect(subtract({}, {})).toEqual({});
  });

  it('addInto adds in place and returns the same object', () => {
    const a = { x: 1 };
    const out = addInto(a, { x: 2, y: 3 });
    expect(out).toBe(a);
    expect(a).toEqual({ x: 3, y: 3 });
  });
});

describe('sliceDeltas', () => {
  const summaryOfPartial = {
    facilities: 1,
    'st:draft': 1,
    'band:40-59': 1,
    'lvl:partial': 1,
    scoreSum: 5000,
    scored: 1,
    'r1:sum': 5000,
    'r1:n': 1,
    missingFirstFacilities: 1,
    missingFirstCells: 2,
  };
  const cellsOfPartial = { '1-1:system|y': 1, '2-1:system|u': 1 };
  const negate = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, -v]));
  const HC1 = ['ALL', 'HC#hc1', 'KIND#clinic', 'SIZE#0', 'X#HC#hc1#KIND#clinic', 'X#HC#hc1#SIZE#0'];

  it('adds a new response to every slice it belongs to', () => {
    const deltas = sliceDeltas(null, { image: image(), facts: partial });
    expect([...deltas.keys()]).toEqual(HC1);
    for (const slice of HC1) expect(deltas.get(slice)).toEqual({ summary: summaryOfPartial, cells: cellsOfPartial });
  });

  it('takes a removed response out of every slice', () => {
    const deltas = sliceDeltas({ image: image(), facts: partial }, null);
    expect([...deltas.keys()]).toEqual(HC1);
    for (const slice of HC1) expect(deltas.get(slice)).toEqual({ summary: negate(summaryOfPartial), cells: negate(cellsOfPartial) });
  });

  it('is empty when nothing the slices count has changed', () => {
    expect(sliceDeltas({ image: image(), facts: partial }, { image: image({ facilityId: 'f1', answers: {} }), facts: { ...partial } }).size).toBe(0);
    expect(sliceDeltas(null, null).size).toBe(0);
  });

  it('keeps a slice whose summary is unchanged when a cell changed, and one whose cells are unchanged when the status changed', () => {
    const cellMoved = sliceDeltas(
      { image: image(), facts: partial },
      { image: image(), facts: { ...partial, cells: { '1-1:system': 'y', '2-1:system': 'n' } } },
    );
    expect([...cellMoved.keys()]).toEqual(HC1);
    expect(cellMoved.get('ALL')).toEqual({ summary: {}, cells: { '2-1:system|u': -1, '2-1:system|n': 1 } });

    const submitted = sliceDeltas({ image: image(), facts: partial }, { image: image({ status: 'submitted' }), facts: partial });
    expect([...submitted.keys()]).toEqual(HC1);
    expect(submitted.get('HC#hc1')).toEqual({ summary: { 'st:draft': -1, 'st:submitted': 1 }, cells: {} });
  });

  it('moves a response from one 保健所 to another, leaving the prefecture, kind and size slices untouched', () => {
    const deltas = sliceDeltas({ image: image(), facts: partial }, { image: image({ healthCenterId: 'hc2' }), facts: partial });
    expect([...deltas.keys()].sort()).toEqual(['HC#hc1', 'HC#hc2', 'X#HC#hc1#KIND#clinic', 'X#HC#hc1#SIZE#0', 'X#HC#hc2#KIND#clinic', 'X#HC#hc2#SIZE#0']);
    expect(deltas.get('HC#hc1')).toEqual({ summary: negate(summaryOfPartial), cells: negate(cellsOfPartial) });
    expect(deltas.get('HC#hc2')).toEqual({ summary: summaryOfPartial, cells: cellsOfPartial });
  });
});

describe('readSliceSummary', () => {
  it('reads every number of a slice as the dashboard shows it, on the given day', () => {
    const n = {
      facilities: 3,
      'st:submitted': 2,
      'st:draft': 1,
      'band:100': 1,
      'band:0-19': 2,
      'lvl:complete': 1,
      'lvl:action-needed': 2,
      scoreSum: 15_000,
      scored: 2,
      'r1:sum': 5000,
      'r1:n': 2,
      // A facility counted in round 2 whose score sum is 0 (no sum stored).
      'r2:n': 1,
      'r3:sum': 10_000,
      'r3:n': 1,
      missingFirstFacilities: 1,
      missingFirstCells: 4,
      'tgt:2025-08-31': 2,
      'tgt:2025-09-01': 1,
      'tgt:2025-09-02': 3,
      'ofac:2025-08-31': 1,
      'ofac:2025-09-01': 1,
      'disc:open': 2,
      'disc:mirror_mismatch': 2,
    };
    expect(readSliceSummary('HC#hc1', n, '2025-09-01')).toEqual({
      slice: 'HC#hc1',
      facilities: 3,
      byStatus: { submitted: 2, draft: 1 },
      byScoreBand: { na: 0, '0-19': 2, '20-39': 0, '40-59': 0, '60-79': 0, '80-99': 0, '100': 1 },
      byLevel: { complete: 1, 'action-needed': 2 },
      meanScore: 0.75,
      scored: 2,
      rounds: { 1: { meanScore: 0.25, facilities: 2 }, 2: { meanScore: 0, facilities: 1 }, 3: { meanScore: 1, facilities: 1 } },
      missingFirstFacilities: 1,
      missingFirstCells: 4,
      // Overdue: 目標日 before today; a 目標日 of today is still open.
      overdueCells: 2,
      overdueFacilities: 1,
      openCells: 4,
      discrepancies: {
        open: 2,
        byRule: { disclosure_missing: 0, disclosure_claim_unfiled: 0, remote_maintenance: 0, contract_disputed: 0, mirror_mismatch: 2 },
      },
    });
  });

  it('reads an empty slice as zeros, with no mean score', () => {
    expect(readSliceSummary('ALL', {}, '2025-09-01')).toEqual({
      slice: 'ALL',
      facilities: 0,
      byStatus: {},
      byScoreBand: Object.fromEntries(SCORE_BANDS.map((b) => [b, 0])),
      byLevel: {},
      meanScore: null,
      scored: 0,
      rounds: { 1: { meanScore: null, facilities: 0 }, 2: { meanScore: null, facilities: 0 }, 3: { meanScore: null, facilities: 0 } },
      missingFirstFacilities: 0,
      missingFirstCells: 0,
      overdueCells: 0,
      overdueFacilities: 0,
      openCells: 0,
      discrepancies: {
        open: 0,
        byRule: { disclosure_missing: 0, disclosure_claim_unfiled: 0, remote_maintenance: 0, contract_disputed: 0, mirror_mismatch: 0 },
      },
    });
  });

  it('reads only ofac: keys as overdue facilities', () => {
    // Short keys whose tail would compare before any date are not facilities.
    expect(readSliceSummary('ALL', { 'r1:n': 1, 'r2:n': 1, 'ofac:2025-08-01': 1 }, '2025-09-01').overdueFacilities).toBe(1);
  });
});

describe('readCellCounts', () => {
  it('groups the item × cell counts by cell, splitting at the last bar and skipping what is not a count', () => {
    const c = {
      '2-4:server|y': 3,
      '2-4:server|n': 1,
      '1-1:system|u': 2,
      'odd|key|y': 1,
      '|y': 4,
      'no-bar': 5,
      // A bare state is no cell's count either.
      u: 6,
      '1-1:system|x': 9,
    };
    expect(readCellCounts(c)).toEqual({
      '2-4:server': { y: 3, n: 1, u: 0 },
      '1-1:system': { y: 0, n: 0, u: 2 },
      'odd|key': { y: 1, n: 0, u: 0 },
      '': { y: 4, n: 0, u: 0 },
    });
    expect(readCellCounts({})).toEqual({});
  });
});
