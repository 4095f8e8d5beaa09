import {
  allItems,
  type Answers,
  applicableCells,
  builtInTemplates,
  type CellAnswers,
  carryForward,
  cellKey,
  type Context,
  evaluate,
  findItem,
  fiscalYearLabel,
  fiscalYearOf,
  getBuiltInTemplate,
  isInFiscalYear,
  latestRound,
  parseTemplateFile,
  type RoundAnswer,
  score,
  type Template,
  validateAnswers,
} from '@mcr/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

function isoDay(start: string, offset: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

function roundArb(fiscalYear: number): fc.Arbitrary<RoundAnswer> {
  const start = `${fiscalYear}-04-01`;
  return fc
    .record({
      value: fc.constantFrom<'yes' | 'no'>('yes', 'no'),
      checked: fc.integer({ min: 0, max: 300 }),
      lead: fc.integer({ min: 0, max: 64 }),
      note: fc.option(fc.string(), { nil: undefined }),
    })
    .map(({ value, checked, lead, note }) => ({
      value,
      checkedOn: isoDay(start, checked),
      ...(value === 'no' ? { targetDate: isoDay(start, checked + lead) } : {}),
      ...(note !== undefined ? { note } : {}),
    }));
}

/** One to three rounds in order, dated forwards. */
function cellArb(fiscalYear: number): fc.Arbitrary<CellAnswers> {
  return fc.array(roundArb(fiscalYear), { minLength: 1, maxLength: 3 }).map((rounds) => {
    const sorted = [...rounds].sort((a, b) => a.checkedOn.localeCompare(b.checkedOn));
    const cell: CellAnswers = {};
    sorted.forEach((round, i) => {
      cell[String(i + 1) as '1' | '2' | '3'] = round;
    });
    return cell;
  });
}

function allKeys(template: Template): string[] {
  return allItems(template).flatMap((item) => item.cells.map((cell) => cellKey(item.id, cell)));
}

function answersArb(template: Template): fc.Arbitrary<Answers> {
  const keys = allKeys(template);
  return fc.tuple(...keys.map(() => fc.option(cellArb(template.fiscalYear), { nil: undefined, freq: 3 }))).map((cells) => {
    const answers: Answers = {};
    cells.forEach((cell, i) => {
      if (cell) answers[keys[i] as string] = cell;
    });
    return answers;
  });
}

const ctxArb: fc.Arbitrary<Context> = fc.record({ hasVendorContract: fc.boolean() });
const templateWithAnswers = (templates: Template[]) =>
  fc.constantFrom(...templates).chain((template) => fc.tuple(fc.constant(template), answersArb(template), ctxArb));

function setLatest(answers: Answers, key: string, value: 'yes' | 'no'): Answers {
  const cell = answers[key] ?? { '1': { value, checkedOn: '2024-06-01' } };
  const latest = latestRound(cell);
  const round = String(latest?.round ?? 1) as '1' | '2' | '3';
  const previous = cell[round] ?? { value, checkedOn: '2024-06-01' };
  const { targetDate: _t, ...rest } = previous;
  return { ...answers, [key]: { ...cell, [round]: { ...rest, value } } };
}

describe('properties of the rules', () => {
  it('score stays within [0, 1], and is null exactly when no cell is required', () => {
    fc.assert(
      fc.property(templateWithAnswers(builtInTemplates), ([template, answers, ctx]) => {
        const result = evaluate(template, answers, ctx, '2025-01-15');
        expect(result.score).toBe(score(template, answers, ctx));
        if (result.required === 0) expect(result.score).toBeNull();
        else {
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(1);
        }
        expect(result.yes).toBeLessThanOrEqual(result.required);
        expect(result.required).toBeLessThanOrEqual(result.applicable);
        expect(result.answered).toBeLessThanOrEqual(result.applicable);
        expect(result.complete).toBe(result.missing.length === 0);
      }),
    );
  });

  it('a gate at いいえ leaves no required cell', () => {
    const gated = builtInTemplates.filter((template) => allItems(template).some((item) => item.gate));
    fc.assert(
      fc.property(templateWithAnswers(gated), ([template, answers, ctx]) => {
        const gate = allItems(template).find((item) => item.gate);
        const closed = setLatest(answers, cellKey(gate?.id ?? '', 'system'), 'no');
        expect(applicableCells(template, closed, ctx).filter((cell) => cell.required)).toEqual([]);
        expect(score(template, closed, ctx)).toBeNull();
        expect(evaluate(template, closed, ctx, '2025-01-15').missing).toEqual([]);
      }),
    );
  });

  it('turning a いいえ into はい never lowers the score', () => {
    fc.assert(
      fc.property(templateWithAnswers(builtInTemplates), fc.nat(), ([template, answers, ctx], pick) => {
        const noCells = applicableCells(template, answers, ctx).filter((cell) => latestRound(answers[cell.key])?.answer.value === 'no');
        fc.pre(noCells.length > 0);
        const target = noCells[pick % noCells.length];
        if (!target) return;
        const before = score(template, answers, ctx);
        const after = score(template, setLatest(answers, target.key, 'yes'), ctx);
        // Opening a gate turns "not applicable" (null) into a score; otherwise the score can only rise.
        if (before !== null) expect(after).not.toBeNull();
        if (before !== null && after !== null) expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('checks any input without throwing', () => {
    const r6 = getBuiltInTemplate('mhlw-facility-r6');
    fc.assert(
      fc.property(fc.anything(), ctxArb, (input, ctx) => {
        expect(Array.isArray(validateAnswers(r6, input, ctx, { fiscalYear: 2024 }))).toBe(true);
        expect(typeof parseTemplateFile(input).ok).toBe('boolean');
      }),
    );
  });
});

describe('properties of carry-forward', () => {
  const pairs: Array<[Template, Template]> = [
    [getBuiltInTemplate('mhlw-facility-r5'), getBuiltInTemplate('mhlw-facility-r6')],
    [getBuiltInTemplate('mhlw-facility-r6'), getBuiltInTemplate('mhlw-facility-r7')],
    [getBuiltInTemplate('mhlw-vendor-r5'), getBuiltInTemplate('mhlw-vendor-r6')],
    [getBuiltInTemplate('mhlw-vendor-r6'), getBuiltInTemplate('mhlw-vendor-r7')],
  ];
  const pairWithAnswers = fc.constantFrom(...pairs).chain(([previous, next]) => fc.tuple(fc.constant(previous), fc.constant(next), answersArb(previous)));

  it('never invents an answer for a new or changed item, and only repeats answers given before', () => {
    fc.assert(
      fc.property(pairWithAnswers, ([previous, next, previousAnswers]) => {
        const carried = carryForward(previous, previousAnswers, next);
        const givenBefore = Object.values(previousAnswers).flatMap((cell) => Object.values(cell));
        for (const [key, cell] of Object.entries(carried)) {
          const itemId = key.slice(0, key.lastIndexOf(':'));
          const item = findItem(next, itemId);
          expect(item?.lineage.kind === 'new' || item?.lineage.kind === 'changed').toBe(false);
          expect(Object.keys(cell)).toEqual(['1']);
          expect(cell['1']?.carriedForward).toBe(true);
          expect(givenBefore.some((answer) => answer.value === cell['1']?.value && answer.checkedOn === cell['1']?.checkedOn)).toBe(true);
        }
      }),
    );
  });

  it('produces answers that pass validation in the new fiscal year', () => {
    fc.assert(
      fc.property(pairWithAnswers, ctxArb, ([previous, next, previousAnswers], ctx) => {
        const carried = carryForward(previous, previousAnswers, next);
        expect(validateAnswers(next, carried, ctx, { fiscalYear: next.fiscalYear })).toEqual([]);
      }),
    );
  });
});

describe('properties of fiscal years', () => {
  it('every date falls in the fiscal year fiscalYearOf names, labelled 令和N年度 from 2019', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), (offset) => {
        const date = isoDay('2019-01-01', offset);
        const fiscalYear = fiscalYearOf(date);
        expect(isInFiscalYear(date, fiscalYear)).toBe(true);
        expect(isInFiscalYear(date, fiscalYear + 1)).toBe(false);
        if (fiscalYear >= 2019) expect(fiscalYearLabel(fiscalYear)).toMatch(/^令和(元|\d+)年度$/);
      }),
    );
  });
});
