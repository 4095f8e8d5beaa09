import { describe, expect, it } from 'vitest';
import {
  dayInJapan,
  formatDate,
  formatDateTime,
  formatFiscalYear,
  parseTypedDate,
  parseTypedDateTime,
  toSlashed,
  toSlashedDateTime,
} from '../../../frontend/src/lib/dates.ts';

describe('lib/dates: one way to write a date', () => {
  it('writes a day in the era with the Western year (long), compact in tables (short), and 6 Dec 2026 in English', () => {
    expect(formatDate('2026-12-06', 'ja')).toBe('令和8年12月6日（2026年）');
    expect(formatDate('2026-12-06', 'ja', 'short')).toBe('令和8年12月6日');
    expect(formatDate('2026-12-06', 'en')).toBe('6 Dec 2026');
    expect(formatDate('2019-05-01', 'ja', 'short')).toBe('令和元年5月1日');
    expect(formatDate('2019-04-30', 'ja', 'short')).toBe('平成31年4月30日');
    expect(formatDate('1980-01-01', 'ja')).toBe('1980年1月1日');
    expect(formatDate('not a date', 'ja')).toBe('not a date');
    expect(formatDate('2026-02-30', 'ja')).toBe('2026-02-30');
  });

  it('reads timestamps in Japan time', () => {
    // 2026-12-05 23:30 UTC is 6 December 08:30 in Japan.
    expect(formatDateTime('2026-12-05T23:30:00.000Z', 'ja')).toBe('令和8年12月6日 08:30');
    expect(formatDateTime('2026-12-05T23:30:00.000Z', 'en')).toBe('6 Dec 2026 08:30');
    expect(dayInJapan('2026-12-05T23:30:00.000Z')).toBe('2026-12-06');
  });

  it('names fiscal years', () => {
    expect(formatFiscalYear(2026, 'ja')).toBe('令和8年度');
    expect(formatFiscalYear(2026, 'ja', 'long')).toBe('令和8年度（2026年度）');
    expect(formatFiscalYear(2026, 'en')).toBe('FY2026');
  });

  it('reads what a person types year first, never month first', () => {
    for (const typed of ['2026/12/06', '2026/12/6', '2026-12-06', '20261206', '2026.12.6', '2026年12月6日', '令和8年12月6日', 'R8/12/6', '２０２６/１２/０６'])
      expect(parseTypedDate(typed), typed).toBe('2026-12-06');
    expect(parseTypedDate('令和元年5月1日')).toBe('2019-05-01');
    for (const bad of ['12/06/2026', '2026/13/01', '2026/02/30', '2026/12', '', 'tomorrow']) expect(parseTypedDate(bad), bad).toBeUndefined();
    expect(toSlashed('2026-12-06')).toBe('2026/12/06');
    expect(toSlashed('')).toBe('');
  });
});

describe('lib/dates: a moment typed year first', () => {
  it('reads a day and a time into the datetime-local form', () => {
    for (const typed of ['2026/12/10 14:00', '2026-12-10T14:00', '2026/12/10 14時00分', '令和8年12月10日 14:00', '20261210 14:00'])
      expect(parseTypedDateTime(typed), typed).toBe('2026-12-10T14:00');
    expect(parseTypedDateTime('2026/12/10 9:05')).toBe('2026-12-10T09:05');
    for (const bad of ['2026/12/10', '2026/12/10 24:00', '2026/12/10 14:60', '12/10/2026 2:00 PM']) expect(parseTypedDateTime(bad), bad).toBeUndefined();
    expect(toSlashedDateTime('2026-12-10T14:00')).toBe('2026/12/10 14:00');
    expect(toSlashedDateTime('')).toBe('');
  });
});
