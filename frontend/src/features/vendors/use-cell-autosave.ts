import type { AnswerChange } from '@mcr/contract';
import { type Answers, findItem, type Template } from '@mcr/domain';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
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
} from '../checklist/draft.ts';
import type { SaveState } from '../checklist/use-autosave.ts';

const DELAY_MS = 800;
const MAX_CHANGES = 200;

interface Store {
  answers: Answers;
  version: number;
  edits: Record<EditKey, RoundDraft>;
  serverErrors: Record<EditKey, FieldMessages>;
  state: SaveState;
  inFlight: boolean;
  stopped: boolean;
}

export interface CellSave {
  /** Sends the changes with the version last read; answers the stored answers and the new version. */
  (expectedVersion: number, changes: AnswerChange[]): Promise<{ answers: Answers; version: number }>;
}

/**
 * Autosave of answer cells against any route that takes `{ expectedVersion, changes }` (a vendor's standard
 * answer, a facility's overrides): the facility checklist's rules (`checklist/draft.ts`) in a smaller loop.
 * ~800 ms after the last change the valid drafts go out; one request at a time; a stale version (409) stops
 * saving until the page reloads; cells the server refuses keep their messages until edited again.
 */
export function useCellAutosave({
  answers,
  version,
  template,
  fiscalYear,
  editable,
  save,
}: {
  answers: Answers;
  version: number;
  template: Template;
  fiscalYear: number;
  editable: boolean;
  save: CellSave;
}) {
  const store = useRef<Store>({ answers, version, edits: {}, serverErrors: {}, state: { kind: 'idle' }, inFlight: false, stopped: false });
  const [, rerender] = useReducer((k: number) => k + 1, 0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const update = useCallback((patch: Partial<Store>) => {
    Object.assign(store.current, patch);
    rerender();
  }, []);
  const today = todayInJapan();

  const check = useCallback(
    (key: EditKey, draft: RoundDraft): DraftCheck => {
      const { itemId, deviceClass, round } = parseEditKey(key);
      const previousKey = round > 1 ? editKey(itemId, deviceClass, (round - 1) as Round) : undefined;
      const previous = previousKey ? (store.current.edits[previousKey] ?? draftOf(savedAnswer(store.current.answers, previousKey))) : undefined;
      return checkDraft(draft, {
        fiscalYear,
        today,
        gate: findItem(template, itemId)?.gate !== undefined,
        round,
        ...(previous?.checkedOn ? { previousCheckedOn: previous.checkedOn } : {}),
      });
    },
    [template, fiscalYear, today],
  );

  const collect = useCallback(() => {
    const { answers: saved, edits, serverErrors } = store.current;
    const changes: AnswerChange[] = [];
    const drafts = new Map<EditKey, RoundDraft>();
    const keys = Object.keys(edits).sort((a, b) => parseEditKey(a).round - parseEditKey(b).round);
    for (const key of keys) {
      if (changes.length >= MAX_CHANGES) break;
      const draft = edits[key] as RoundDraft;
      if (serverErrors[key]) continue;
      const result = check(key, draft);
      if (result.kind === 'invalid') continue;
      const answer = result.kind === 'answer' ? result.answer : undefined;
      if (sameAnswer(savedAnswer(saved, key), answer)) continue;
      changes.push(toChange(key, answer ?? null));
      drafts.set(key, draft);
    }
    return { changes, drafts };
  }, [check]);

  const send = useCallback(
    async (changes: AnswerChange[], drafts: Map<EditKey, RoundDraft>): Promise<boolean> => {
      update({ inFlight: true, state: { kind: 'saving' } });
      try {
        const saved = await saveRef.current(store.current.version, changes);
        const edits = { ...store.current.edits };
        for (const [key, draft] of drafts) if (edits[key] === draft) delete edits[key];
        update({ answers: saved.answers, version: saved.version, edits, state: { kind: 'saved', at: new Date() } });
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
          update({ stopped: true, state: { kind: 'conflict', error: err } });
        } else if (err instanceof ApiError && err.status === 400 && err.fields.length > 0) {
          const found: Record<EditKey, FieldMessages> = {};
          let unplaced: Localized | undefined;
          for (const f of err.fields) {
            const at = locateServerField(f.field, changes);
            if (at && drafts.has(at.key)) found[at.key] = { ...found[at.key], [at.field]: f.message };
            else unplaced ??= f.message;
          }
          update({
            serverErrors: { ...store.current.serverErrors, ...found },
            state: { kind: 'failed', error: err, message: unplaced ?? (Object.keys(found).length ? undefined : err.text) },
          });
        } else if (!(err instanceof ApiError && err.status === 401)) {
          update({ state: { kind: 'failed', error: err instanceof ApiError ? err : undefined, message: err instanceof ApiError ? err.text : undefined } });
        }
        return false;
      } finally {
        update({ inFlight: false });
      }
    },
    [update],
  );

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const s = store.current;
    if (!editable || s.inFlight || s.stopped) return;
    const sent = collect();
    if (sent.changes.length === 0) {
      if (s.state.kind === 'pending') update({ state: { kind: 'idle' } });
      return;
    }
    const ok = await send(sent.changes, sent.drafts);
    if (ok && collect().changes.length > 0) timer.current = setTimeout(() => void flush(), 0);
  }, [collect, editable, send, update]);

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
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [editable, flush, update],
  );

  /** Sends explicit changes at once (e.g. 「標準回答に戻す」: every round of a cell back to null). */
  const sendNow = useCallback(
    async (changes: AnswerChange[]) => {
      const s = store.current;
      if (!editable || s.inFlight || s.stopped || changes.length === 0) return;
      clearTimeout(timer.current);
      const edits = { ...s.edits };
      for (const c of changes) delete edits[editKey(c.itemId, c.deviceClass, c.round as Round)];
      update({ edits });
      await send(changes, new Map());
    },
    [editable, send, update],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  // A newer version saved elsewhere on the page (a standard answer renamed) becomes the one the next save names.
  useEffect(() => {
    if (version > store.current.version && !store.current.inFlight) update({ answers, version });
  }, [answers, version, update]);

  const { answers: saved, edits, serverErrors, state } = store.current;
  const draftFor = useCallback((key: EditKey): RoundDraft => edits[key] ?? draftOf(savedAnswer(saved, key)), [edits, saved]);
  const issues = useMemo(() => {
    const out: Record<EditKey, FieldMessages> = { ...serverErrors };
    for (const [key, draft] of Object.entries(edits)) {
      const result = check(key, draft);
      if (result.kind === 'invalid') out[key] = { ...result.errors, ...out[key] };
    }
    return out;
  }, [edits, serverErrors, check]);
  const effectiveAnswers = useMemo(() => {
    const out: Answers = structuredClone(saved);
    for (const [key, draft] of Object.entries(edits)) {
      const result = check(key, draft);
      if (result.kind === 'invalid') continue;
      const { itemId, deviceClass, round } = parseEditKey(key);
      const cell = `${itemId}:${deviceClass}`;
      const r = String(round) as '1' | '2' | '3';
      const rounds = { ...(out[cell] ?? {}) };
      if (result.kind === 'answer') rounds[r] = result.answer;
      else delete rounds[r];
      out[cell] = rounds;
    }
    return out;
  }, [saved, edits, check]);
  const dirty = useMemo(
    () =>
      Object.entries(edits).some(([key, draft]) => {
        const result = check(key, draft);
        return result.kind === 'invalid' || !sameAnswer(savedAnswer(saved, key), result.kind === 'answer' ? result.answer : undefined);
      }),
    [edits, saved, check],
  );
  const hasUnsaved = dirty || state.kind === 'saving' || state.kind === 'pending';
  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved]);

  return {
    answers: saved,
    version: store.current.version,
    state,
    edit,
    sendNow,
    draftFor,
    issues,
    effectiveAnswers,
    heldBack: Object.keys(issues).length > 0,
    hasUnsaved,
    retry: flush,
  };
}
