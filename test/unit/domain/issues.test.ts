import { formatPath, issuesFromZod } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';

/** The field issues of one parse; `reportInput` keeps the value on the issue, so that a wrong type is not read as missing. */
function issuesOf(schema: z.ZodMiniType, value: unknown, prefix?: PropertyKey[]) {
  const result = schema.safeParse(value, { reportInput: true });
  return result.success ? [] : issuesFromZod(result.error.issues, prefix);
}

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['fiscalYear'], 'fiscalYear'],
    [['sections', 1, 'items', 3, 'cells', 0], 'sections[1].items[3].cells[0]'],
    [[0, 'id'], '[0].id'],
    [['2-4:server', '1', 'targetDate'], '2-4:server.1.targetDate'],
  ])('writes %j as %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('issuesFromZod', () => {
  it('says a missing field is required, and a wrong type what type it needs', () => {
    const schema = z.strictObject({ fiscalYear: z.number() });
    expect(issuesOf(schema, {})).toEqual([{ path: 'fiscalYear', code: 'invalid_type', ja: '必須項目です', en: 'Required' }]);
    expect(issuesOf(schema, { fiscalYear: '2026' })).toEqual([
      { path: 'fiscalYear', code: 'invalid_type', ja: '形式が正しくありません（number が必要です）', en: 'Expected number' },
    ]);
  });

  it('names the minimum of a text, a list and a number', () => {
    expect(issuesOf(z.string().check(z.minLength(3)), 'ab')).toEqual([
      { path: '', code: 'too_small', ja: '3 文字以上で入力してください', en: 'Must be at least 3 characters' },
    ]);
    expect(issuesOf(z.array(z.string()).check(z.minLength(2)), ['a'])).toEqual([
      { path: '', code: 'too_small', ja: '2 件以上必要です', en: 'Needs at least 2 entries' },
    ]);
    expect(issuesOf(z.number().check(z.minimum(2000)), 1999)).toEqual([
      { path: '', code: 'too_small', ja: '2000 以上の値を指定してください', en: 'Must be at least 2000' },
    ]);
  });

  it('names the maximum of a text, a list and a number', () => {
    expect(issuesOf(z.string().check(z.maxLength(3)), 'abcd')).toEqual([
      { path: '', code: 'too_big', ja: '3 文字以内で入力してください', en: 'Must be at most 3 characters' },
    ]);
    expect(issuesOf(z.array(z.string()).check(z.maxLength(1)), ['a', 'b'])).toEqual([
      { path: '', code: 'too_big', ja: '1 件以内にしてください', en: 'At most 1 entries' },
    ]);
    expect(issuesOf(z.number().check(z.maximum(2100)), 2101)).toEqual([
      { path: '', code: 'too_big', ja: '2100 以下の値を指定してください', en: 'Must be at most 2100' },
    ]);
  });

  it('explains a date, a slug and any other format', () => {
    expect(issuesOf(z.iso.date(), '2024-02-30')).toEqual([
      { path: '', code: 'invalid_format', ja: '日付は YYYY-MM-DD の形式で、実在する日付を入力してください', en: 'Use a real date in YYYY-MM-DD form' },
    ]);
    expect(issuesOf(z.string().check(z.regex(/^[a-z0-9-]+$/)), '2(1)')).toEqual([
      {
        path: '',
        code: 'invalid_format',
        ja: '使用できない文字が含まれています（英小文字・数字・ハイフンのみ）',
        en: 'Only lower-case letters, digits and hyphens are allowed',
      },
    ]);
    expect(issuesOf(z.email(), 'not-an-address')).toEqual([{ path: '', code: 'invalid_format', ja: '形式が正しくありません', en: 'Invalid format (email)' }]);
  });

  it('lists the values allowed', () => {
    expect(issuesOf(z.enum(['facility', 'vendor', 'bcp']), 'form')).toEqual([
      { path: '', code: 'invalid_value', ja: '次のいずれかを指定してください: facility, vendor, bcp', en: 'Expected one of: facility, vendor, bcp' },
    ]);
  });

  it('points at a single unknown key itself, after the prefix; several stay on their object', () => {
    const schema = z.strictObject({ id: z.string() });
    expect(issuesOf(schema, { id: 'a', cell: 1 }, ['sections', 0])).toEqual([
      { path: 'sections[0].cell', code: 'unrecognized_keys', ja: '指定できない項目があります: cell', en: 'Unknown field(s): cell' },
    ]);
    expect(issuesOf(schema, { id: 'a', cell: 1, note: 2 })).toEqual([
      { path: '', code: 'unrecognized_keys', ja: '指定できない項目があります: cell, note', en: 'Unknown field(s): cell, note' },
    ]);
  });

  it('says an invalid value for a union', () => {
    expect(issuesOf(z.union([z.string(), z.number()]), true)).toEqual([{ path: '', code: 'invalid_union', ja: '値が正しくありません', en: 'Invalid value' }]);
  });

  it('uses the ja and en of a custom rule, else its message, else a plain "invalid value"', () => {
    const bilingual = z.string().check(z.refine(() => false, { params: { ja: '重複しています', en: 'Duplicate' } }));
    expect(issuesOf(bilingual, 'x')).toEqual([{ path: '', code: 'custom', ja: '重複しています', en: 'Duplicate' }]);
    const coded = z.string().check(z.refine(() => false, { message: 'duplicate_system' }));
    expect(issuesOf(coded, 'x')).toEqual([{ path: '', code: 'custom', ja: '値が正しくありません', en: 'duplicate_system' }]);
    const custom = { code: 'custom', path: ['a'], message: '', input: 'x' } as z.core.$ZodIssue;
    expect(issuesFromZod([custom])).toEqual([{ path: 'a', code: 'custom', ja: '値が正しくありません', en: 'Invalid value' }]);
  });

  it('falls back to zod’s message for any other code', () => {
    // zod's message depends on the locale loaded (packages/contract loads the English one): given here, not parsed.
    const other = { code: 'not_multiple_of', divisor: 5, origin: 'number', path: ['beds'], message: 'Must be a multiple of 5', input: 7 } as z.core.$ZodIssue;
    expect(issuesFromZod([other])).toEqual([{ path: 'beds', code: 'not_multiple_of', ja: '値が正しくありません', en: 'Must be a multiple of 5' }]);
    const silent = { code: 'not_multiple_of', divisor: 5, origin: 'number', path: [], message: '', input: 7 } as z.core.$ZodIssue;
    expect(issuesFromZod([silent])).toEqual([{ path: '', code: 'not_multiple_of', ja: '値が正しくありません', en: 'Invalid value' }]);
  });

  it('names nested fields under the prefix, one issue per problem', () => {
    const schema = z.strictObject({ sections: z.array(z.strictObject({ n: z.number() })) });
    expect(issuesOf(schema, { sections: [{ n: 1 }, {}, { n: 'x' }] }, ['body'])).toEqual([
      { path: 'body.sections[1].n', code: 'invalid_type', ja: '必須項目です', en: 'Required' },
      { path: 'body.sections[2].n', code: 'invalid_type', ja: '形式が正しくありません（number が必要です）', en: 'Expected number' },
    ]);
    expect(issuesFromZod([])).toEqual([]);
  });
});
