import { fiscalYearLabel, fiscalYearRange, isIsoDate } from './fiscal-year.ts';

/**
 * Which dates a campaign of a fiscal year may have (docs/decisions/0016-campaign-dates-and-lifecycle.md).
 *
 *  - It may open up to {@link OPENING_LEAD_MONTHS} months before its fiscal year starts (a prefecture preparing
 *    the next year's survey in the winter) and no later than the year's last day.
 *  - Its deadline (1回目) must be after the opening day and no later than {@link DEADLINE_GRACE_MONTHS} months
 *    after the year ends (a survey of the year collected in the spring after it).
 *  - 2回目 and 3回目 come after the round before and within the same window; a 3回目 needs a 2回目.
 *  - A facility's extended deadline is after the campaign's deadline and within the same window.
 *
 * Only the fiscal year is read, never today: a prefecture may record a past year's survey.
 */
export const OPENING_LEAD_MONTHS = 6;
export const DEADLINE_GRACE_MONTHS = 3;

export interface CampaignDateWindow {
  /** The first day the campaign may open. */
  earliestOpening: string;
  /** The last day the campaign may open: the last day of its fiscal year. */
  latestOpening: string;
  /** The last day any deadline of the campaign may fall on. */
  latestDeadline: string;
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The window of dates for a campaign of `fiscalYear`: FY2026 → opens 2025-10-01 … 2027-03-31, due by 2027-06-30. */
export function campaignDateWindow(fiscalYear: number): CampaignDateWindow {
  const { start, end } = fiscalYearRange(fiscalYear);
  return {
    earliestOpening: addMonths(start, -OPENING_LEAD_MONTHS),
    latestOpening: end,
    latestDeadline: lastDayOfMonth(addMonths(end, DEADLINE_GRACE_MONTHS)),
  };
}

function lastDayOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

export type CampaignDateField = 'opensOn' | 'deadline' | 'roundDeadlines.2' | 'roundDeadlines.3';

export interface CampaignDateIssue {
  /** The field in the request body, e.g. `deadline`, `roundDeadlines.2`, `extendedTo`. */
  field: string;
  code: string;
  ja: string;
  en: string;
}

export interface CampaignDates {
  fiscalYear: number;
  opensOn: string;
  deadline: string;
  roundDeadlines?: { '2'?: string; '3'?: string };
}

const jp = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Everything wrong with a campaign's dates, each naming its field (empty when they are fine). */
export function campaignDateIssues(dates: CampaignDates): CampaignDateIssue[] {
  const issues: CampaignDateIssue[] = [];
  const fy = dates.fiscalYear;
  const w = campaignDateWindow(fy);
  const label = { ja: fiscalYearLabel(fy, 'ja'), en: fiscalYearLabel(fy, 'en') };
  const valid = (field: string, value: string | undefined) => {
    if (value === undefined) return false;
    if (isIsoDate(value)) return true;
    issues.push({ field, code: 'invalid_date', ja: '存在しない日付です (YYYY-MM-DD)', en: 'Not a real date (YYYY-MM-DD)' });
    return false;
  };
  const opensOk = valid('opensOn', dates.opensOn);
  if (opensOk && dates.opensOn < w.earliestOpening) {
    issues.push({
      field: 'opensOn',
      code: 'opens_too_early',
      ja: `${label.ja}の調査は ${jp(w.earliestOpening)} 以降に開始してください`,
      en: `A ${label.en} campaign cannot open before ${w.earliestOpening}`,
    });
  }
  if (opensOk && dates.opensOn > w.latestOpening) {
    issues.push({
      field: 'opensOn',
      code: 'opens_after_year',
      ja: `開始日は${label.ja}の末日 (${jp(w.latestOpening)}) までにしてください`,
      en: `The opening date must be within ${label.en} (by ${w.latestOpening})`,
    });
  }
  const deadlineOk = valid('deadline', dates.deadline);
  if (deadlineOk && opensOk && dates.deadline <= dates.opensOn) {
    issues.push({
      field: 'deadline',
      code: 'deadline_not_after_opening',
      ja: '回答期限は開始日より後にしてください',
      en: 'The deadline must be after the opening date',
    });
  }
  const tooLate = (field: string, value: string) => {
    if (value > w.latestDeadline) {
      issues.push({
        field,
        code: 'deadline_too_late',
        ja: `${label.ja}の調査の期限は ${jp(w.latestDeadline)} までにしてください`,
        en: `A ${label.en} campaign must be due by ${w.latestDeadline}`,
      });
      return true;
    }
    return false;
  };
  if (deadlineOk) tooLate('deadline', dates.deadline);
  const r2 = dates.roundDeadlines?.['2'];
  const r3 = dates.roundDeadlines?.['3'];
  const order = { ja: '2回目・3回目の期限は、前の回の期限より後にしてください', en: 'Each later round must be due after the one before' };
  if (valid('roundDeadlines.2', r2) && r2 && !tooLate('roundDeadlines.2', r2) && deadlineOk && r2 <= dates.deadline) {
    issues.push({ field: 'roundDeadlines.2', code: 'round_deadline_order', ...order });
  }
  if (r3 !== undefined && r2 === undefined) {
    issues.push({
      field: 'roundDeadlines.3',
      code: 'round3_without_round2',
      ja: '3回目の期限には2回目の期限が必要です',
      en: 'A round-3 deadline needs a round-2 deadline',
    });
  } else if (valid('roundDeadlines.3', r3) && r3 && !tooLate('roundDeadlines.3', r3) && r2 && isIsoDate(r2) && r3 <= r2) {
    issues.push({ field: 'roundDeadlines.3', code: 'round_deadline_order', ...order });
  }
  return issues;
}

/** What is wrong with extending one facility's deadline to `extendedTo` (empty when it is fine). */
export function extensionIssues(campaign: CampaignDates, extendedTo: string): CampaignDateIssue[] {
  if (!isIsoDate(extendedTo)) return [{ field: 'extendedTo', code: 'invalid_date', ja: '存在しない日付です (YYYY-MM-DD)', en: 'Not a real date (YYYY-MM-DD)' }];
  const w = campaignDateWindow(campaign.fiscalYear);
  if (extendedTo <= campaign.deadline) {
    return [
      {
        field: 'extendedTo',
        code: 'not_after_deadline',
        ja: `延長後の期限は調査の期限 (${jp(campaign.deadline)}) より後にしてください`,
        en: `The extended deadline must be after the campaign's deadline (${campaign.deadline})`,
      },
    ];
  }
  if (extendedTo > w.latestDeadline) {
    return [
      {
        field: 'extendedTo',
        code: 'deadline_too_late',
        ja: `${fiscalYearLabel(campaign.fiscalYear, 'ja')}の調査の期限は ${jp(w.latestDeadline)} までにしてください`,
        en: `A ${fiscalYearLabel(campaign.fiscalYear, 'en')} campaign must be due by ${w.latestDeadline}`,
      },
    ];
  }
  return [];
}

/** The deadline one facility works to: its extension when the prefecture granted one, else the campaign's. */
export function effectiveDeadline(campaign: { deadline: string }, extendedTo?: string | null): string {
  return extendedTo && extendedTo > campaign.deadline ? extendedTo : campaign.deadline;
}
