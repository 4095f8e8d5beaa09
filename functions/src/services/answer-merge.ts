import type { AnswerChange, SaveAnswersBody } from '@mcr/contract';
import { type ResponseRecord, VersionConflictError } from '@mcr/data';
import { type Answers, cellKey, type RoundAnswer } from '@mcr/domain';
import { HttpError } from '../pipeline/errors.ts';

/**
 * Per-cell merge of saves (docs/decisions/0018-dates-and-answering.md). Each change may carry `base`: the round of
 * the cell as the sender last saw it (null: empty). A change whose base is still what is stored is taken whatever
 * the response's version; one whose stored value moved on is a real conflict on that cell, unless the sender
 * already asks for what is stored. Changes without a base keep the old rule: the whole save needs the version.
 */

/** One cell-round someone else changed since the sender read it: what is stored now. */
export interface CellConflict {
  itemId: string;
  deviceClass: AnswerChange['deviceClass'];
  round: 1 | 2 | 3;
  key: string;
  theirs: RoundAnswer | null;
}

/** 409 whose body names the cells in conflict with the other person's current value of each. */
export class CellConflictError extends HttpError {
  constructor(
    readonly cells: CellConflict[],
    readonly currentVersion: number,
  ) {
    super(409, 'CELL_CONFLICT', {
      ja: `他の人が先に同じ欄を保存しました（${cells.length} 欄）。欄の横に表示された相手の値を使うか、自分の値で上書きするかを選んでください。`,
      en: `Someone else saved the same field first (${cells.length}). Next to each field, use their value or overwrite it with yours.`,
    });
  }

  override details() {
    return { cells: this.cells, currentVersion: this.currentVersion };
  }
}

/** Two round answers mean the same (absent note = empty note, absent flag = false). */
export function sameRound(a: RoundAnswer | null | undefined, b: RoundAnswer | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.value === b.value &&
    a.checkedOn === b.checkedOn &&
    (a.targetDate ?? '') === (b.targetDate ?? '') &&
    (a.note ?? '') === (b.note ?? '') &&
    !!a.carriedForward === !!b.carriedForward
  );
}

function storedRound(answers: Answers, change: AnswerChange): RoundAnswer | null {
  return answers[cellKey(change.itemId, change.deviceClass)]?.[String(change.round) as '1' | '2' | '3'] ?? null;
}

/**
 * The body to apply to `response` as it is stored now: changes already there are dropped, conflicts raise
 * {@link CellConflictError}. Without bases, a stale version is a {@link VersionConflictError} as before.
 * Returns undefined when nothing is left to write (every change is already stored).
 */
export function mergeOnto(response: ResponseRecord, body: SaveAnswersBody): SaveAnswersBody | undefined {
  const merging = body.changes.every((c) => c.base !== undefined);
  if (!merging) {
    if (response.version !== body.expectedVersion) throw new VersionConflictError('response', response.version);
    return body;
  }
  const conflicts: CellConflict[] = [];
  const changes: AnswerChange[] = [];
  for (const change of body.changes) {
    const stored = storedRound(response.answers, change);
    if (sameRound(stored, change.answer)) continue; // already what the sender wants (theirs or an earlier retry)
    if (!sameRound(stored, change.base)) {
      conflicts.push({
        itemId: change.itemId,
        deviceClass: change.deviceClass,
        round: change.round,
        key: cellKey(change.itemId, change.deviceClass),
        theirs: stored,
      });
      continue;
    }
    changes.push(change);
  }
  if (conflicts.length) throw new CellConflictError(conflicts, response.version);
  if (changes.length === 0) return undefined;
  return { expectedVersion: response.version, changes };
}

/** How many times a save re-reads and merges again when another save lands between its read and its write. */
export const MERGE_ATTEMPTS = 5;
