import type { Review, ResponseView } from '@mcr/contract';
import { findItem, type Template } from '@mcr/domain';
import { type MouseEvent, useEffect, useRef, useState } from 'react';
import { confirmResponse } from '../../api/confirm-response.ts';
import { returnResponse } from '../../api/return-response.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDateTime, formatEraDate } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { jumpTo } from '../../lib/jump.ts';
import { commentFieldId, itemNumber } from './review-comments.tsx';

export interface DraftComment {
  itemId: string;
  comment: string;
}

type Failure = { text: Localized; reload: boolean; details: Localized[]; requestId?: string | undefined };

function failureOf(err: unknown): Failure | undefined {
  if (!(err instanceof ApiError)) return { text: M.unexpected, reload: false, details: [] };
  if (err.status === 401) return undefined;
  if (err.code === 'VERSION_CONFLICT') return { text: M.reviewConflict, reload: true, details: [] };
  if (err.code === 'LOCKED') return { text: M.reviewLocked, reload: true, details: [] };
  if (err.status === 403) return { text: M.reviewForbidden, reload: false, details: [] };
  return { text: err.text, reload: false, details: err.fields.map((f) => f.message), requestId: err.requestId };
}

function ItemLink({ template, itemId }: { template: Template; itemId: string }) {
  const { t } = useI18n();
  const item = findItem(template, itemId);
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    jumpTo(`item-${itemId}`);
  };
  return (
    <a href={`#item-${itemId}`} onClick={go} className="comment-item-link">
      <span className="comment-number">{item ? t(itemNumber(item)) : itemId}</span>
      <span className="comment-item-text">{item ? t(item.text) : ''}</span>
    </a>
  );
}

/**
 * The prefecture's decision on a submitted round: 「確認 (受理) する」, or 「差戻す」 with a reason and the comments
 * written next to the items. Both ask first in a dialog; the answer of the server replaces the page.
 */
export function ReviewPanel({
  view,
  comments,
  onRemoveComment,
  onDone,
  onReload,
}: {
  view: ResponseView;
  comments: DraftComment[];
  onRemoveComment(itemId: string): void;
  onDone(next: ResponseView): void;
  onReload(): void;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const [confirmMessage, setConfirmMessage] = useState('');
  const [messageError, setMessageError] = useState<Localized | undefined>();
  const [dialog, setDialog] = useState<'confirm' | 'return' | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const round = view.submissions.at(-1)?.round ?? 1;
  const filled = comments.filter((c) => c.comment.trim().length > 0);
  const tooLong = filled.some((c) => c.comment.length > 2000);
  // 「理由かコメントが必要」 no longer holds once a comment is written next to an item.
  const shownError = messageError === M.returnNeedsReason && filled.length > 0 ? undefined : messageError;

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const startReturn = () => {
    setFailure(undefined);
    if (message.trim().length === 0 && filled.length === 0) {
      setMessageError(M.returnNeedsReason);
      messageRef.current?.focus();
      return;
    }
    if (message.length > 2000) {
      setMessageError(M.messageTooLong);
      messageRef.current?.focus();
      return;
    }
    if (tooLong) {
      const first = filled.find((c) => c.comment.length > 2000);
      if (first) document.getElementById(commentFieldId(first.itemId))?.focus();
      return;
    }
    if (filled.length > 100) {
      setFailure({ text: M.tooManyComments, reload: false, details: [] });
      return;
    }
    setDialog('return');
  };

  const send = async (kind: 'confirm' | 'return') => {
    if (busy) return;
    setBusy(true);
    try {
      const next =
        kind === 'confirm'
          ? await confirmResponse(view.campaign.id, view.facility.id, { expectedVersion: view.version, message: confirmMessage.trim() })
          : await returnResponse(view.campaign.id, view.facility.id, {
              expectedVersion: view.version,
              message: message.trim(),
              itemComments: filled.map((c) => ({ itemId: c.itemId, comment: c.comment.trim() })),
            });
      setDialog(undefined);
      onDone(next);
    } catch (err) {
      setDialog(undefined);
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="review-panel" className="card review-panel" data-testid="review-panel" aria-labelledby="review-heading">
      <h2 id="review-heading">{t(M.reviewTitle)}</h2>
      <p className="muted">{t(M.reviewLead(round))}</p>

      {failure ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={failureRef} data-testid="review-error">
          <p className="alert-title">{t(M.reviewFailed)}</p>
          <p>{t(failure.text)}</p>
          {failure.details.length > 0 ? (
            <ul className="problem-list">
              {failure.details.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; their order is stable.
                <li key={i}>{t(d)}</li>
              ))}
            </ul>
          ) : null}
          {failure.reload ? (
            <button type="button" className="button primary" onClick={onReload}>
              {t(M.conflictReload)}
            </button>
          ) : null}
          {failure.requestId ? (
            <p className="muted small-text">
              {t(M.requestId)}: <code>{failure.requestId}</code>
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="review-columns">
        <div className="review-confirm">
          <h3>{t(M.reviewConfirmHeading)}</h3>
          <p className="hint">{t(M.reviewConfirmHint)}</p>
          <button
            type="button"
            className="button primary large"
            onClick={() => {
              setFailure(undefined);
              setDialog('confirm');
            }}
          >
            {t(M.confirmButton)}
          </button>
        </div>

        <div className="review-return">
          <h3>{t(M.reviewReturnHeading)}</h3>
          <div className="field">
            <label htmlFor="return-message">{t(M.returnMessage)}</label>
            <textarea
              id="return-message"
              ref={messageRef}
              rows={4}
              value={message}
              aria-invalid={shownError ? true : undefined}
              aria-describedby={`return-message-hint${shownError ? ' return-message-error' : ''}`}
              onChange={(e) => {
                setMessage(e.target.value);
                setMessageError(undefined);
              }}
            />
            <p id="return-message-hint" className="hint">
              {t(M.returnMessageHint)}
            </p>
            {shownError ? (
              <p id="return-message-error" className="field-error">
                {t(shownError)}
              </p>
            ) : null}
          </div>

          <h4 className="comments-heading">{t(M.itemCommentsCount(filled.length))}</h4>
          {filled.length === 0 ? (
            <p className="hint">{t(M.itemCommentsNone)}</p>
          ) : (
            <ul className="comment-list" data-testid="review-comments">
              {filled.map((c) => (
                <li key={c.itemId}>
                  <ItemLink template={view.template} itemId={c.itemId} />
                  <p className="comment-body">{c.comment}</p>
                  <div className="comment-actions">
                    <button type="button" className="button link small" onClick={() => jumpTo(commentFieldId(c.itemId))}>
                      {t(M.commentEdit)}
                    </button>
                    <button type="button" className="button link small" onClick={() => onRemoveComment(c.itemId)}>
                      {t(M.commentRemove)}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button danger" onClick={startReturn}>
            {t(M.returnButton)}
          </button>
        </div>
      </div>

      <ConfirmDialog
        open={dialog === 'return'}
        id="return-dialog"
        title={t(M.returnDialogTitle)}
        confirmText={t(M.returnSend)}
        busyText={t(M.sending)}
        busy={busy}
        danger
        onConfirm={() => void send('return')}
        onClose={() => setDialog(undefined)}
      >
        <p>{t(M.returnDialogBody(view.facility.name, filled.length))}</p>
        {message.trim() ? <p className="quote">{message.trim()}</p> : null}
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === 'confirm'}
        id="confirm-dialog"
        title={t(M.confirmDialogTitle)}
        confirmText={t(M.confirmSend)}
        busyText={t(M.sending)}
        busy={busy}
        onConfirm={() => void send('confirm')}
        onClose={() => setDialog(undefined)}
      >
        <p>{t(M.confirmDialogBody(view.facility.name, round))}</p>
        {filled.length > 0 || message.trim() ? <p className="field-error">{t(M.confirmDropsComments)}</p> : null}
        <div className="field">
          <label htmlFor="confirm-message">{t(M.confirmMessage)}</label>
          <textarea id="confirm-message" rows={3} maxLength={2000} value={confirmMessage} onChange={(e) => setConfirmMessage(e.target.value)} />
        </div>
      </ConfirmDialog>
    </section>
  );
}

function CommentList({ template, review }: { template: Template; review: Review }) {
  if (review.itemComments.length === 0) return null;
  return (
    <ul className="comment-list">
      {review.itemComments.map((c) => (
        <li key={c.itemId}>
          <ItemLink template={template} itemId={c.itemId} />
          <p className="comment-body">{c.comment}</p>
        </li>
      ))}
    </ul>
  );
}

/** 「差戻しがありました」: the prefecture's reason and the items it commented on, at the top of a returned response. */
export function ReturnedBanner({ view, facilityUser, focus = false }: { view: ResponseView; facilityUser: boolean; focus?: boolean }) {
  const { t, lang } = useI18n();
  const review = [...view.reviews].reverse().find((r) => r.action === 'returned');
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <section
      ref={ref}
      tabIndex={focus ? -1 : undefined}
      className="alert alert-warning returned-banner"
      data-testid="returned-banner"
      aria-labelledby="returned-title"
    >
      <p className="alert-title returned-title" id="returned-title">
        {t(facilityUser ? M.returnedTitle : M.returnedTitleAdmin)}
      </p>
      {review ? (
        <>
          <p className="muted-strong">{t(M.returnedMeta(formatEraDate(review.at, lang), review.round, review.byName))}</p>
          {review.message ? <p className="quote">{review.message}</p> : null}
          {review.itemComments.length > 0 ? (
            <>
              <p className="returned-sub">{t(M.returnedItems(review.itemComments.length))}</p>
              <CommentList template={view.template} review={review} />
            </>
          ) : null}
        </>
      ) : null}
      {facilityUser ? <p className="returned-next">{t(M.returnedNext)}</p> : null}
    </section>
  );
}

/** Every confirmation and send-back, oldest first, for everyone who can see the response. */
export function ReviewHistory({ view }: { view: ResponseView }) {
  const { t, lang } = useI18n();
  if (view.reviews.length === 0) return null;
  return (
    <section className="card review-history" aria-labelledby="review-history-heading" data-testid="review-history">
      <h2 id="review-history-heading">{t(M.reviewHistoryTitle)}</h2>
      <ol className="review-entries">
        {view.reviews.map((r) => (
          <li key={`${r.at}-${r.action}`} className={`review-entry review-${r.action}`}>
            <p className="review-entry-head">
              <span className={`badge status-${r.action}`}>{t(r.action === 'returned' ? M.reviewActionReturned : M.reviewActionConfirmed)}</span>
              <span>{t(M.round(r.round))}</span>
              <span>{formatDateTime(r.at, lang)}</span>
              <span>
                {t(M.reviewBy)}: {r.byName || '—'}
              </span>
            </p>
            {r.message ? <p className="quote">{r.message}</p> : null}
            <CommentList template={view.template} review={r} />
          </li>
        ))}
      </ol>
    </section>
  );
}
