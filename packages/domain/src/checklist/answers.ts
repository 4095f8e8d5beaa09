import * as z from 'zod/mini';
import { DEVICE_CLASSES, type DeviceClass } from './template.ts';

/** `${itemId}:${deviceClass}`: one answer cell of the form, e.g. `2-4:server`. */
export type CellKey = string;

/** The key of one answer cell: `cellKey('2-4', 'server') === '2-4:server'`. */
export function cellKey(itemId: string, deviceClass: DeviceClass): CellKey {
  return `${itemId}:${deviceClass}`;
}

/** Splits a cell key back into item id and device class; undefined when it is not one. */
export function parseCellKey(key: string): { itemId: string; deviceClass: DeviceClass } | undefined {
  const at = key.lastIndexOf(':');
  if (at <= 0) return undefined;
  const deviceClass = key.slice(at + 1);
  if (!(DEVICE_CLASSES as readonly string[]).includes(deviceClass)) return undefined;
  return { itemId: key.slice(0, at), deviceClass: deviceClass as DeviceClass };
}

/** 1回目, 2回目, 3回目. */
export const ROUND_NOS = [1, 2, 3] as const;
export type RoundNo = (typeof ROUND_NOS)[number];

export const IsoDate = z.iso.date();

export const AnswerValue = z.enum(['yes', 'no']);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** One round of one cell: はい/いいえ with the date checked; a いいえ carries the target date (目標日). */
export const RoundAnswer = z.strictObject({
  value: AnswerValue,
  checkedOn: IsoDate,
  targetDate: z.optional(IsoDate),
  note: z.optional(z.string().check(z.maxLength(2000))),
  /** Taken over from the previous version of the checklist; to be confirmed this year. */
  carriedForward: z.optional(z.boolean()),
});
export type RoundAnswer = z.infer<typeof RoundAnswer>;

export const CellAnswers = z.strictObject({
  '1': z.optional(RoundAnswer),
  '2': z.optional(RoundAnswer),
  '3': z.optional(RoundAnswer),
});
export type CellAnswers = z.infer<typeof CellAnswers>;

const CELL_KEY = new RegExp(`^[a-z0-9]+(?:-[a-z0-9]+)*:(?:${DEVICE_CLASSES.join('|')})$`);

export const Answers = z.record(z.string().check(z.regex(CELL_KEY)), CellAnswers);
export type Answers = z.infer<typeof Answers>;

export const Context = z.strictObject({ hasVendorContract: z.boolean() });
/** What the rules need to know about the facility beyond its answers. */
export type Context = z.infer<typeof Context>;

/** The answer of the highest round present (3, then 2, then 1), with its round number. */
export function latestRound(cell: CellAnswers | undefined): { round: RoundNo; answer: RoundAnswer } | undefined {
  if (!cell) return undefined;
  for (const round of [3, 2, 1] as const) {
    const answer = cell[round];
    if (answer) return { round, answer };
  }
  return undefined;
}

/** The free text of one cell: the note of each round that has one. */
export type CellNotes = { '1'?: string; '2'?: string; '3'?: string };

/**
 * Splits answers into the compact core (value, dates, carriedForward — what the rules and the read models
 * need) and the notes per cell, which are stored apart so that the core's size is bounded by the template.
 */
export function splitNotes(answers: Answers): { core: Answers; notes: Map<CellKey, CellNotes> } {
  const core: Answers = {};
  const notes = new Map<CellKey, CellNotes>();
  for (const [key, cell] of Object.entries(answers)) {
    const out: CellAnswers = {};
    const text: CellNotes = {};
    for (const round of ['1', '2', '3'] as const) {
      const a = cell[round];
      if (!a) continue;
      const { note, ...rest } = a;
      out[round] = rest;
      if (note !== undefined && note !== '') text[round] = note;
    }
    core[key] = out;
    if (Object.keys(text).length) notes.set(key, text);
  }
  return { core, notes };
}

/** Puts notes back on the rounds they belong to (a note of a round no longer answered is dropped). */
export function mergeNotes(core: Answers, notes: ReadonlyMap<CellKey, CellNotes>): Answers {
  if (notes.size === 0) return core;
  const out: Answers = {};
  for (const [key, cell] of Object.entries(core)) {
    const text = notes.get(key);
    if (!text) {
      out[key] = cell;
      continue;
    }
    const merged: CellAnswers = {};
    for (const round of ['1', '2', '3'] as const) {
      const a = cell[round];
      if (!a) continue;
      merged[round] = text[round] !== undefined ? { ...a, note: text[round] } : a;
    }
    out[key] = merged;
  }
  return out;
}

/** Whether two cells carry the same notes. */
export function sameNotes(a: CellNotes | undefined, b: CellNotes | undefined): boolean {
  return (['1', '2', '3'] as const).every((r) => (a?.[r] ?? '') === (b?.[r] ?? ''));
}
