import {
  type Answers,
  applicableCells,
  type CellAnswers,
  cellKey,
  completeness,
  type Context,
  evaluate,
  getBuiltInTemplate,
  overdueTargets,
  parseCellKey,
  READINESS_LEVELS,
  readinessLevel,
  type RoundAnswer,
  score,
} from '@mcr/domain';
import { describe, expect, it } from 'vitest';

const r5 = getBuiltInTemplate('mhlw-facility-r5');
const r6 = getBuiltInTemplate('mhlw-facility-r6');
const vendorR6 = getBuiltInTemplate('mhlw-vendor-r6');
const withVendor: Context = { hasVendorContract: true };
const noVendor: Context = { hasVendorContract: false };

const yes = (checkedOn = '2024-06-01'): RoundAnswer => ({ value: 'yes', checkedOn });
const no = (checkedOn = '2024-06-01', targetDate = '2024-12-01'): RoundAnswer => ({ value: 'no', checkedOn, targetDate });

/** Answers every applicable cell of a template with the same round-1 answer. */
function answerAll(template: typeof r6, ctx: Context, answer: RoundAnswer): Answers {
  const answers: Answers = {};
  for (const cell of applicableCells(template, {}, ctx)) answers[cell.key] = { '1': cell.gate ? yes() : answer };
  return answers;
}

describe('cell keys', () => {
  it('join item id and device class and split back', () => {
    expect(cellKey('2-4', 'server')).toBe('2-4:server');
    expect(parseCellKey('2-14:client')).toEqual({ itemId: '2-14', deviceClass: 'client' });
    expect(parseCellKey('2-4:printer')).toBeUndefined();
    expect(parseCellKey('gate')).toBeUndefined();
  });
});

describe('applicableCells', () => {
  it('lists every cell in official order while the gate is unanswered', () => {
    const keys = applicableCells(r6, {}, withVendor).map((cell) => cell.key);
    expect(keys).toEqual([
      'gate:system',
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
    ]);
  });

  it('leaves only the gate when 医療情報システム is answered いいえ', () => {
    const answers: Answers = { 'gate:system': { '1': { value: 'no', checkedOn: '2024-06-01' } }, '1-1:system': { '1': yes() } };
    expect(applicableCells(r6, answers, withVendor).map((cell) => cell.key)).toEqual(['gate:system']);
  });

  it('reopens the checklist when a later round turns the gate to はい', () => {
    const answers: Answers = { 'gate:system': { '1': { value: 'no', checkedOn: '2024-06-01' }, '2': yes('2024-07-01') } };
    expect(applicableCells(r6, answers, withVendor)).toHaveLength(19);
  });

  it('drops 2(2) and 2(3) without a vendor contract', () => {
    const keys = applicableCells(r6, {}, noVendor).map((cell) => cell.key);
    expect(keys).not.toContain('2-2:system');
    expect(keys).not.toContain('2-3:system');
    expect(keys).toHaveLength(17);
  });

  it('drops the whole 事業者確認用 without a vendor contract', () => {
    expect(applicableCells(vendorR6, {}, noVendor)).toEqual([]);
  });

  it('locates each cell: its section, number and text', () => {
    const cells = applicableCells(r6, {}, withVendor);
    const some = ['gate:system', '1-1:system', '2-4:client', '3-3:system'];
    expect(cells.filter((cell) => some.includes(cell.key)).map((cell) => [cell.key, cell.sectionId, cell.number])).toEqual([
      ['gate:system', 'gate', ''],
      ['1-1:system', '1', '1(1)'],
      ['2-4:client', '2', '2(4)'],
      ['3-3:system', '3', '3(3)'],
    ]);
    expect(cells[1]).toEqual({
      key: '1-1:system',
      itemId: '1-1',
      deviceClass: 'system',
      number: '1(1)',
      sectionId: '1',
      text: r6.sections[1]?.items[0]?.text,
      reference: false,
      gate: false,
      required: true,
    });
  });

  it('stops at the first closed gate of a form with two gates: the gate after it is not asked either', () => {
    const [first, ...rest] = vendorR6.sections;
    const gateRow = first?.items[0];
    if (!first || !gateRow) throw new Error('the vendor form starts with its gate');
    const systemGate = { ...gateRow, id: 'system-gate', gate: 'medical-system' as const };
    const twoGates = { ...vendorR6, sections: [{ ...first, items: [systemGate, ...first.items] }, ...rest] };
    const closed: Answers = { 'system-gate:system': { '1': { value: 'no', checkedOn: '2024-06-01' } } };
    expect(applicableCells(twoGates, closed, withVendor).map((cell) => cell.key)).toEqual(['system-gate:system']);
    const open: Answers = { 'system-gate:system': { '1': yes() } };
    expect(
      applicableCells(twoGates, open, withVendor)
        .map((cell) => cell.key)
        .slice(0, 3),
    ).toEqual(['system-gate:system', 'gate:system', '1-1:system']);
  });

  it('marks gate rows and 参考 cells as not required', () => {
    const cells = applicableCells(r5, {}, withVendor);
    expect(cells.find((cell) => cell.key === 'gate:system')).toMatchObject({ gate: true, required: false });
    expect(cells.find((cell) => cell.key === '2-4:client')).toMatchObject({ reference: true, required: false });
    expect(cells.find((cell) => cell.key === '2-4:server')).toMatchObject({ reference: false, required: true });
    expect(cells.filter((cell) => cell.required)).toHaveLength(10);
  });
});

describe('score', () => {
  it('is 1 when every required cell is はい', () => {
    expect(score(r6, answerAll(r6, withVendor, yes()), withVendor)).toBe(1);
  });

  it('is the share of required cells whose latest round is はい', () => {
    const answers = answerAll(r6, withVendor, no());
    answers['2-4:server'] = { '1': no(), '2': yes('2024-08-01') };
    answers['2-4:client'] = { '1': yes(), '2': no('2024-08-01') };
    expect(score(r6, answers, withVendor)).toBeCloseTo(1 / 18);
  });

  it('is null when nothing is required (no medical information system)', () => {
    const answers: Answers = { 'gate:system': { '1': { value: 'no', checkedOn: '2024-06-01' } } };
    expect(score(r6, answers, withVendor)).toBeNull();
    expect(score(vendorR6, {}, noVendor)).toBeNull();
  });

  it('ignores 参考 cells of FY2023', () => {
    const answers = answerAll(r5, withVendor, yes());
    answers['2-4:client'] = { '1': no() };
    answers['3-3:system'] = { '1': no() };
    expect(score(r5, answers, withVendor)).toBe(1);
  });

  it('does not count the gate row', () => {
    const answers: Answers = { 'gate:system': { '1': yes() } };
    expect(score(r6, answers, withVendor)).toBe(0);
  });
});

describe('readinessLevel', () => {
  it.each([
    [1, 'complete', '対応済み'],
    [0.99, 'mostly', 'おおむね対応'],
    [0.8, 'mostly', 'おおむね対応'],
    [0.79, 'partial', '一部対応'],
    [0.5, 'partial', '一部対応'],
    [0.49, 'action-needed', '要対応'],
    [0, 'action-needed', '要対応'],
    [null, 'not-applicable', '対象外'],
  ] as const)('names a score of %s %s', (value, id, ja) => {
    expect(readinessLevel(value)).toMatchObject({ id, label: { ja } });
  });

  it('labels every level in both languages', () => {
    for (const level of READINESS_LEVELS) expect(level.label.en.length).toBeGreaterThan(0);
  });
});

describe('completeness', () => {
  it('lists the unanswered cells in official order, the gate first', () => {
    const answers: Answers = { '2-1:system': { '1': yes() } };
    const result = completeness(r6, answers, withVendor);
    expect(result.complete).toBe(false);
    expect(result.missing.slice(0, 3).map((cell) => [cell.key, cell.number, cell.reason])).toEqual([
      ['gate:system', '', 'unanswered'],
      ['1-1:system', '1(1)', 'unanswered'],
      ['2-2:system', '2(2)', 'unanswered'],
    ]);
    expect(result.missing).toHaveLength(18);
  });

  it('is complete when every applicable cell has a round-1 answer, whatever the answer', () => {
    expect(completeness(r6, answerAll(r6, withVendor, no()), withVendor)).toEqual({ complete: true, missing: [], missingReference: [] });
  });

  it('is complete with only the gate answered いいえ', () => {
    expect(completeness(r6, { 'gate:system': { '1': { value: 'no', checkedOn: '2024-06-01' } } }, withVendor).complete).toBe(true);
  });

  it('does not wait for 参考 cells, but lists them apart', () => {
    const answers = answerAll(r5, withVendor, yes());
    delete answers['2-9:server'];
    const result = completeness(r5, answers, withVendor);
    expect(result.complete).toBe(true);
    expect(result.missingReference.map((cell) => cell.key)).toEqual(['2-9:server']);
  });

  it('asks to confirm answers carried forward from last year', () => {
    const answers = answerAll(r6, withVendor, yes());
    answers['2-1:system'] = { '1': { ...yes('2024-01-10'), carriedForward: true } };
    answers['2-6:server'] = { '1': { ...yes('2024-01-10'), carriedForward: true }, '2': yes('2024-07-01') };
    const result = completeness(r6, answers, withVendor);
    expect(result.missing.map((cell) => [cell.key, cell.reason])).toEqual([['2-1:system', 'carried-forward']]);
  });
});

describe('overdueTargets', () => {
  it('lists いいえ cells whose target date has passed, with the days overdue', () => {
    const answers: Answers = {
      '2-4:server': { '1': no('2024-06-01', '2024-09-30') },
      '2-8:network': { '1': no('2024-06-01', '2024-10-01') },
      '2-1:system': { '1': no('2024-06-01', '2024-08-01'), '2': yes('2024-08-02') },
    };
    const overdue = overdueTargets(r6, answers, withVendor, '2024-10-01');
    expect(overdue.map((cell) => [cell.key, cell.targetDate, cell.daysOverdue, cell.round])).toEqual([['2-4:server', '2024-09-30', 1, 1]]);
  });

  it('follows the latest round', () => {
    const answers: Answers = { '2-4:server': { '1': no('2024-06-01', '2024-07-01'), '2': no('2024-07-02', '2025-01-31') } };
    expect(overdueTargets(r6, answers, withVendor, '2024-10-01')).toEqual([]);
  });

  it('ignores cells that are not applicable', () => {
    const answers: Answers = { '2-2:system': { '1': no('2024-06-01', '2024-07-01') } };
    expect(overdueTargets(r6, answers, noVendor, '2024-10-01')).toEqual([]);
    expect(overdueTargets(r6, answers, withVendor, '2024-10-01')).toHaveLength(1);
  });
});

describe('evaluate', () => {
  it('returns counts, score, level, missing and overdue in one object', () => {
    const answers: Answers = {
      'gate:system': { '1': yes() },
      '1-1:system': { '1': yes() },
      '2-4:server': { '1': no('2024-06-01', '2024-09-01') },
    };
    const result = evaluate(r6, answers, withVendor, '2024-10-01');
    expect(result).toMatchObject({ applicable: 19, answered: 3, yes: 1, required: 18, level: 'action-needed', complete: false });
    expect(result.score).toBeCloseTo(1 / 18);
    expect(result.levelLabel).toEqual({ ja: '要対応', en: 'Action needed' });
    expect(result.missing).toHaveLength(16);
    expect(result.overdue.map((cell) => cell.key)).toEqual(['2-4:server']);
  });

  it('reports a facility without a medical information system as complete and not applicable', () => {
    const result = evaluate(r6, { 'gate:system': { '1': { value: 'no', checkedOn: '2024-06-01' } } }, withVendor, '2024-10-01');
    expect(result).toEqual({
      applicable: 1,
      answered: 1,
      yes: 0,
      required: 0,
      score: null,
      level: 'not-applicable',
      levelLabel: { ja: '対象外', en: 'Not applicable' },
      missing: [],
      overdue: [],
      complete: true,
    });
  });

  it('agrees with score and completeness', () => {
    const answers: Answers = Object.fromEntries(
      applicableCells(r6, {}, withVendor).map((cell, i): [string, CellAnswers] => [cell.key, { '1': i % 3 === 0 ? yes() : no() }]),
    );
    const result = evaluate(r6, answers, withVendor, '2025-01-01');
    expect(result.score).toBe(score(r6, answers, withVendor));
    expect(result.missing).toEqual(completeness(r6, answers, withVendor).missing);
  });
});
