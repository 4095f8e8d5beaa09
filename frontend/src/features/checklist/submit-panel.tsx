import type { ResponseView } from '@mcr/contract';
import { type Answers, type Context, findItem, type MissingCell, type Template } from '@mcr/domain';
import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { submitResponse } from '../../api/submit-response.ts';
import { formatDateTime, formatEraDate } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { jumpTo } from '../../lib/jump.ts';
import { useAuth } from '../auth/auth-context.tsx';
import type { Round } from './draft.ts';
import { cellOfField, roundCompleteness } from './submission.ts';

const SHOWN = 20;

interface CellLink {
  key: string;
  itemId: string;
  deviceClass: string;
  number: string;
  text: Localized;
}

function CellLinks({ cells, testId }: { cells: CellLink[]; testId?: string }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? cells : cells.slice(0, SHOWN);
  const go = (e: MouseEvent<HTMLAnchorElement>, c: CellLink) => {
    e.preventDefault();
    jumpTo(`cell-${c.itemId}-${c.deviceClass}`, { focusControl: true });
  };
  return (
    <>
      <ul className="missing-list" data-testid={testId}>
        {shown.map((c) => (
          <li key={c.key}>
            <a href={`#cell-${c.itemId}-${c.deviceClass}`} onClick={(e) => go(e, c)}>
              <span className="missing-number">{c.number || t(M.gateLabel)}</span>
              <span className="missing-class">
                {c.deviceClass === 'system' ? '' : t(M.deviceClass[c.deviceClass as keyof typeof M.deviceClass] ?? { ja: c.deviceClass })}
              </span>
              <span className="missing-text">{t(c.text)}</span>
            </a>
          </li>
        ))}
      </ul>
      {cells.length > shown.length ? (
        <button type="button" className="button link small" onClick={() => setAll(true)}>
          {t(M.missingShowAll(cells.length - shown.length))}
        </button>
      ) : null}
    </>
  );
}

function toLink(cell: MissingCell): CellLink {
  return { key: cell.key, itemId: cell.itemId, deviceClass: cell.deviceClass, number: cell.number, text: cell.text };
}

type Failure =
  | { kind: 'incomplete'; cells: CellLink[]; text: Localized }
  | { kind: 'reload'; text: Localized }
  | { kind: 'other'; text: Localized; requestId?: string | undefined };

interface Props {
  view: ResponseView;
  template: Template;
  context: Context;
  /** The answers as typed (valid drafts included), for the live summary. */
  answers: Answers;
  version: number;
  round: Round;
  canSubmit: boolean;
  /** Input that is not stored yet; the reason the button waits. */
  unsaved: 'none' | 'saving' | 'invalid';
  /** Saving has stopped (409): the page must be reloaded first. */
  stopped: boolean;
  onSubmitted(view: ResponseView): void;
  onReload(): void;
}

/** 「提出」: what is still missing for this round, and the administrator's button with its confirmation. */
export function SubmitPanel({ view, template, context, answers, version, round, canSubmit, unsaved, stopped, onSubmitted, onReload }: Props) {
  const { t } = useI18n();
  const result = useMemo(() => roundCompleteness(template, answers, context, round), [template, answers, context, round]);
  const unanswered = result.missing.filter((m) => m.reason === 'unanswered').map(toLink);
  const carried = result.missing.filter((m) => m.reason === 'carried-forward').map(toLink);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);
  // A new round tab starts without the last attempt's messages.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on round change only.
  useEffect(() => setFailure(undefined), [round]);

  const blocked = !result.complete ? M.submitNeedsComplete : unsaved === 'invalid' ? M.submitFixProblems : unsaved === 'saving' ? M.submitWaitSave : undefined;
  const enabled = canSubmit && !blocked && !stopped && !busy;

  const open = () => {
    setFailure(undefined);
    dialog.current?.showModal();
    cancelButton.current?.focus();
  };
  const close = () => {
    if (dialog.current?.open) dialog.current.close();
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const next = await submitResponse(view.campaign.id, view.facility.id, { expectedVersion: version, round });
      close();
      onSubmitted(next);
    } catch (err) {
      close();
      if (!(err instanceof ApiError)) setFailure({ kind: 'other', text: M.unexpected });
      else if (err.status === 401) setFailure(undefined);
      else if (err.code === 'INCOMPLETE') {
        const seen = new Set<string>();
        const cells: CellLink[] = [];
        for (const f of err.fields) {
          const cell = cellOfField(f.field);
          if (!cell || seen.has(cell.key)) continue;
          seen.add(cell.key);
          const item = findItem(template, cell.itemId);
          cells.push({ ...cell, number: item?.number ?? '', text: item?.text ?? f.message });
        }
        setFailure({ kind: 'incomplete', cells, text: M.submitIncomplete });
      } else if (err.code === 'VERSION_CONFLICT') setFailure({ kind: 'reload', text: M.submitConflict });
      else if (err.code === 'LOCKED') setFailure({ kind: 'reload', text: M.submitLocked });
      else if (err.status === 403) setFailure({ kind: 'other', text: M.submitForbidden });
      else setFailure({ kind: 'other', text: err.text, requestId: err.requestId });
    } finally {
      setBusy(false);
    }
  };

  const reasonId = 'submit-reason';
  return (
    <section className="card submit-panel" data-testid="submit-panel" aria-labelledby="submit-heading">
      <h2 id="submit-heading">{t(M.submitTitle)}</h2>
      <p className="muted">{t(M.submitLead)}</p>

      <div className="missing-summary" data-testid="missing-summary">
        {result.complete ? (
          <p className="ok-text">
            <span aria-hidden="true">✓ </span>
            {t(M.missingNone(round))}
          </p>
        ) : (
          <>
            {unanswered.length > 0 ? (
              <>
                <h3 className="missing-heading">{t(M.missingCount(unanswered.length))}</h3>
                <CellLinks cells={unanswered} testId="missing-unanswered" />
              </>
            ) : null}
            {carried.length > 0 ? (
              <>
                <h3 className="missing-heading">{t(M.carriedUnconfirmedCount(carried.length))}</h3>
                <CellLinks cells={carried} testId="missing-carried" />
              </>
            ) : null}
          </>
        )}
        {result.missingReference.length > 0 ? <p className="hint">{t(M.missingReferenceNote(result.missingReference.length))}</p> : null}
      </div>

      {failure ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={failureRef} data-testid="submit-error">
          <p className="alert-title">{t(M.submitFailed)}</p>
          <p>{t(failure.text)}</p>
          {failure.kind === 'incomplete' && failure.cells.length > 0 ? <CellLinks cells={failure.cells} /> : null}
          {failure.kind === 'reload' ? (
            <button type="button" className="button primary" onClick={onReload}>
              {t(M.conflictReload)}
            </button>
          ) : null}
          {failure.kind === 'other' && failure.requestId ? (
            <p className="muted small-text">
              {t(M.requestId)}: <code>{failure.requestId}</code>
            </p>
          ) : null}
        </div>
      ) : null}

      {canSubmit ? (
        <div className="submit-actions">
          <button type="button" className="button primary large" disabled={!enabled} aria-describedby={blocked ? reasonId : undefined} onClick={open}>
            {t(M.submitRound(round))}
          </button>
          {blocked ? (
            <p id={reasonId} className="hint">
              {t(blocked)}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="by-admin" data-testid="submit-by-admin">
          {t(M.submitByAdmin)}
        </p>
      )}

      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="submit-dialog-title"
        aria-describedby="submit-dialog-body"
        onCancel={(e) => {
          if (busy) e.preventDefault();
        }}
      >
        <h2 id="submit-dialog-title">{t(M.submitConfirmTitle(round))}</h2>
        <p id="submit-dialog-body">{t(M.submitConfirmBody)}</p>
        <div className="dialog-actions">
          <button type="button" className="button primary" disabled={busy} onClick={() => void submit()}>
            {busy ? t(M.submitting) : t(M.submitConfirm)}
          </button>
          <button ref={cancelButton} type="button" className="button secondary" disabled={busy} onClick={close}>
            {t(M.cancel)}
          </button>
        </div>
      </dialog>
    </section>
  );
}

/** 「令和7年6月1日に1回目を提出しました」 and, under it, why the answers are read-only now. */
export function SubmittedBanner({ view, facilityUser, focus = false }: { view: ResponseView; facilityUser: boolean; focus?: boolean }) {
  const { t, lang } = useI18n();
  const last = view.submissions.at(-1);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div ref={ref} tabIndex={focus ? -1 : undefined} className="alert alert-success submitted-banner" data-testid="submitted-banner" role="status">
      {last ? (
        <p className="alert-title">
          <span aria-hidden="true">✓ </span>
          {t(M.submittedBanner(formatEraDate(last.at, lang), last.round))}
        </p>
      ) : null}
      {view.status === 'confirmed' ? <ConfirmedNote view={view} /> : null}
      {facilityUser ? <p>{t(view.status === 'confirmed' ? M.confirmedLocked : last ? M.submittedLocked : M.lockedNote)}</p> : null}
    </div>
  );
}

function ConfirmedNote({ view }: { view: ResponseView }) {
  const { t, lang } = useI18n();
  const review = view.reviews.at(-1);
  if (review?.action !== 'confirmed') return <p>{t(M.confirmedNote)}</p>;
  return (
    <>
      <p>{t(M.confirmedBy(formatEraDate(review.at, lang), review.byName))}</p>
      {review.message ? <p className="quote">{review.message}</p> : null}
    </>
  );
}

/** The submitter as people read it: the name when it is the signed-in user; otherwise what the server recorded. */
function Submitter({ by, byName }: { by: string; byName: string }) {
  const { me } = useAuth();
  if (by === me.userId) return <>{me.displayName}</>;
  if (byName) return <>{byName}</>;
  return <span className="submitter">{by}</span>;
}

export function SubmissionHistory({ submissions }: { submissions: ResponseView['submissions'] }) {
  const { t, lang } = useI18n();
  if (submissions.length === 0) return null;
  return (
    <section className="card submission-history" aria-labelledby="history-heading" data-testid="submission-history">
      <h2 id="history-heading">{t(M.historyTitle)}</h2>
      <table className="table compact-table">
        <caption className="sr-only">{t(M.historyTitle)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(M.historyRound)}</th>
            <th scope="col">{t(M.historyAt)}</th>
            <th scope="col">{t(M.historyBy)}</th>
          </tr>
        </thead>
        <tbody>
          {submissions.map((s) => (
            <tr key={`${s.round}-${s.at}`}>
              <th scope="row">{t(M.round(s.round))}</th>
              <td>{formatDateTime(s.at, lang)}</td>
              <td>
                <Submitter by={s.by} byName={s.byName} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
