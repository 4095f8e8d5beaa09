import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { formatPath } from '@mcr/domain';
import type { FieldError } from './errors.ts';

/*
 * zod mini loads no locale: without one every issue's message is "Invalid input". The English one (3 KB minified)
 * gives the messages the classic API gave, which `describe` reads for "Required" and for the codes it does not name
 * (docs/decisions/0025-lean-functions.md). Every function that answers field errors imports this module.
 */
z.config(en());

/** Messages of the contract's own cross-field rules (`refine(..., { message: <code> })`). */
const CUSTOM: Record<string, { ja: string; en: string }> = {
  comment_required: { ja: '差戻しの理由か、項目へのコメントを入力してください', en: 'Give a reason or comment on at least one item' },
  deadline_before_opening: { ja: '回答期限は開始日以降にしてください', en: 'The deadline must not be before the opening date' },
  round_deadline_order: { ja: '2回目・3回目の期限は、前の回の期限より後にしてください', en: 'Each later round must be due after the one before' },
  // contact-charts:begin
  phone_format: { ja: '電話番号の形式が正しくありません (例: 088-123-4567)', en: 'Not a valid phone number (e.g. 088-123-4567)' },
  // contact-charts:end
};

function describe(issue: z.core.$ZodIssue): { ja: string; en: string } {
  switch (issue.code) {
    case 'custom':
      return CUSTOM[issue.message] ?? { ja: '値が正しくありません', en: issue.message || 'Invalid value' };
    case 'invalid_type':
      // zod 4 does not keep the input on the issue; its message says what was received.
      if (/received undefined/.test(issue.message)) return { ja: '必須項目です', en: 'Required' };
      return { ja: `形式が正しくありません (${issue.expected} が必要です)`, en: `Expected ${issue.expected}` };
    case 'too_small':
      return issue.origin === 'string'
        ? { ja: `${issue.minimum} 文字以上で入力してください`, en: `Must be at least ${issue.minimum} characters` }
        : issue.origin === 'array'
          ? { ja: `${issue.minimum} 件以上必要です`, en: `Needs at least ${issue.minimum} entries` }
          : { ja: `${issue.minimum} 以上の値を入力してください`, en: `Must be at least ${issue.minimum}` };
    case 'too_big':
      return issue.origin === 'string'
        ? { ja: `${issue.maximum} 文字以内で入力してください`, en: `Must be at most ${issue.maximum} characters` }
        : issue.origin === 'array'
          ? { ja: `${issue.maximum} 件以内にしてください`, en: `At most ${issue.maximum} entries` }
          : { ja: `${issue.maximum} 以下の値を入力してください`, en: `Must be at most ${issue.maximum}` };
    case 'invalid_format':
      if (issue.format === 'date') return { ja: '日付は YYYY-MM-DD の形式で入力してください', en: 'Use a date in YYYY-MM-DD form' };
      if (issue.format === 'email') return { ja: 'メールアドレスの形式が正しくありません', en: 'Not a valid e-mail address' };
      return { ja: '形式が正しくありません', en: `Invalid format (${issue.format})` };
    case 'invalid_value':
      return { ja: `次のいずれかを指定してください: ${issue.values.map(String).join(', ')}`, en: `Expected one of: ${issue.values.map(String).join(', ')}` };
    case 'unrecognized_keys':
      return { ja: `指定できない項目があります: ${issue.keys.join(', ')}`, en: `Unknown field(s): ${issue.keys.join(', ')}` };
    case 'invalid_union':
      return { ja: '値が正しくありません', en: 'Invalid value' };
    default:
      return { ja: issue.message || '値が正しくありません', en: issue.message || 'Invalid value' };
  }
}

/** Turns zod issues into field errors named from the part of the request they came from (`body`, `query`, `path`). */
export function fieldErrorsFromZod(issues: ReadonlyArray<z.core.$ZodIssue>, part: string): FieldError[] {
  return issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0] as string] : issue.path;
    const field = formatPath([part, ...path]);
    return { field, code: issue.code, message: describe(issue) };
  });
}
