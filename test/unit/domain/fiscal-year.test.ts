import { daysBetween, fiscalYearLabel, fiscalYearOf, fiscalYearRange, isInFiscalYear, isIsoDate, parseIsoDate } from '@mcr/domain';
import { describe, expect, it } from 'vitest';

describe('fiscalYearOf', () => {
  it.each([
    ['2024-03-31', 2023],
    ['2024-04-01', 2024],
    ['2024-12-31', 2024],
    ['2025-01-01', 2024],
    ['2025-03-31', 2024],
    ['2025-04-01', 2025],
  ])('puts %s in fiscal year %i (1 April – 31 March)', (date, fiscalYear) => {
    expect(fiscalYearOf(date)).toBe(fiscalYear);
  });

  it('refuses a date that does not exist', () => {
    expect(() => fiscalYearOf('2025-02-29')).toThrow(RangeError);
  });
});

describe('fiscalYearLabel', () => {
  it.each([
    [2023, '令和5年度'],
    [2024, '令和6年度'],
    [2025, '令和7年度'],
    [2027, '令和9年度'],
    [2019, '令和元年度'],
    [2018, '平成30年度'],
  ])('names fiscal year %i %s (Reiwa = year − 2018)', (fiscalYear, label) => {
    expect(fiscalYearLabel(fiscalYear)).toBe(label);
  });

  it('names it FY2024 in English', () => {
    expect(fiscalYearLabel(2024, 'en')).toBe('FY2024');
  });

  it('has no label before Heisei', () => {
    expect(() => fiscalYearLabel(1988)).toThrow(RangeError);
  });

  it('has no label for a year that is not a whole number, in either language', () => {
    expect(() => fiscalYearLabel(2024.5)).toThrow(RangeError);
    expect(() => fiscalYearLabel(Number.NaN, 'en')).toThrow(RangeError);
  });
});

describe('fiscal year range', () => {
  it('runs from 1 April to 31 March of the next year', () => {
    expect(fiscalYearRange(2024)).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(isInFiscalYear('2025-03-31', 2024)).toBe(true);
    expect(isInFiscalYear('2025-04-01', 2024)).toBe(false);
    expect(isInFiscalYear('2024-03-31', 2024)).toBe(false);
  });

  it('counts days across a year end', () => {
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
  });
});

describe('parseIsoDate', () => {
  it('splits a real date', () => {
    expect(parseIsoDate('2026-12-07')).toEqual({ year: 2026, month: 12, day: 7 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('refuses month 0 and 13, day 0 and a day past the month’s end (a 確認日 on a date that does not exist)', () => {
    for (const date of ['2026-00-10', '2026-13-01', '2026-01-00', '2025-02-29', '2026-04-31', '2026-1-01', '２０２６-01-01'])
      expect([date, parseIsoDate(date)]).toEqual([date, undefined]);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-12-31')).toBe(true);
  });
});
