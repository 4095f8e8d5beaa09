import { targetDateWindow, validateRoundAnswer } from '@mcr/domain';
import { describe, expect, it } from 'vitest';

/** docs/decisions/0018-dates-and-answering.md: the 目標日 of a いいえ when the campaign's fiscal year is over. */
describe('targetDateWindow', () => {
  it('is the campaign year while it runs (from the date checked)', () => {
    expect(targetDateWindow(2026, '2026-12-06')).toEqual({ start: '2026-12-06', end: '2027-03-31', fiscalYear: 2026, extended: false });
    expect(targetDateWindow(2026, '2026-03-01')).toEqual({ start: '2026-04-01', end: '2027-03-31', fiscalYear: 2026, extended: false });
    expect(targetDateWindow(2026)).toEqual({ start: '2026-04-01', end: '2027-03-31', fiscalYear: 2026, extended: false });
  });

  it('runs to the end of the year the check falls in once the campaign year is over', () => {
    expect(targetDateWindow(2024, '2026-12-06')).toEqual({ start: '2026-12-06', end: '2027-03-31', fiscalYear: 2026, extended: true });
    expect(targetDateWindow(2024, '2025-04-01')).toEqual({ start: '2025-04-01', end: '2026-03-31', fiscalYear: 2025, extended: true });
    // A real check made in the campaign's own year still plans within that year.
    expect(targetDateWindow(2024, '2024-07-01')).toEqual({ start: '2024-07-01', end: '2025-03-31', fiscalYear: 2024, extended: false });
  });
});

describe('a past fiscal year answered いいえ today', () => {
  const fy2024 = { fiscalYear: 2024, today: '2026-12-06' };

  it('accepts a target from today to the end of the current fiscal year', () => {
    for (const targetDate of ['2026-12-06', '2027-01-15', '2027-03-31'])
      expect(validateRoundAnswer({ value: 'no', checkedOn: '2026-12-06', targetDate }, fy2024), targetDate).toEqual([]);
  });

  it('refuses one after the end of the current fiscal year, one before the check and one in the campaign year, naming the window', () => {
    const [late] = validateRoundAnswer({ value: 'no', checkedOn: '2026-12-06', targetDate: '2027-04-01' }, fy2024);
    expect(late).toMatchObject({
      path: 'targetDate',
      code: 'target_date_outside_fiscal_year',
      ja: '対応目標日は確認日（2026-12-06）から令和8年度末（2027-03-31）までの日付にしてください（令和6年度は終了しています）',
      en: 'The target date must fall between the date checked (2026-12-06) and the end of FY2026 (2027-03-31); FY2024 is over',
    });
    expect(validateRoundAnswer({ value: 'no', checkedOn: '2026-12-06', targetDate: '2026-12-05' }, fy2024).map((i) => i.code)).toEqual([
      'target_date_before_checked_on',
    ]);
    expect(validateRoundAnswer({ value: 'no', checkedOn: '2026-12-06', targetDate: '2025-03-31' }, fy2024).map((i) => i.code)).toEqual([
      'target_date_before_checked_on',
    ]);
    expect(validateRoundAnswer({ value: 'no', checkedOn: '2026-12-06', targetDate: '2024-03-31' }, fy2024).map((i) => i.code)).toEqual([
      'target_date_outside_fiscal_year',
    ]);
  });

  it('asks for the target in the current year when it is missing', () => {
    const [issue] = validateRoundAnswer({ value: 'no', checkedOn: '2026-12-06' }, fy2024);
    expect(issue).toMatchObject({ code: 'target_date_required', ja: expect.stringContaining('令和8年度末（2027-03-31）') });
  });

  it('keeps the campaign year for a check backdated into it', () => {
    expect(validateRoundAnswer({ value: 'no', checkedOn: '2024-07-01', targetDate: '2025-04-01' }, fy2024).map((i) => i.code)).toEqual([
      'target_date_outside_fiscal_year',
    ]);
    expect(validateRoundAnswer({ value: 'no', checkedOn: '2024-07-01', targetDate: '2025-03-31' }, fy2024)).toEqual([]);
  });
});
