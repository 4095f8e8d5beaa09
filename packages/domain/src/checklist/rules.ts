import { daysBetween, fiscalYearLabel, fiscalYearOf, fiscalYearRange, isIsoDate } from '../fiscal-year.ts';
import { type Answers, type CellAnswers, type CellKey, type Context, cellKey, latestRound, parseCellKey, type RoundAnswer, type RoundNo } from './answers.ts';
import type { FieldIssue } from './issues.ts';
import { type ApplicabilityRule, type DeviceClass, findItem, type Item, isReferenceCell, type LocalizedText, type Template } from './template.ts';

/** One answer cell of a template, located in official order. */
export interface CellRef {
  key: CellKey;
  itemId: string;
  deviceClass: DeviceClass;
  /** Official item number, e.g. `2(4)`; empty for a gate row. */
  number: string;
  sectionId: string;
  text: LocalizedText;
}

export interface ApplicableCell extends CellRef {
  /** 参考項目 (or a 参考 device class of 一部参考項目): answered, not scored, not needed for completeness. */
  reference: boolean;
  /** A gate row (「医療情報システムを導入、運用している」): needed for completeness, never scored. */
  gate: boolean;
  /** Counted by {@link score}: applicable, not 参考, not a gate. */
  required: boolean;
}

function satisfies(rule: ApplicabilityRule, ctx: Context): boolean {
  // A closed gate already removes every other item; what is left to check is the facility's context.
  return rule.requires === 'vendor-contract' ? ctx.hasVendorContract : true;
}

function toRef(template: Template, item: Item, deviceClass: DeviceClass): CellRef {
  const sectionId = template.sections.find((section) => section.items.includes(item))?.id ?? '';
  return { key: cellKey(item.id, deviceClass), itemId: item.id, deviceClass, number: item.number, sectionId, text: item.text };
}

/**
 * The cells a facility has to answer, in official order. A gate answered いいえ in its latest round leaves only
 * the gate itself; without a vendor contract the items (or the whole template) that require one drop out.
 */
export function applicableCells(template: Template, answers: Answers, ctx: Context): ApplicableCell[] {
  const templateOk = template.applicability.every((rule) => satisfies(rule, ctx));
  const result: ApplicableCell[] = [];
  if (!templateOk) return result;

  let closed = false;
  for (const section of template.sections) {
    for (const item of section.items) {
      if (!item.applicability.every((rule) => satisfies(rule, ctx))) continue;
      if (item.gate) {
        if (closed) continue;
        const ref = toRef(template, item, 'system');
        result.push({ ...ref, reference: false, gate: true, required: false });
        if (latestRound(answers[ref.key])?.answer.value === 'no') closed = true;
        continue;
      }
      if (closed) continue;
      for (const deviceClass of item.cells) {
        const reference = isReferenceCell(item, deviceClass);
        result.push({ ...toRef(template, item, deviceClass), reference, gate: false, required: !reference });
      }
    }
  }
  return result;
}

export type MissingReason = 'unanswered' | 'carried-forward';

export interface MissingCell extends CellRef {
  /** `carried-forward`: only last year's answer is there; confirm or answer it again this year. */
  reason: MissingReason;
}

export interface Completeness {
  /** Every applicable cell that is not 参考 has a round-1 answer with its date (ready for 立入検査). */
  complete: boolean;
  /** What blocks completeness, in official order. */
  missing: MissingCell[];
  /** 参考 cells without an answer; shown, never blocking. */
  missingReference: MissingCell[];
}

function missingReason(cell: CellAnswers | undefined): MissingReason | undefined {
  const first = cell?.['1'];
  if (!first?.checkedOn) return 'unanswered';
  if (first.carriedForward && !cell?.['2'] && !cell?.['3']) return 'carried-forward';
  return undefined;
}

function stripFlags({ reference: _r, gate: _g, required: _q, ...ref }: ApplicableCell): CellRef {
  return ref;
}

/**
 * Whether the checklist is complete for inspection: every applicable, non-参考 cell has a round-1 answer with
 * a date. An answer carried forward from last year's version does not count until it is confirmed (saved again
 * without `carriedForward`) or a later round is answered.
 */
export function completeness(template: Template, answers: Answers, ctx: Context): Completeness {
  const missing: MissingCell[] = [];
  const missingReference: MissingCell[] = [];
  for (const cell of applicableCells(template, answers, ctx)) {
    const reason = missingReason(answers[cell.key]);
    if (!reason) continue;
    (cell.reference ? missingReference : missing).push({ ...stripFlags(cell), reason });
  }
  return { complete: missing.length === 0, missing, missingReference };
}

/**
 * Readiness: required applicable cells whose latest round is はい ÷ required applicable cells.
 * 参考 cells and gate rows are not counted. `null` when no cell is required (a facility without a medical
 * information system, a 事業者確認用 without contract): such a facility is out of scope, not "100 % ready",
 * and averages across facilities must leave it out.
 */
export function score(template: Template, answers: Answers, ctx: Context): number | null {
  let required = 0;
  let yes = 0;
  for (const cell of applicableCells(template, answers, ctx)) {
    if (!cell.required) continue;
    required++;
    if (latestRound(answers[cell.key])?.answer.value === 'yes') yes++;
  }
  return required === 0 ? null : yes / required;
}

export const READINESS_LEVEL_IDS = ['not-applicable', 'action-needed', 'partial', 'mostly', 'complete'] as const;
export type ReadinessLevelId = (typeof READINESS_LEVEL_IDS)[number];

export interface ReadinessLevel {
  id: ReadinessLevelId;
  /** Lowest score of the level (inclusive); null for `not-applicable`. */
  min: number | null;
  label: LocalizedText;
}

/** Levels from the top; a score belongs to the first level whose `min` it reaches. */
export const READINESS_LEVELS: readonly ReadinessLevel[] = [
  { id: 'complete', min: 1, label: { ja: '対応済み', en: 'All measures in place' } },
  { id: 'mostly', min: 0.8, label: { ja: 'おおむね対応', en: 'Mostly in place' } },
  { id: 'partial', min: 0.5, label: { ja: '一部対応', en: 'Partly in place' } },
  { id: 'action-needed', min: 0, label: { ja: '要対応', en: 'Action needed' } },
  { id: 'not-applicable', min: null, label: { ja: '対象外', en: 'Not applicable' } },
];

/**
 * Names a score: 1 → 対応済み, ≥ 0.8 → おおむね対応, ≥ 0.5 → 一部対応, below → 要対応, null → 対象外.
 * 対応済み needs every required cell at はい, as the MHLW asks 「すべての項目で「はい」にマルが付くよう」.
 */
export function readinessLevel(value: number | null): ReadinessLevel {
  const notApplicable = READINESS_LEVELS[READINESS_LEVELS.length - 1] as ReadinessLevel;
  if (value === null || Number.isNaN(value)) return notApplicable;
  return READINESS_LEVELS.find((level) => level.min !== null && value >= level.min) ?? (READINESS_LEVELS[3] as ReadinessLevel);
}

export interface OverdueTarget extends CellRef {
  round: RoundNo;
  targetDate: string;
  daysOverdue: number;
  reference: boolean;
}

/**
 * Cells whose latest round is いいえ with a target date (目標日) before `today`, in official order.
 * @param today `YYYY-MM-DD`, passed in by the caller (rules never read the clock).
 */
export function overdueTargets(template: Template, answers: Answers, ctx: Context, today: string): OverdueTarget[] {
  const result: OverdueTarget[] = [];
  for (const cell of applicableCells(template, answers, ctx)) {
    if (cell.gate) continue;
    const latest = latestRound(answers[cell.key]);
    const target = latest?.answer.targetDate;
    if (latest?.answer.value !== 'no' || !target || !isIsoDate(target) || target >= today) continue;
    result.push({ ...stripFlags(cell), round: latest.round, targetDate: target, daysOverdue: daysBetween(target, today), reference: cell.reference });
  }
  return result;
}

export interface Evaluation {
  /** Cells to answer (gate and 参考 included). */
  applicable: number;
  /** Applicable cells with a confirmed round-1 answer. */
  answered: number;
  /** Required cells whose latest round is はい. */
  yes: number;
  /** Required cells: applicable, not 参考, not a gate. */
  required: number;
  score: number | null;
  level: ReadinessLevelId;
  levelLabel: LocalizedText;
  missing: MissingCell[];
  overdue: OverdueTarget[];
  complete: boolean;
}

/** Everything the facility, the prefecture and the dashboard read about one checklist, computed in one pass. */
export function evaluate(template: Template, answers: Answers, ctx: Context, today: string): Evaluation {
  const cells = applicableCells(template, answers, ctx);
  let answered = 0;
  let required = 0;
  let yes = 0;
  for (const cell of cells) {
    if (!missingReason(answers[cell.key])) answered++;
    if (!cell.required) continue;
    required++;
    if (latestRound(answers[cell.key])?.answer.value === 'yes') yes++;
  }
  const value = required === 0 ? null : yes / required;
  const level = readinessLevel(value);
  const { complete, missing } = completeness(template, answers, ctx);
  return {
    applicable: cells.length,
    answered,
    yes,
    required,
    score: value,
    level: level.id,
    levelLabel: level.label,
    missing,
    overdue: overdueTargets(template, answers, ctx, today),
    complete,
  };
}

export interface TargetDateWindow {
  /** First allowed 目標日: the 確認日, or the campaign's first day when the check was earlier. */
  start: string;
  /** Last allowed 目標日: the end of the later of the campaign's fiscal year and the fiscal year of the 確認日. */
  end: string;
  /** The fiscal year `end` closes. */
  fiscalYear: number;
  /** True when the campaign's year was over on the 確認日, so the facility plans in the year it checked in. */
  extended: boolean;
}

/**
 * Where a いいえ's 目標日 may fall (docs/decisions/0018-dates-and-answering.md): on or after the 確認日, up to the
 * end of the campaign's fiscal year — or, when the 確認日 lies after that year (a past year's campaign answered
 * late), up to the end of the fiscal year the 確認日 falls in. Without a usable 確認日 the campaign's year applies.
 */
export function targetDateWindow(fiscalYear: number, checkedOn?: string): TargetDateWindow {
  const campaign = fiscalYearRange(fiscalYear);
  const checked = checkedOn && isIsoDate(checkedOn) ? checkedOn : undefined;
  const planning = checked ? Math.max(fiscalYear, fiscalYearOf(checked)) : fiscalYear;
  const start = checked && checked > campaign.start ? checked : campaign.start;
  return { start, end: fiscalYearRange(planning).end, fiscalYear: planning, extended: planning > fiscalYear };
}

export interface AnswerValidationOptions {
  /** The fiscal year of the campaign; a いいえ's target date must fall inside it. */
  fiscalYear: number;
  /** `YYYY-MM-DD`; when given, a date checked may not lie in the future. */
  today?: string;
}

export interface RoundValidationOptions extends AnswerValidationOptions {
  /** Gate rows take はい/いいえ and a date but never a target date. */
  gate?: boolean;
}

type AnswerCode =
  | 'answers_invalid'
  | 'unknown_cell'
  | 'cell_invalid'
  | 'unknown_round'
  | 'answer_invalid'
  | 'unknown_field'
  | 'value_required'
  | 'checked_on_required'
  | 'invalid_date'
  | 'note_invalid'
  | 'carried_forward_invalid'
  | 'checked_on_in_future'
  | 'target_date_required'
  | 'target_date_outside_fiscal_year'
  | 'target_date_before_checked_on'
  | 'round_out_of_order'
  | 'round_date_before_previous'
  | 'carried_forward_round';

const NOTE_MAX = 2000;
const ROUND_FIELDS = new Set(['value', 'checkedOn', 'targetDate', 'note', 'carriedForward']);

const ANSWER_MESSAGES: Record<AnswerCode, (arg: string) => { ja: string; en: string }> = {
  answers_invalid: () => ({ ja: '回答の形式が正しくありません', en: 'Answers must be an object keyed by cell' }),
  unknown_cell: (key) => ({ ja: `「${key}」はこのチェックリストの回答欄ではありません`, en: `"${key}" is not an answer cell of this checklist` }),
  cell_invalid: () => ({ ja: '回答欄の形式が正しくありません', en: 'A cell holds rounds "1", "2" and "3"' }),
  unknown_round: (round) => ({ ja: `確認の回「${round}」はありません（1〜3回目）`, en: `There is no round "${round}" (1 to 3)` }),
  answer_invalid: () => ({ ja: '回答の形式が正しくありません', en: 'An answer must be an object' }),
  unknown_field: (field) => ({ ja: `指定できない項目があります: ${field}`, en: `Unknown field: ${field}` }),
  value_required: () => ({ ja: '「はい」または「いいえ」を選んでください', en: 'Choose "Yes" or "No"' }),
  checked_on_required: () => ({ ja: '確認した日付を入力してください', en: 'Enter the date you checked' }),
  invalid_date: () => ({ ja: '日付は YYYY-MM-DD の形式で、実在する日付を入力してください', en: 'Use a real date in YYYY-MM-DD form' }),
  note_invalid: () => ({ ja: `備考は${NOTE_MAX}文字以内で入力してください`, en: `The note must be text of at most ${NOTE_MAX} characters` }),
  carried_forward_invalid: () => ({ ja: '引き継ぎの指定が正しくありません', en: 'carriedForward must be true or false' }),
  checked_on_in_future: () => ({ ja: '確認日に未来の日付は入力できません', en: 'The date checked cannot be in the future' }),
  target_date_required: (fy) => ({ ja: `「いいえ」の場合は${fy}中の対応目標日を入力してください`, en: `For "No", enter a target date within ${fy}` }),
  target_date_outside_fiscal_year: (fy) => ({ ja: `対応目標日は${fy}中の日付にしてください`, en: `The target date must fall within ${fy}` }),
  target_date_before_checked_on: () => ({ ja: '対応目標日は確認日以降の日付にしてください', en: 'The target date cannot be before the date checked' }),
  round_out_of_order: (round) => ({ ja: `${Number(round) - 1}回目の確認を先に入力してください`, en: `Answer round ${Number(round) - 1} first` }),
  round_date_before_previous: (round) => ({
    ja: `確認日は${Number(round) - 1}回目の確認日以降にしてください`,
    en: `The date must not be before round ${Number(round) - 1}'s`,
  }),
  carried_forward_round: () => ({ ja: '前年度からの引き継ぎは1回目の回答にのみ設定できます', en: 'Only a round-1 answer can be carried forward' }),
};

function answerIssue(path: string, code: AnswerCode, arg = ''): FieldIssue {
  return { path, code, ...ANSWER_MESSAGES[code](arg) };
}

function join(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field;
}

function fyText(fiscalYear: number): { ja: string; en: string } {
  const { start, end } = fiscalYearRange(fiscalYear);
  return { ja: `${fiscalYearLabel(fiscalYear)}（${start}〜${end}）`, en: `${fiscalYearLabel(fiscalYear, 'en')} (${start} to ${end})` };
}

function withWindow(
  issue: FieldIssue,
  fiscalYear: number,
  window: TargetDateWindow,
  code: 'target_date_required' | 'target_date_outside_fiscal_year',
): FieldIssue {
  if (!window.extended) {
    const fy = fyText(fiscalYear);
    return { ...issue, ja: ANSWER_MESSAGES[code](fy.ja).ja, en: ANSWER_MESSAGES[code](fy.en).en };
  }
  // The campaign's year was over when the facility checked: it plans in the year it checked in.
  const over = { ja: fiscalYearLabel(fiscalYear), en: fiscalYearLabel(fiscalYear, 'en') };
  const until = {
    ja: `${fiscalYearLabel(window.fiscalYear)}末（${window.end}）`,
    en: `the end of ${fiscalYearLabel(window.fiscalYear, 'en')} (${window.end})`,
  };
  return code === 'target_date_required'
    ? {
        ...issue,
        ja: `「いいえ」の場合は対応目標日を確認日（${window.start}）から${until.ja}までの間で入力してください（${over.ja}は終了しています）`,
        en: `For "No", enter a target date from the date checked (${window.start}) to ${until.en}; ${over.en} is over`,
      }
    : {
        ...issue,
        ja: `対応目標日は確認日（${window.start}）から${until.ja}までの日付にしてください（${over.ja}は終了しています）`,
        en: `The target date must fall between the date checked (${window.start}) and ${until.en}; ${over.en} is over`,
      };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateRoundAt(input: unknown, options: RoundValidationOptions, prefix: string): FieldIssue[] {
  if (!isRecord(input)) return [answerIssue(prefix, 'answer_invalid')];
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(input)) if (!ROUND_FIELDS.has(key)) issues.push(answerIssue(join(prefix, key), 'unknown_field', key));

  const { value, checkedOn, targetDate, note, carriedForward } = input;
  if (value !== 'yes' && value !== 'no') issues.push(answerIssue(join(prefix, 'value'), 'value_required'));
  if (checkedOn === undefined || checkedOn === null || checkedOn === '') issues.push(answerIssue(join(prefix, 'checkedOn'), 'checked_on_required'));
  else if (typeof checkedOn !== 'string' || !isIsoDate(checkedOn)) issues.push(answerIssue(join(prefix, 'checkedOn'), 'invalid_date'));
  if (targetDate !== undefined && (typeof targetDate !== 'string' || !isIsoDate(targetDate)))
    issues.push(answerIssue(join(prefix, 'targetDate'), 'invalid_date'));
  if (note !== undefined && (typeof note !== 'string' || note.length > NOTE_MAX)) issues.push(answerIssue(join(prefix, 'note'), 'note_invalid'));
  if (carriedForward !== undefined && typeof carriedForward !== 'boolean') issues.push(answerIssue(join(prefix, 'carriedForward'), 'carried_forward_invalid'));
  if (issues.length > 0) return issues;

  const answer = input as RoundAnswer;
  if (options.today !== undefined && answer.checkedOn > options.today) issues.push(answerIssue(join(prefix, 'checkedOn'), 'checked_on_in_future'));
  // A carried-forward answer is last year's, kept as a draft to confirm: the new year's target-date rule waits for that.
  if (answer.value === 'no' && !options.gate && !answer.carriedForward) {
    const window = targetDateWindow(options.fiscalYear, answer.checkedOn);
    if (answer.targetDate === undefined) {
      issues.push(withWindow(answerIssue(join(prefix, 'targetDate'), 'target_date_required'), options.fiscalYear, window, 'target_date_required'));
    } else if (answer.targetDate < fiscalYearRange(options.fiscalYear).start || answer.targetDate > window.end) {
      issues.push(
        withWindow(answerIssue(join(prefix, 'targetDate'), 'target_date_outside_fiscal_year'), options.fiscalYear, window, 'target_date_outside_fiscal_year'),
      );
    } else if (answer.targetDate < answer.checkedOn) {
      issues.push(answerIssue(join(prefix, 'targetDate'), 'target_date_before_checked_on'));
    }
  }
  return issues;
}

/**
 * Checks one round of one cell: はい/いいえ chosen, a real date checked (not in the future when `today` is
 * given), and for いいえ a target date not before the date checked and inside the fiscal year (1 April – 31 March) —
 * or, when the date checked is after that year, up to the end of the year it falls in ({@link targetDateWindow}).
 * Paths are relative to the answer (`targetDate`).
 */
export function validateRoundAnswer(answer: unknown, options: RoundValidationOptions): FieldIssue[] {
  return validateRoundAt(answer, options, '');
}

/**
 * Checks a whole set of answers against a template: every key is a cell of the template, rounds come in order
 * (2 only after 1, 3 only after 2) with dates that do not go backwards, and every round passes
 * {@link validateRoundAnswer}. Cells that are not applicable (behind a closed gate, or needing a vendor
 * contract the facility does not have) are checked for shape only. Paths look like `2-4:server.1.targetDate`.
 */
export function validateAnswers(template: Template, answers: unknown, ctx: Context, options: AnswerValidationOptions): FieldIssue[] {
  if (!isRecord(answers)) return [answerIssue('', 'answers_invalid')];
  const issues: FieldIssue[] = [];
  const wellFormed: Answers = {};
  const cells: Array<{ key: string; item: Item; cell: Record<string, unknown> }> = [];

  for (const [key, cell] of Object.entries(answers)) {
    const parsed = parseCellKey(key);
    const item = parsed ? findItem(template, parsed.itemId) : undefined;
    if (!parsed || !item?.cells.includes(parsed.deviceClass)) {
      issues.push(answerIssue(key, 'unknown_cell', key));
      continue;
    }
    if (!isRecord(cell)) {
      issues.push(answerIssue(key, 'cell_invalid'));
      continue;
    }
    for (const round of Object.keys(cell))
      if (round !== '1' && round !== '2' && round !== '3') issues.push(answerIssue(`${key}.${round}`, 'unknown_round', round));
    cells.push({ key, item, cell });
    wellFormed[key] = cell as CellAnswers;
  }

  const applicable = new Set(applicableCells(template, wellFormed, ctx).map((cell) => cell.key));
  for (const { key, item, cell } of cells) {
    const live = applicable.has(key);
    let previous: RoundAnswer | undefined;
    for (const round of ['1', '2', '3'] as const) {
      const input = cell[round];
      if (input === undefined) {
        previous = undefined;
        continue;
      }
      const prefix = `${key}.${round}`;
      const roundIssues = validateRoundAt(input, { ...options, gate: item.gate !== undefined }, prefix);
      issues.push(...(live ? roundIssues : roundIssues.filter((issue) => !BUSINESS_CODES.has(issue.code))));
      if (round !== '1' && cell[String(Number(round) - 1)] === undefined) issues.push(answerIssue(prefix, 'round_out_of_order', round));
      if (!roundIssues.every((issue) => AFTER_SHAPE_CODES.has(issue.code))) {
        previous = undefined;
        continue;
      }
      const answer = input as RoundAnswer;
      if (round !== '1' && answer.carriedForward) issues.push(answerIssue(join(prefix, 'carriedForward'), 'carried_forward_round'));
      if (previous && answer.checkedOn < previous.checkedOn) issues.push(answerIssue(join(prefix, 'checkedOn'), 'round_date_before_previous', round));
      previous = answer;
    }
  }
  return issues;
}

const BUSINESS_CODES = new Set<string>(['target_date_required', 'target_date_outside_fiscal_year', 'target_date_before_checked_on']);
/** Codes raised only once the answer is well formed. */
const AFTER_SHAPE_CODES = new Set<string>([...BUSINESS_CODES, 'checked_on_in_future']);

/** The counts that travel with a response (progress tables, dashboards): {@link evaluate} without the cell lists. */
export interface EvaluationSummary extends Omit<Evaluation, 'levelLabel' | 'missing' | 'overdue'> {
  missing: number;
  overdue: number;
}

export function evaluationSummary(template: Template, answers: Answers, ctx: Context, today: string): EvaluationSummary {
  const { levelLabel: _label, missing, overdue, ...rest } = evaluate(template, answers, ctx, today);
  return { ...rest, missing: missing.length, overdue: overdue.length };
}
