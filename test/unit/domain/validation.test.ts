import { Answers, getBuiltInTemplate, RoundAnswer, validateAnswers, validateRoundAnswer } from '@mcr/domain';
import { describe, expect, it } from 'vitest';

const r6 = getBuiltInTemplate('mhlw-facility-r6');
const ctx = { hasVendorContract: true };
const fy2024 = { fiscalYear: 2024 };

describe('validateRoundAnswer', () => {
  it('accepts はい with the date checked', () => {
    expect(validateRoundAnswer({ value: 'yes', checkedOn: '2024-06-01' }, fy2024)).toEqual([]);
  });

  it('asks for はい or いいえ, in Japanese and English', () => {
    expect(validateRoundAnswer({ checkedOn: '2024-06-01' }, fy2024)).toEqual([
      { path: 'value', code: 'value_required', ja: '「はい」または「いいえ」を選んでください', en: 'Choose "Yes" or "No"' },
    ]);
    expect(validateRoundAnswer({ value: 'maybe', checkedOn: '2024-06-01' }, fy2024).map((issue) => issue.code)).toEqual(['value_required']);
  });

  it('asks for the date checked', () => {
    expect(validateRoundAnswer({ value: 'yes' }, fy2024)).toEqual([
      { path: 'checkedOn', code: 'checked_on_required', ja: '確認した日付を入力してください', en: 'Enter the date you checked' },
    ]);
    for (const checkedOn of [null, ''])
      expect(validateRoundAnswer({ value: 'yes', checkedOn }, fy2024).map((issue) => [issue.path, issue.code])).toEqual([['checkedOn', 'checked_on_required']]);
  });

  it('refuses an answer that is not an object, in Japanese and English', () => {
    for (const answer of ['yes', null, [], 1])
      expect(validateRoundAnswer(answer, fy2024)).toEqual([
        { path: '', code: 'answer_invalid', ja: '回答の形式が正しくありません', en: 'An answer must be an object' },
      ]);
  });

  it('refuses a target date that is not text, even one that reads as a date', () => {
    for (const targetDate of [['2024-07-01'], 20240701, null])
      expect(validateRoundAnswer({ value: 'no', checkedOn: '2024-06-01', targetDate }, fy2024).map((issue) => [issue.path, issue.code])).toEqual([
        ['targetDate', 'invalid_date'],
      ]);
  });

  it.each(['2024-02-30', '2024/06/01', '2023-02-29', '24-06-01'])('refuses the date %s', (checkedOn) => {
    expect(validateRoundAnswer({ value: 'yes', checkedOn }, fy2024).map((issue) => [issue.path, issue.code])).toEqual([['checkedOn', 'invalid_date']]);
  });

  it('accepts 29 February in a leap year', () => {
    expect(validateRoundAnswer({ value: 'yes', checkedOn: '2024-02-29' }, fy2024)).toEqual([]);
  });

  it('needs a target date for いいえ, within the fiscal year', () => {
    expect(validateRoundAnswer({ value: 'no', checkedOn: '2024-06-01' }, fy2024)).toEqual([
      {
        path: 'targetDate',
        code: 'target_date_required',
        ja: '「いいえ」の場合は令和6年度（2024-04-01〜2025-03-31）中の対応目標日を入力してください',
        en: 'For "No", enter a target date within FY2024 (2024-04-01 to 2025-03-31)',
      },
    ]);
  });

  it.each([
    ['2024-04-01', []],
    ['2025-03-31', []],
    ['2025-04-01', ['target_date_outside_fiscal_year']],
    ['2024-03-31', ['target_date_outside_fiscal_year']],
  ])('takes %s as a FY2024 target date: %j', (targetDate, codes) => {
    const issues = validateRoundAnswer({ value: 'no', checkedOn: '2024-03-01', targetDate }, fy2024);
    expect(issues.map((issue) => issue.code)).toEqual(codes);
  });

  it('says which fiscal year a target date must fall in', () => {
    const [issue] = validateRoundAnswer({ value: 'no', checkedOn: '2025-04-10', targetDate: '2026-04-01' }, { fiscalYear: 2025 });
    expect(issue).toMatchObject({
      code: 'target_date_outside_fiscal_year',
      ja: '対応目標日は令和7年度（2025-04-01〜2026-03-31）中の日付にしてください',
      en: 'The target date must fall within FY2025 (2025-04-01 to 2026-03-31)',
    });
  });

  it('refuses a target date before the date checked', () => {
    const issues = validateRoundAnswer({ value: 'no', checkedOn: '2024-06-01', targetDate: '2024-05-31' }, fy2024);
    expect(issues.map((issue) => issue.code)).toEqual(['target_date_before_checked_on']);
  });

  it('refuses a date checked in the future when today is given', () => {
    const issues = validateRoundAnswer({ value: 'yes', checkedOn: '2024-06-02' }, { ...fy2024, today: '2024-06-01' });
    expect(issues).toEqual([
      { path: 'checkedOn', code: 'checked_on_in_future', ja: '確認日に未来の日付は入力できません', en: 'The date checked cannot be in the future' },
    ]);
    expect(validateRoundAnswer({ value: 'yes', checkedOn: '2024-06-01' }, { ...fy2024, today: '2024-06-01' })).toEqual([]);
  });

  it('needs no target date on a gate row', () => {
    expect(validateRoundAnswer({ value: 'no', checkedOn: '2024-06-01' }, { ...fy2024, gate: true })).toEqual([]);
  });

  it('waits with the target date of an answer carried forward until it is confirmed', () => {
    expect(validateRoundAnswer({ value: 'no', checkedOn: '2023-11-01', carriedForward: true }, fy2024)).toEqual([]);
  });

  it('accepts a note of exactly 2000 characters', () => {
    expect(validateRoundAnswer({ value: 'yes', checkedOn: '2024-06-01', note: 'x'.repeat(2000) }, fy2024)).toEqual([]);
  });

  it('asks for a target date up to the end of the year checked in, once the campaign year is over', () => {
    expect(validateRoundAnswer({ value: 'no', checkedOn: '2025-05-10' }, fy2024)).toEqual([
      {
        path: 'targetDate',
        code: 'target_date_required',
        ja: '「いいえ」の場合は対応目標日を確認日（2025-05-10）から令和7年度末（2026-03-31）までの間で入力してください（令和6年度は終了しています）',
        en: 'For "No", enter a target date from the date checked (2025-05-10) to the end of FY2025 (2026-03-31); FY2024 is over',
      },
    ]);
  });

  it('refuses unknown fields and a note that is too long', () => {
    const issues = validateRoundAnswer({ value: 'yes', checkedOn: '2024-06-01', comment: 'x', note: 'x'.repeat(2001) }, fy2024);
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['comment', 'unknown_field'],
      ['note', 'note_invalid'],
    ]);
  });
});

describe('validateAnswers', () => {
  it('accepts a well-formed set of answers', () => {
    const answers: Answers = {
      'gate:system': { '1': { value: 'yes', checkedOn: '2024-06-01' } },
      '2-4:server': { '1': { value: 'no', checkedOn: '2024-06-01', targetDate: '2024-09-30' }, '2': { value: 'yes', checkedOn: '2024-09-30' } },
    };
    expect(validateAnswers(r6, answers, ctx, fy2024)).toEqual([]);
  });

  it('names the cell, round and field of each problem', () => {
    const issues = validateAnswers(r6, { '2-4:server': { '1': { value: 'no', checkedOn: '2024-06-01', targetDate: '2025-06-01' } } }, ctx, fy2024);
    expect(issues.map((issue) => issue.path)).toEqual(['2-4:server.1.targetDate']);
  });

  it('refuses cells the template does not have', () => {
    const issues = validateAnswers(r6, { '2-6:client': {}, '9-9:system': {}, nonsense: {} }, ctx, fy2024);
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['2-6:client', 'unknown_cell'],
      ['9-9:system', 'unknown_cell'],
      ['nonsense', 'unknown_cell'],
    ]);
    expect(issues[0]).toMatchObject({ ja: '「2-6:client」はこのチェックリストの回答欄ではありません' });
  });

  it('allows round 2 only after round 1, and round 3 only after round 2', () => {
    const issues = validateAnswers(
      r6,
      {
        '2-1:system': { '2': { value: 'yes', checkedOn: '2024-08-01' } },
        '2-5:server': { '1': { value: 'yes', checkedOn: '2024-06-01' }, '3': { value: 'yes', checkedOn: '2024-08-01' } },
        '2-5:client': { '4': { value: 'yes', checkedOn: '2024-08-01' } },
      },
      ctx,
      fy2024,
    );
    expect(issues.map((issue) => [issue.path, issue.code, issue.ja])).toEqual([
      ['2-5:client.4', 'unknown_round', '確認の回「4」はありません（1〜3回目）'],
      ['2-1:system.2', 'round_out_of_order', '1回目の確認を先に入力してください'],
      ['2-5:server.3', 'round_out_of_order', '2回目の確認を先に入力してください'],
    ]);
  });

  it('refuses a later round dated before the earlier one', () => {
    const issues = validateAnswers(
      r6,
      { '2-6:server': { '1': { value: 'no', checkedOn: '2024-06-01', targetDate: '2024-07-01' }, '2': { value: 'yes', checkedOn: '2024-05-01' } } },
      ctx,
      fy2024,
    );
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([['2-6:server.2.checkedOn', 'round_date_before_previous']]);
  });

  it('allows a later round checked on the same day as the earlier one', () => {
    const issues = validateAnswers(
      r6,
      { '2-6:server': { '1': { value: 'no', checkedOn: '2024-06-01', targetDate: '2024-07-01' }, '2': { value: 'yes', checkedOn: '2024-06-01' } } },
      ctx,
      fy2024,
    );
    expect(issues).toEqual([]);
  });

  it('allows carriedForward only on round 1', () => {
    const issues = validateAnswers(
      r6,
      { '2-6:server': { '1': { value: 'yes', checkedOn: '2024-06-01' }, '2': { value: 'yes', checkedOn: '2024-07-01', carriedForward: true } } },
      ctx,
      fy2024,
    );
    expect(issues.map((issue) => issue.code)).toEqual(['carried_forward_round']);
  });

  it('checks only the shape of cells behind a closed gate or a missing vendor contract', () => {
    const leftover = { '1': { value: 'no', checkedOn: '2024-06-01' } };
    expect(validateAnswers(r6, { 'gate:system': { '1': { value: 'no', checkedOn: '2024-06-01' } }, '1-1:system': leftover }, ctx, fy2024)).toEqual([]);
    expect(validateAnswers(r6, { '2-2:system': leftover }, { hasVendorContract: false }, fy2024)).toEqual([]);
    expect(validateAnswers(r6, { '2-2:system': leftover }, ctx, fy2024).map((issue) => issue.code)).toEqual(['target_date_required']);
    expect(validateAnswers(r6, { '2-2:system': { '1': { value: 'no' } } }, { hasVendorContract: false }, fy2024).map((issue) => issue.code)).toEqual([
      'checked_on_required',
    ]);
  });

  it('refuses something that is not a set of answers', () => {
    expect(validateAnswers(r6, [], ctx, fy2024).map((issue) => issue.code)).toEqual(['answers_invalid']);
    expect(validateAnswers(r6, { '2-1:system': 'yes' }, ctx, fy2024).map((issue) => issue.code)).toEqual(['cell_invalid']);
  });
});

describe('answer schemas', () => {
  it('parse the shape the API stores', () => {
    expect(RoundAnswer.safeParse({ value: 'yes', checkedOn: '2024-06-01', note: 'メモ' }).success).toBe(true);
    expect(RoundAnswer.safeParse({ value: 'yes', checkedOn: '2024-02-30' }).success).toBe(false);
    expect(RoundAnswer.safeParse({ value: 'yes', checkedOn: '2024-06-01', extra: 1 }).success).toBe(false);
    expect(Answers.safeParse({ '2-4:server': { '1': { value: 'no', checkedOn: '2024-06-01', targetDate: '2024-12-01' } } }).success).toBe(true);
    expect(Answers.safeParse({ '2-4:printer': {} }).success).toBe(false);
  });
});
