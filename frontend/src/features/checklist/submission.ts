import type { Answers, CellAnswers, Completeness, Context, MissingCell, Template } from '@mcr/domain';
import { applicableCells, completeness, parseCellKey } from '@mcr/domain';
import type { Round } from './draft.ts';

/**
 * What still blocks submitting a round, by the same rule as the server. Round 1 is the domain's
 * `completeness()` (a carried-forward answer counts as missing until it is confirmed). Rounds 2 and 3 need an
 * answer in that round on every applicable, non-参考 cell (the gate included).
 */
export function roundCompleteness(template: Template, answers: Answers, ctx: Context, round: Round): Completeness {
  if (round === 1) return completeness(template, answers, ctx);
  const missing: MissingCell[] = [];
  const missingReference: MissingCell[] = [];
  for (const { reference, gate: _gate, required: _required, ...cell } of applicableCells(template, answers, ctx)) {
    if (answers[cell.key]?.[String(round) as keyof CellAnswers]) continue;
    (reference ? missingReference : missing).push({ ...cell, reason: 'unanswered' });
  }
  return { complete: missing.length === 0, missing, missingReference };
}

/** `answers.2-4:server.1` (the INCOMPLETE error's field) → the cell it names. */
export function cellOfField(field: string): { itemId: string; deviceClass: string; key: string } | undefined {
  const m = /([a-z0-9]+(?:-[a-z0-9]+)*:(?:system|server|client|network))/.exec(field);
  if (!m) return undefined;
  const parsed = parseCellKey(m[1] as string);
  return parsed ? { ...parsed, key: m[1] as string } : undefined;
}
