import type { AnswerChange, ResponseView } from '@mcr/contract';
import { type Answers, findItem, type RoundAnswer } from '@mcr/domain';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { saveAnswers } from '../../api/save-answers.ts';
import { todayInJapan } from '../../i18n/format.ts';
import type { Localized } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api-client.ts';
import {
  checkDraft,
  type DraftCheck,
  draftOf,
  type EditKey,
  editKey,
  type FieldMessages,
  locateServerField,
  parseEditKey,
  type Round,
  type RoundDraft,
  sameAnswer,
  savedAnswer,
  toChange,
} from './draft.ts';

export const AUTOSAVE_DELAY_MS = 800;
const MAX_CHANGES = 200;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: ApiError | undefined; message?: Localized | undefined }
  | { kind: 'conflict'; error: ApiError };

interface Saved {
  answers: Answers;
  version: number;
  evaluation: ResponseView['evaluation'];
  status: ResponseView['status'];
}

interface Store {
  saved: Saved;
  /** Rounds edited here and not yet stored as typed. Replaced, never mutated, so memos can compare identity. */
  edits: Record<EditKey, RoundDraft>;
  /** Messages the server gave for a draft; the draft is held back until it is edited again. */
  serverErrors: Record<EditKey, FieldMessages>;
  state: SaveState;
  inFlight: boolean;
  /** Set on 409: nothing more is sent until the page reloads the response. */
  stopped: boolean;
  /** Cells someone else saved first (409 CELL_CONFLICT): their value, shown next to the field; held back until chosen. */
  conflicts: Record<EditKey, CellConflict>;
}

/** What another person saved in a cell this editor was changing (docs/decisions/0018-dates-and-answering.md). */
export interface CellConflict {
  theirs: RoundAnswer | null;
}

/**
 * Drafts of the answers and their autosave: ~800 ms after the last change, the changed cells that pass the
 * rules go out, each with the value it was based on, so the server merges per cell: another person's save of
 * other cells is no conflict. A cell someone else saved first comes back as a conflict shown next to the field
 * (相手の値を使う / 自分の値で上書き). One request at a time. Cells the rules refuse stay local with their messages.
 *
 * The save loop runs outside React's render cycle, so the state lives in a ref that is updated synchronously
 * and a counter re-renders the page after each change.
 */
export function useAutosave(initial: ResponseView, editable: boolean) {
  const store = useRef<Store>({
    saved: { answers: initial.answers, version: initial.version, evaluation: initial.evaluation, status: initial.status },
    edits: {},
    serverErrors: {},
    state: { kind: 'idle' },
    inFlight: false,
    stopped: false,
    conflicts: {},
  });
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const update = useCallback((patch: Partial<Store>) => {
    Object.assign(store.current, patch);
    rerender();
  }, []);

  const { template, campaign } = initial;
  const today = todayInJapan();
  const check = useCallback(
    (key: EditKey, draft: RoundDraft): DraftCheck => {
      const { itemId, deviceClass, round } = parseEditKey(key);
      const item = findItem(template, itemId);
      const previousKey = round > 1 ? editKey(itemId, deviceClass, (round - 1) as Round) : undefined;
      const previous = previousKey ? (store.current.edits[previousKey] ?? draftOf(savedAnswer(store.current.saved.answers, previousKey))) : undefined;
      return checkDraft(draft, {
        fiscalYear: campaign.fiscalYear,
        today,
        gate: item?.gate !== undefined,
        round,
        ...(previous?.checkedOn ? { previousCheckedOn: previous.checkedOn } : {}),
      });
    },
    [template, campaign.fiscalYear, today],
  );

  const collect = useCallback(() => {
    const { saved, edits, serverErrors, conflicts } = store.current;
    const changes: AnswerChange[] = [];
    const drafts = new Map<EditKey, RoundDraft>();
    // Rounds in ascending order, so that a round 2 never arrives before its round 1 in the same batch.
    const keys = Object.keys(edits).sort((a, b) => parseEditKey(a).round - parseEditKey(b).round);
    for (const key of keys) {
      if (changes.length >= MAX_CHANGES) break;
      const draft = edits[key] as RoundDraft;
      if (serverErrors[key] || conflicts[key]) continue;
      const result = check(key, draft);
      if (result.kind === 'invalid') continue;
      const answer = result.kind === 'answer' ? result.answer : undefined;
      const base = savedAnswer(saved.answers, key);
      if (sameAnswer(base, answer)) continue;
      changes.push(toChange(key, answer ?? null, base ?? null));
      drafts.set(key, draft);
    }
    return { changes, drafts };
  }, [check]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const s = store.current;
    if (!editable || s.inFlight || s.stopped) return;
    const sent = collect();
    if (sent.changes.length === 0) {
      if (s.state.kind === 'pending') update({ state: { kind: 'idle' } });
      return;
    }
    update({ inFlight: true, state: { kind: 'saving' } });
    let again = false;
    try {
      const view = await saveAnswers(initial.campaign.id, initial.facility.id, { expectedVersion: s.saved.version, changes: sent.changes });
      // Keep what the user typed meanwhile; drop only the drafts that went out unchanged.
      const edits = { ...store.current.edits };
      for (const [key, draft] of sent.drafts) if (edits[key] === draft) delete edits[key];
      update({
        saved: { answers: view.answers, version: view.version, evaluation: view.evaluation, status: view.status },
        edits,
        state: { kind: 'saved', at: new Date() },
      });
      again = true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CELL_CONFLICT' && err.cells.length > 0) {
        // Nothing of the batch was written. The cells in conflict wait for a choice next to the field; the others go again.
        const conflicts = { ...store.current.conflicts };
        for (const c of err.cells) conflicts[editKey(c.itemId, c.deviceClass, c.round)] = { theirs: c.theirs };
        update({ conflicts, state: { kind: 'pending' } });
        again = true;
      } else if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        update({ stopped: true, state: { kind: 'conflict', error: err } });
      } else if (err instanceof ApiError && err.status === 400 && err.fields.length > 0) {
        const found: Record<EditKey, FieldMessages> = {};
        let unplaced: Localized | undefined;
        for (const f of err.fields) {
          const at = locateServerField(f.field, sent.changes);
          if (at && sent.drafts.has(at.key)) found[at.key] = { ...found[at.key], [at.field]: f.message };
          else unplaced ??= f.message;
        }
        // Nothing of the batch was written. The refused cells wait for an edit; the others go out again.
        update({
          serverErrors: { ...store.current.serverErrors, ...found },
          state: { kind: 'failed', error: err, message: unplaced ?? (Object.keys(found).length ? undefined : err.text) },
        });
        again = Object.keys(found).length > 0 && !unplaced;
      } else if (err instanceof ApiError && err.status === 401) {
        // The app returns to sign-in; nothing to show here.
      } else {
        update({ state: { kind: 'failed', error: err instanceof ApiError ? err : undefined } });
      }
    } finally {
      update({ inFlight: false });
    }
    // Changes made while the request was out (or left over from a refused batch) go next.
    if (again && collect().changes.length > 0) timer.current = setTimeout(() => void flush(), 0);
  }, [collect, editable, initial.campaign.id, initial.facility.id, update]);

  const edit = useCallback(
    (key: EditKey, draft: RoundDraft) => {
      if (!editable) return;
      const s = store.current;
      const { [key]: _cleared, ...serverErrors } = s.serverErrors;
      update({
        edits: { ...s.edits, [key]: draft },
        serverErrors,
        state: s.state.kind === 'conflict' || s.state.kind === 'saving' ? s.state : { kind: 'pending' },
      });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [editable, flush, update],
  );

  /** Several cells at once (引継ぎ回答をすべて確認): stored as drafts and sent at once, not after the usual pause. */
  const editMany = useCallback(
    (entries: ReadonlyArray<readonly [EditKey, RoundDraft]>) => {
      if (!editable || entries.length === 0) return;
      const s = store.current;
      const edits = { ...s.edits };
      const serverErrors = { ...s.serverErrors };
      for (const [key, draft] of entries) {
        edits[key] = draft;
        delete serverErrors[key];
      }
      update({ edits, serverErrors, state: s.state.kind === 'conflict' || s.state.kind === 'saving' ? s.state : { kind: 'pending' } });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), 0);
    },
    [editable, flush, update],
  );

  /**
   * Settles a conflict on one cell. Either way their value becomes the known base of the cell; 「相手の値を使う」
   * drops the draft, 「自分の値で上書き」 keeps it and sends it again, now based on their value.
   */
  const resolve = useCallback(
    (key: EditKey, choice: 'theirs' | 'mine') => {
      const s = store.current;
      const conflict = s.conflicts[key];
      if (!conflict) return;
      const { itemId, deviceClass, round } = parseEditKey(key);
      const answers: Answers = structuredClone(s.saved.answers);
      const cell = `${itemId}:${deviceClass}`;
      const rounds = { ...(answers[cell] ?? {}) };
      const r = String(round) as '1' | '2' | '3';
      if (conflict.theirs) rounds[r] = conflict.theirs;
      else delete rounds[r];
      if (Object.keys(rounds).length) answers[cell] = rounds;
      else delete answers[cell];
      const { [key]: _done, ...conflicts } = s.conflicts;
      const edits = { ...s.edits };
      if (choice === 'theirs') delete edits[key];
      update({ saved: { ...s.saved, answers }, conflicts, edits, state: choice === 'mine' ? { kind: 'pending' } : s.state });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), 0);
    },
    [flush, update],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  const { saved, edits, serverErrors, state, conflicts } = store.current;

  // What the cells show: the draft when there is one, else the saved answer.
  const draftFor = useCallback((key: EditKey): RoundDraft => edits[key] ?? draftOf(savedAnswer(saved.answers, key)), [edits, saved.answers]);

  const issues = useMemo(() => {
    const out: Record<EditKey, FieldMessages> = { ...serverErrors };
    for (const [key, draft] of Object.entries(edits)) {
      const result = check(key, draft);
      if (result.kind === 'invalid') out[key] = { ...result.errors, ...out[key] };
    }
    return out;
  }, [edits, serverErrors, check]);

  // Answers as they will be once the valid drafts are saved: what applicability (the gate) follows.
  const effectiveAnswers = useMemo(() => {
    const answers: Answers = structuredClone(saved.answers);
    for (const [key, draft] of Object.entries(edits)) {
      const result = check(key, draft);
      if (result.kind === 'invalid') continue;
      const { itemId, deviceClass, round } = parseEditKey(key);
      const cell = `${itemId}:${deviceClass}`;
      const r = String(round) as '1' | '2' | '3';
      const rounds = { ...(answers[cell] ?? {}) };
      if (result.kind === 'answer') rounds[r] = result.answer;
      else delete rounds[r];
      answers[cell] = rounds;
    }
    return answers;
  }, [saved.answers, edits, check]);

  // Drafts that differ from what is stored (a change undone by hand is not one).
  const dirty = useMemo(
    () =>
      Object.entries(edits).some(([key, draft]) => {
        const result = check(key, draft);
        return result.kind === 'invalid' || !sameAnswer(savedAnswer(saved.answers, key), result.kind === 'answer' ? result.answer : undefined);
      }),
    [edits, saved.answers, check],
  );
  const hasUnsaved = dirty || state.kind === 'saving';

  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved]);

  return {
    saved,
    state,
    edit,
    editMany,
    draftFor,
    issues,
    effectiveAnswers,
    heldBack: Object.keys(issues).length > 0,
    conflicts,
    resolve,
    /** Input not stored yet (typed, refused, or on its way): submitting waits for it. */
    hasUnsaved: hasUnsaved || state.kind === 'pending',
    retry: flush,
  };
}
