import { campaignDateIssues, campaignDateWindow, effectiveDeadline, extensionIssues } from '@mcr/domain';
import { describe, expect, it } from 'vitest';

const fy2026 = { fiscalYear: 2026, opensOn: '2026-06-01', deadline: '2026-12-25' };
const fields = (dates: Parameters<typeof campaignDateIssues>[0]) => campaignDateIssues(dates).map((i) => `${i.field}:${i.code}`);

describe('campaign date window', () => {
  it('opens from six months before the fiscal year to its last day and is due within three months after it', () => {
    expect(campaignDateWindow(2026)).toEqual({ earliestOpening: '2025-10-01', latestOpening: '2027-03-31', latestDeadline: '2027-06-30' });
    expect(campaignDateWindow(2027).latestDeadline).toBe('2028-06-30');
  });
});

describe('campaignDateIssues', () => {
  it('accepts ordinary dates, including opening in the winter before the year and a deadline in the spring after it', () => {
    expect(fields(fy2026)).toEqual([]);
    expect(fields({ fiscalYear: 2026, opensOn: '2025-10-01', deadline: '2027-06-30', roundDeadlines: { '2': '2027-06-30' } })).toEqual([
      'roundDeadlines.2:round_deadline_order',
    ]);
    expect(fields({ fiscalYear: 2026, opensOn: '2026-04-01', deadline: '2026-09-30', roundDeadlines: { '2': '2026-12-28', '3': '2027-03-31' } })).toEqual([]);
  });

  it('refuses 0001-01-01 … 9999-12-31, naming both fields, in Japanese and English', () => {
    const issues = campaignDateIssues({ fiscalYear: 2026, opensOn: '0001-01-01', deadline: '9999-12-31' });
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual(['opensOn:opens_too_early', 'deadline:deadline_too_late']);
    expect(issues[0]?.ja).toContain('令和8年度');
    expect(issues[1]?.ja).toContain('2027年6月30日');
    expect(issues[1]?.en).toContain('2027-06-30');
  });

  it.each([
    [{ ...fy2026, opensOn: '2025-09-30' }, 'opensOn:opens_too_early'],
    [{ ...fy2026, opensOn: '2027-04-01', deadline: '2027-05-01' }, 'opensOn:opens_after_year'],
    [{ ...fy2026, deadline: '2026-06-01' }, 'deadline:deadline_not_after_opening'],
    [{ ...fy2026, deadline: '2026-05-31' }, 'deadline:deadline_not_after_opening'],
    [{ ...fy2026, deadline: '2027-07-01' }, 'deadline:deadline_too_late'],
    [{ ...fy2026, deadline: '2026-02-30' }, 'deadline:invalid_date'],
    [{ ...fy2026, roundDeadlines: { '2': '2026-12-25' } }, 'roundDeadlines.2:round_deadline_order'],
    [{ ...fy2026, roundDeadlines: { '2': '2027-01-31', '3': '2027-01-31' } }, 'roundDeadlines.3:round_deadline_order'],
    [{ ...fy2026, roundDeadlines: { '3': '2027-02-28' } }, 'roundDeadlines.3:round3_without_round2'],
    [{ ...fy2026, roundDeadlines: { '2': '2027-08-01' } }, 'roundDeadlines.2:deadline_too_late'],
    [{ ...fy2026, roundDeadlines: { '2': '2027-01-31', '3': '2027-02-30' } }, 'roundDeadlines.3:invalid_date'],
    [{ ...fy2026, roundDeadlines: { '2': '2027-01-31', '3': '2027-07-01' } }, 'roundDeadlines.3:deadline_too_late'],
  ])('refuses %o with %s', (dates, expected) => {
    expect(fields(dates)).toEqual([expected]);
  });

  it('says in both languages that a round-3 deadline needs a round-2 deadline', () => {
    expect(campaignDateIssues({ ...fy2026, roundDeadlines: { '3': '2027-02-28' } })).toEqual([
      {
        field: 'roundDeadlines.3',
        code: 'round3_without_round2',
        ja: '3回目の期限には2回目の期限が必要です',
        en: 'A round-3 deadline needs a round-2 deadline',
      },
    ]);
  });
});

describe('extensions', () => {
  it('must be after the campaign deadline and within the window', () => {
    expect(extensionIssues(fy2026, '2027-01-15')).toEqual([]);
    expect(extensionIssues(fy2026, '2026-12-25').map((i) => i.code)).toEqual(['not_after_deadline']);
    expect(extensionIssues(fy2026, '2027-07-01').map((i) => i.code)).toEqual(['deadline_too_late']);
    expect(extensionIssues(fy2026, '2027-02-29').map((i) => i.code)).toEqual(['invalid_date']);
    expect(extensionIssues(fy2026, '2027-02-29')[0]?.field).toBe('extendedTo');
  });

  it('may reach the last day of the window, not a day more, and says so in both languages', () => {
    expect(extensionIssues(fy2026, '2027-06-30')).toEqual([]);
    expect(extensionIssues(fy2026, '2027-07-01')).toEqual([
      {
        field: 'extendedTo',
        code: 'deadline_too_late',
        ja: '令和8年度の調査の期限は 2027年6月30日 までにしてください',
        en: 'A FY2026 campaign must be due by 2027-06-30',
      },
    ]);
    expect(extensionIssues(fy2026, '2026-12-26')).toEqual([]);
  });

  it('the facility works to its extension, else to the campaign deadline', () => {
    expect(effectiveDeadline(fy2026, '2027-01-15')).toBe('2027-01-15');
    expect(effectiveDeadline(fy2026, undefined)).toBe('2026-12-25');
    // An extension left behind by a later change of the campaign deadline no longer shortens it.
    expect(effectiveDeadline({ deadline: '2027-02-01' }, '2027-01-15')).toBe('2027-02-01');
  });
});
