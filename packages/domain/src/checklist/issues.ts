import type * as z from 'zod/mini';

/**
 * One problem with one field, in both languages. `path` names the field the way people read it:
 * `sections[1].items[3].cells[0]` for a template, `2-4:server.1.targetDate` for an answer.
 */
export interface FieldIssue {
  path: string;
  code: string;
  ja: string;
  en: string;
}

/** Renders a zod path as `sections[1].items[3].cells[0]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

function describe(issue: z.core.$ZodIssue): { ja: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { ja: '必須項目です', en: 'Required' };
      return { ja: `形式が正しくありません（${issue.expected} が必要です）`, en: `Expected ${issue.expected}` };
    case 'too_small':
      if (issue.origin === 'string') return { ja: `${issue.minimum} 文字以上で入力してください`, en: `Must be at least ${issue.minimum} characters` };
      if (issue.origin === 'array') return { ja: `${issue.minimum} 件以上必要です`, en: `Needs at least ${issue.minimum} entries` };
      return { ja: `${issue.minimum} 以上の値を指定してください`, en: `Must be at least ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { ja: `${issue.maximum} 文字以内で入力してください`, en: `Must be at most ${issue.maximum} characters` };
      if (issue.origin === 'array') return { ja: `${issue.maximum} 件以内にしてください`, en: `At most ${issue.maximum} entries` };
      return { ja: `${issue.maximum} 以下の値を指定してください`, en: `Must be at most ${issue.maximum}` };
    case 'invalid_format':
      if (issue.format === 'date') return { ja: '日付は YYYY-MM-DD の形式で、実在する日付を入力してください', en: 'Use a real date in YYYY-MM-DD form' };
      if (issue.format === 'regex')
        return { ja: '使用できない文字が含まれています（英小文字・数字・ハイフンのみ）', en: 'Only lower-case letters, digits and hyphens are allowed' };
      return { ja: '形式が正しくありません', en: `Invalid format (${issue.format})` };
    case 'invalid_value':
      return {
        ja: `次のいずれかを指定してください: ${issue.values.map(String).join(', ')}`,
        en: `Expected one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'unrecognized_keys':
      return { ja: `指定できない項目があります: ${issue.keys.join(', ')}`, en: `Unknown field(s): ${issue.keys.join(', ')}` };
    case 'invalid_union':
      return { ja: '値が正しくありません', en: 'Invalid value' };
    case 'custom': {
      const params = issue.params as { ja?: string; en?: string } | undefined;
      return { ja: params?.ja ?? '値が正しくありません', en: params?.en ?? (issue.message || 'Invalid value') };
    }
    default:
      return { ja: '値が正しくありません', en: issue.message || 'Invalid value' };
  }
}

/**
 * Turns zod issues into bilingual field issues; `prefix` is prepended to every path. Parse with `reportInput: true`:
 * without the value on the issue, a field of the wrong type reads as missing (「必須項目です」).
 */
export function issuesFromZod(issues: ReadonlyArray<z.core.$ZodIssue>, prefix: ReadonlyArray<PropertyKey> = []): FieldIssue[] {
  return issues.map((issue) => {
    const path =
      issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...prefix, ...issue.path, issue.keys[0] as string] : [...prefix, ...issue.path];
    return { path: formatPath(path), code: issue.code, ...describe(issue) };
  });
}
