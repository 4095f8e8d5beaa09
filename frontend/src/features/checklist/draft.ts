import type { AnswerChange } from '@mcr/contract';
import { type Answers, type DeviceClass, type RoundAnswer, validateRoundAnswer } from '@mcr/domain';
import type { Localized } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';

export type Round = 1 | 2 | 3;
export const ROUNDS: readonly Round[] = [1, 2, 3];

/** What one round of one cell looks like while being edited: strings as the inputs hold them. */
export interface RoundDraft {
  value: 'yes' | 'no' | undefined;
  checkedOn: string;
  targetDate: string;
  note: string;
  carriedForward: boolean;
}

export type FieldName = 'value' | 'checkedOn' | 'targetDate' | 'note' | 'answer';
export type FieldMessages = Partial<Record<FieldName, Localized>>;

/** `2-4:server|1`: a cell and a round, the unit of editing and saving. */
export type EditKey = string;

export function editKey(itemId: string, deviceClass: DeviceClass, round: Round): EditKey {
  return `${itemId}:${deviceClass}|${round}`;
}

export function parseEditKey(key: EditKey): { itemId: string; deviceClass: DeviceClass; round: Round } {
  const [cell = '', round = '1'] = key.split('|');
  const at = cell.lastIndexOf(':');
  return { itemId: cell.slice(0, at), deviceClass: cell.slice(at + 1) as DeviceClass, round: Number(round) as Round };
}

export const EMPTY_DRAFT: RoundDraft = { value: undefined, checkedOn: '', targetDate: '', note: '', carriedForward: false };

export function draftOf(answer: RoundAnswer | undefined): RoundDraft {
  if (!answer) return EMPTY_DRAFT;
  return {
    value: answer.value,
    checkedOn: answer.checkedOn,
    targetDate: answer.targetDate ?? '',
    note: answer.note ?? '',
    carriedForward: answer.carriedForward ?? false,
  };
}

export function savedAnswer(answers: Answers, key: EditKey): RoundAnswer | undefined {
  const { itemId, deviceClass, round } = parseEditKey(key);
  return answers[`${itemId}:${deviceClass}`]?.[String(round) as '1' | '2' | '3'];
}

function isEmpty(d: RoundDraft): boolean {
  return d.value === undefined && !d.checkedOn && !d.targetDate && !d.note.trim();
}

export type DraftCheck = { kind: 'clear' } | { kind: 'answer'; answer: RoundAnswer } | { kind: 'invalid'; errors: FieldMessages };

/**
 * What a draft would save as: nothing (cleared), a valid answer, or the problems to show next to the inputs.
 * Uses the domain's own rule check, so the browser and the server say the same thing.
 */
export function checkDraft(
  d: RoundDraft,
  options: { fiscalYear: number; today: string; gate: boolean; round?: Round; previousCheckedOn?: string },
): DraftCheck {
  if (isEmpty(d)) return { kind: 'clear' };
  if (d.value === undefined) return { kind: 'invalid', errors: { value: M.valueRequired } };
  const answer: RoundAnswer = {
    value: d.value,
    checkedOn: d.checkedOn,
    ...(d.value === 'no' && !options.gate && d.targetDate ? { targetDate: d.targetDate } : {}),
    ...(d.note.trim() ? { note: d.note } : {}),
    ...(d.carriedForward ? { carriedForward: true } : {}),
  };
  const issues = validateRoundAnswer(answer, { fiscalYear: options.fiscalYear, today: options.today, gate: options.gate });
  const errors: FieldMessages = {};
  // Rounds follow each other in time; the server checks this across the whole cell.
  if (options.round && options.round > 1 && options.previousCheckedOn && d.checkedOn && d.checkedOn < options.previousCheckedOn) {
    errors.checkedOn = M.roundDateBeforePrevious(options.round - 1);
  }
  if (issues.length === 0 && !errors.checkedOn) return { kind: 'answer', answer };
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    // The short wording the facility sees for a missing target date; the range is in the input's hint.
    errors[field] ??= issue.code === 'target_date_required' ? M.targetDateRequired : { ja: issue.ja, en: issue.en };
  }
  return { kind: 'invalid', errors };
}

function fieldOf(path: string): FieldName {
  const last = path.split('.').pop() ?? '';
  return last === 'value' || last === 'checkedOn' || last === 'targetDate' || last === 'note' ? last : 'answer';
}

export function sameAnswer(a: RoundAnswer | undefined, b: RoundAnswer | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.value === b.value &&
    a.checkedOn === b.checkedOn &&
    (a.targetDate ?? '') === (b.targetDate ?? '') &&
    (a.note ?? '') === (b.note ?? '') &&
    !!a.carriedForward === !!b.carriedForward
  );
}

/** A change with its `base`: the round as this editor last read it from the server, so the server merges per cell. */
export function toChange(key: EditKey, answer: RoundAnswer | null, base?: RoundAnswer | null): AnswerChange {
  const { itemId, deviceClass, round } = parseEditKey(key);
  return { itemId, deviceClass, round, answer, ...(base !== undefined ? { base } : {}) };
}

const CELL_IN_TEXT = /([a-z0-9]+(?:-[a-z0-9]+)*):(system|server|client|network)\W{0,2}([123])(?:\W{1,2}(value|checkedOn|targetDate|note|carriedForward))?/;

/**
 * Which input a server field error belongs to. The contract names it from the request
 * (`body.changes[0].answer.targetDate`); a path naming the cell (`…2-4:server.1.targetDate`) is understood too.
 */
export function locateServerField(field: string, sent: readonly AnswerChange[]): { key: EditKey; field: FieldName } | undefined {
  const change = /^body\.changes\[(\d+)\](?:\.answer(?:\.(\w+))?)?/.exec(field);
  if (change) {
    const c = sent[Number(change[1])];
    if (!c) return undefined;
    return { key: editKey(c.itemId, c.deviceClass, c.round), field: fieldOf(change[2] ?? '') };
  }
  const cell = CELL_IN_TEXT.exec(field);
  if (cell) {
    const key = editKey(cell[1] as string, cell[2] as DeviceClass, Number(cell[3]) as Round);
    return { key, field: fieldOf(cell[4] ?? '') };
  }
  return undefined;
}
