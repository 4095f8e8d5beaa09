import { type Answers, type CellAnswers, type Context, latestRound, type RoundNo } from './checklist/answers.ts';
import { applicableCells, readinessLevel } from './checklist/rules.ts';
import type { Template } from './checklist/template.ts';
import { readDiscrepancyCounts } from './cross-check.ts';

/**
 * The dashboard's read model, as pure functions. A response contributes a set of numbers to each slice it
 * belongs to (the whole prefecture, its 保健所, its 二次医療圏, its kind, its size band); an aggregate is the sum
 * of the contributions of the responses in the slice. Writers never touch aggregates: a stream consumer adds
 * `contribution(new) − contribution(old)` for every changed response, and a recount sums contributions from
 * scratch. Both use these functions, so they cannot disagree.
 */

/** Size bands by beds (病床数). 無床 covers clinics, dental clinics and pharmacies without beds. */
export const SIZE_BANDS = ['0', '1-19', '20-99', '100-199', '200-499', '500+'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export const SIZE_BAND_LABELS: Record<SizeBand, { ja: string; en: string }> = {
  '0': { ja: '無床', en: 'No beds' },
  '1-19': { ja: '1〜19床', en: '1–19 beds' },
  '20-99': { ja: '20〜99床', en: '20–99 beds' },
  '100-199': { ja: '100〜199床', en: '100–199 beds' },
  '200-499': { ja: '200〜499床', en: '200–499 beds' },
  '500+': { ja: '500床以上', en: '500+ beds' },
};

export function sizeBand(beds: number | undefined | null): SizeBand {
  const b = typeof beds === 'number' && Number.isFinite(beds) ? beds : 0;
  if (b <= 0) return '0';
  if (b < 20) return '1-19';
  if (b < 100) return '20-99';
  if (b < 200) return '100-199';
  if (b < 500) return '200-499';
  return '500+';
}

/** Readiness score bands for the distribution chart: 対象外, then 0–19 % … 80–99 %, 100 %. */
export const SCORE_BANDS = ['na', '0-19', '20-39', '40-59', '60-79', '80-99', '100'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export function scoreBand(score: number | null | undefined): ScoreBand {
  if (score === null || score === undefined || Number.isNaN(score)) return 'na';
  if (score >= 1) return '100';
  const pct = Math.floor(score * 100);
  if (pct < 20) return '0-19';
  if (pct < 40) return '20-39';
  if (pct < 60) return '40-59';
  if (pct < 80) return '60-79';
  return '80-99';
}

/** What the read model needs of one response item (a stream image or a stored record). */
export interface ResponseImage {
  campaignId: string;
  facilityId: string;
  facilityKind: string;
  healthCenterId: string;
  medicalAreaName?: string;
  beds?: number;
  status: string;
  answers: Answers;
  context?: Context;
}

/** One cell's state for the item × cell counts: はい, いいえ, or not answered yet (latest round). */
export type CellState = 'y' | 'n' | 'u';

export interface ResponseFacts {
  score: number | null;
  level: string;
  /** Applicable cells (gates excluded) without a confirmed 1回目 answer with its 確認日. */
  missingFirstDates: number;
  /** The earliest 目標日 among cells whose latest round is いいえ; null when none. */
  earliestOpenTarget: string | null;
  /** Cells whose latest round is いいえ, by 目標日. */
  openTargets: Record<string, number>;
  /** Applicable non-gate cells by cell key. */
  cells: Record<string, CellState>;
  /** Score as of each round: only answers up to that round count; null where no cell has an answer in it. */
  roundScores: Record<RoundNo, number | null>;
  /** The highest round any cell has an answer in; null when nothing is answered. */
  latestRound: RoundNo | null;
}

function asOfRound(cell: CellAnswers | undefined, round: RoundNo): CellAnswers | undefined {
  if (!cell) return undefined;
  const out: CellAnswers = {};
  for (const r of [1, 2, 3] as const) if (r <= round && cell[r]) out[r] = cell[r];
  return out;
}

/** Everything the dashboard reads about one response, computed from its answers and its template. */
export function responseFacts(template: Template, image: Pick<ResponseImage, 'answers' | 'context'>): ResponseFacts {
  const answers = image.answers ?? {};
  const ctx = image.context ?? { hasVendorContract: false };
  const cells: Record<string, CellState> = {};
  const openTargets: Record<string, number> = {};
  let earliest: string | null = null;
  let missingFirst = 0;
  let required = 0;
  let yes = 0;
  let top: RoundNo | null = null;
  const roundRequired = { 1: 0, 2: 0, 3: 0 } as Record<RoundNo, number>;
  const roundYes = { 1: 0, 2: 0, 3: 0 } as Record<RoundNo, number>;
  const roundSeen = { 1: false, 2: false, 3: false } as Record<RoundNo, boolean>;
  const applicable = applicableCells(template, answers, ctx);
  for (const cell of applicable) {
    const a = answers[cell.key];
    for (const r of [1, 2, 3] as const) {
      if (a?.[r]) {
        roundSeen[r] = true;
        if (top === null || r > top) top = r;
      }
    }
    if (cell.gate) continue;
    const latest = latestRound(a);
    const state: CellState = latest ? (latest.answer.value === 'yes' ? 'y' : 'n') : 'u';
    cells[cell.key] = state;
    const first = a?.[1];
    if (!first || first.carriedForward || !first.checkedOn) missingFirst++;
    if (latest?.answer.value === 'no' && latest.answer.targetDate) {
      const t = latest.answer.targetDate;
      openTargets[t] = (openTargets[t] ?? 0) + 1;
      if (earliest === null || t < earliest) earliest = t;
    }
    if (!cell.required) continue;
    required++;
    if (state === 'y') yes++;
    for (const r of [1, 2, 3] as const) {
      roundRequired[r]++;
      if (latestRound(asOfRound(a, r))?.answer.value === 'yes') roundYes[r]++;
    }
  }
  const score = required === 0 ? null : yes / required;
  const roundScores = {} as Record<RoundNo, number | null>;
  for (const r of [1, 2, 3] as const) roundScores[r] = roundSeen[r] && roundRequired[r] > 0 ? roundYes[r] / roundRequired[r] : null;
  return {
    score,
    level: readinessLevel(score).id,
    missingFirstDates: missingFirst,
    earliestOpenTarget: earliest,
    openTargets,
    cells,
    roundScores,
    latestRound: top,
  };
}

/**
 * The slices a response belongs to. Slice ids are used in keys: `ALL`, `HC#<id>`, `AREA#<name>`, `KIND#<kind>`,
 * `SIZE#<band>`, and the cross slices `X#HC#<id>#KIND#<kind>` and `X#HC#<id>#SIZE#<band>` that give a 保健所 its
 * own breakdowns (stored apart, so the prefecture's summary does not read them).
 */
export function slicesOf(image: Pick<ResponseImage, 'healthCenterId' | 'medicalAreaName' | 'facilityKind' | 'beds'>): string[] {
  const band = sizeBand(image.beds);
  const out = [
    'ALL',
    `HC#${image.healthCenterId}`,
    `KIND#${image.facilityKind}`,
    `SIZE#${band}`,
    `X#HC#${image.healthCenterId}#KIND#${image.facilityKind}`,
    `X#HC#${image.healthCenterId}#SIZE#${band}`,
  ];
  if (image.medicalAreaName) out.push(`AREA#${image.medicalAreaName}`);
  return out;
}

/** Numbers of a slice's summary (`n:` attributes) and of its item × cell counts (`c:` attributes). */
export interface Contribution {
  summary: Record<string, number>;
  cells: Record<string, number>;
}

/** Score sums are kept in units of 1/10,000 so that adding and subtracting never drifts (integers only). */
export const SCORE_UNIT = 10_000;
const units = (score: number) => Math.round(score * SCORE_UNIT);

/** What one response adds to every slice it belongs to. */
export function contribution(image: ResponseImage, facts: ResponseFacts): Contribution {
  const s: Record<string, number> = {
    facilities: 1,
    [`st:${image.status}`]: 1,
    [`band:${scoreBand(facts.score)}`]: 1,
    [`lvl:${facts.level}`]: 1,
  };
  if (facts.score !== null) {
    s.scoreSum = units(facts.score);
    s.scored = 1;
  }
  for (const r of [1, 2, 3] as const) {
    const v = facts.roundScores[r];
    if (v === null) continue;
    s[`r${r}:sum`] = units(v);
    s[`r${r}:n`] = 1;
  }
  if (facts.missingFirstDates > 0) {
    s.missingFirstFacilities = 1;
    s.missingFirstCells = facts.missingFirstDates;
  }
  for (const [date, n] of Object.entries(facts.openTargets)) s[`tgt:${date}`] = n;
  if (facts.earliestOpenTarget) s[`ofac:${facts.earliestOpenTarget}`] = 1;
  const c: Record<string, number> = {};
  for (const [key, state] of Object.entries(facts.cells)) c[`${key}|${state}`] = 1;
  return { summary: s, cells: c };
}

/** `a − b`, keys with 0 left out. */
export function subtract(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(a)) out[k] = v - (b[k] ?? 0);
  for (const [k, v] of Object.entries(b)) if (!(k in a)) out[k] = -v;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

/** Adds `b` into `a` in place. */
export function addInto(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
  return a;
}

/** Per slice, the change a response's move from `before` to `after` makes (either side may be absent). */
export function sliceDeltas(
  before: { image: ResponseImage; facts: ResponseFacts } | null,
  after: { image: ResponseImage; facts: ResponseFacts } | null,
): Map<string, Contribution> {
  const out = new Map<string, Contribution>();
  const add = (side: { image: ResponseImage; facts: ResponseFacts }, sign: 1 | -1) => {
    const c = contribution(side.image, side.facts);
    for (const slice of slicesOf(side.image)) {
      const cur = out.get(slice) ?? { summary: {}, cells: {} };
      for (const [k, v] of Object.entries(c.summary)) cur.summary[k] = (cur.summary[k] ?? 0) + sign * v;
      for (const [k, v] of Object.entries(c.cells)) cur.cells[k] = (cur.cells[k] ?? 0) + sign * v;
      out.set(slice, cur);
    }
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  for (const [slice, c] of out) {
    for (const k of Object.keys(c.summary)) if (c.summary[k] === 0) delete c.summary[k];
    for (const k of Object.keys(c.cells)) if (c.cells[k] === 0) delete c.cells[k];
    if (Object.keys(c.summary).length === 0 && Object.keys(c.cells).length === 0) out.delete(slice);
  }
  return out;
}

/** A slice summary as the dashboard reads it, from the stored numbers and today's date. */
export interface SliceSummary {
  slice: string;
  facilities: number;
  byStatus: Record<string, number>;
  byScoreBand: Record<ScoreBand, number>;
  byLevel: Record<string, number>;
  /** Mean readiness of the facilities with a score; null when none has one. */
  meanScore: number | null;
  scored: number;
  /** Mean readiness as of each round (facilities with answers in that round). */
  rounds: Record<RoundNo, { meanScore: number | null; facilities: number }>;
  missingFirstFacilities: number;
  missingFirstCells: number;
  /** Cells whose 目標日 has passed while still いいえ, and the facilities that have at least one. */
  overdueCells: number;
  overdueFacilities: number;
  /** Cells still いいえ whose 目標日 is today or later. */
  openCells: number;
  /** Open and explained cross-check discrepancies (issue 8), in all and by rule. */
  discrepancies: { open: number; byRule: Record<string, number> };
}

export function readSliceSummary(slice: string, n: Record<string, number>, today: string): SliceSummary {
  const byStatus: Record<string, number> = {};
  const byScoreBand = Object.fromEntries(SCORE_BANDS.map((b) => [b, 0])) as Record<ScoreBand, number>;
  const byLevel: Record<string, number> = {};
  let overdueCells = 0;
  let overdueFacilities = 0;
  let openCells = 0;
  for (const [k, v] of Object.entries(n)) {
    if (k.startsWith('st:')) byStatus[k.slice(3)] = v;
    else if (k.startsWith('band:')) byScoreBand[k.slice(5) as ScoreBand] = v;
    else if (k.startsWith('lvl:')) byLevel[k.slice(4)] = v;
    else if (k.startsWith('tgt:')) {
      if (k.slice(4) < today) overdueCells += v;
      else openCells += v;
    } else if (k.startsWith('ofac:') && k.slice(5) < today) overdueFacilities += v;
  }
  const mean = (sum: number | undefined, count: number | undefined) => (count ? (sum ?? 0) / SCORE_UNIT / count : null);
  const rounds = {} as SliceSummary['rounds'];
  for (const r of [1, 2, 3] as const) rounds[r] = { meanScore: mean(n[`r${r}:sum`], n[`r${r}:n`]), facilities: n[`r${r}:n`] ?? 0 };
  return {
    slice,
    facilities: n.facilities ?? 0,
    byStatus,
    byScoreBand,
    byLevel,
    meanScore: mean(n.scoreSum, n.scored),
    scored: n.scored ?? 0,
    rounds,
    missingFirstFacilities: n.missingFirstFacilities ?? 0,
    missingFirstCells: n.missingFirstCells ?? 0,
    overdueCells,
    overdueFacilities,
    openCells,
    discrepancies: readDiscrepancyCounts(n),
  };
}

/** Item × cell counts of a slice: `{ '<cellKey>': { y, n, u } }`. */
export function readCellCounts(c: Record<string, number>): Record<string, { y: number; n: number; u: number }> {
  const out: Record<string, { y: number; n: number; u: number }> = {};
  for (const [k, v] of Object.entries(c)) {
    const bar = k.lastIndexOf('|');
    if (bar < 0) continue;
    const key = k.slice(0, bar);
    const state = k.slice(bar + 1) as CellState;
    if (state !== 'y' && state !== 'n' && state !== 'u') continue;
    const cur = out[key] ?? { y: 0, n: 0, u: 0 };
    cur[state] += v;
    out[key] = cur;
  }
  return out;
}
