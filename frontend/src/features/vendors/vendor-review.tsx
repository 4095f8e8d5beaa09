import { routes, type VendorResponseView } from '@mcr/contract';
import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDateTime, formatEraDate } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import type { Round } from '../checklist/draft.ts';
import { V } from './vendor-messages.ts';

type Failure = { text: Localized; reload: boolean; details: Localized[]; requestId?: string | undefined };

function failureOf(err: unknown, conflict: Localized): Failure | undefined {
  if (!(err instanceof ApiError)) return { text: M.unexpected, reload: false, details: [] };
  if (err.status === 401) return undefined;
  if (err.code === 'VERSION_CONFLICT' || err.code === 'LOCKED') return { text: conflict, reload: true, details: [] };
  return { text: err.text, reload: false, details: err.fields.map((f) => f.message), requestId: err.requestId };
}

function FailureBox({ failure, title, onReload }: { failure: Failure; title: Localized; onReload(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} data-testid="vendor-action-error">
      <p className="alert-title">{t(title)}</p>
      <p>{t(failure.text)}</p>
      {failure.details.length > 0 ? (
        <ul className="problem-list">
          {failure.details.slice(0, 20).map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; their order is stable.
            <li key={i}>{t(d)}</li>
          ))}
        </ul>
      ) : null}
      {failure.reload ? (
        <button type="button" className="button primary" onClick={onReload}>
          {t(V.reload)}
        </button>
      ) : null}
      {failure.requestId ? (
        <p className="muted small-text">
          {t(M.requestId)}: <code>{failure.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}

/** 「N回目を提出する」 for the vendor: the whole response (every standard answer and per-facility change) at once. */
export function VendorSubmitPanel({
  view,
  version,
  round,
  blocked,
  onSubmitted,
  onReload,
}: {
  view: VendorResponseView;
  /** The response's version as last saved. */
  version: number;
  round: Round;
  /** Why the button waits (missing answers, a save on its way), if it does. */
  blocked: Localized | undefined;
  onSubmitted(next: VendorResponseView): void;
  onReload(): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();
  const submit = async () => {
    setBusy(true);
    try {
      const next = await callRoute(routes['vendorResponses.submit'], {
        params: { campaignId: view.campaign.id, vendorId: view.vendor.id },
        body: { expectedVersion: version, round },
      });
      setOpen(false);
      onSubmitted(next);
    } catch (err) {
      setOpen(false);
      setFailure(failureOf(err, V.conflict));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card submit-panel" data-testid="vendor-submit-panel" aria-labelledby="vendor-submit-heading">
      <h2 id="vendor-submit-heading">{t(V.submitHeading)}</h2>
      <p className="muted">{t(V.submitLead)}</p>
      {failure ? <FailureBox failure={failure} title={V.submitFailed} onReload={onReload} /> : null}
      <div className="submit-actions">
        <button
          type="button"
          className="button primary large"
          disabled={blocked !== undefined || busy}
          aria-describedby={blocked ? 'vendor-submit-reason' : undefined}
          onClick={() => {
            setFailure(undefined);
            setOpen(true);
          }}
        >
          {t(V.submitRound(round))}
        </button>
        {blocked ? (
          <p id="vendor-submit-reason" className="hint">
            {t(blocked)}
          </p>
        ) : null}
      </div>
      <ConfirmDialog
        open={open}
        id="vendor-submit-dialog"
        title={t(V.submitConfirmTitle(round))}
        confirmText={t(V.submitConfirm)}
        busyText={t(M.submitting)}
        busy={busy}
        onConfirm={() => void submit()}
        onClose={() => setOpen(false)}
      >
        <p>{t(V.submitConfirmBody)}</p>
      </ConfirmDialog>
    </section>
  );
}

/** The prefecture's decision on a submitted vendor response: 確認 (with an optional message) or 差戻し (with a reason). */
export function VendorReviewPanel({ view, onDone, onReload }: { view: VendorResponseView; onDone(next: VendorResponseView): void; onReload(): void }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const [confirmMessage, setConfirmMessage] = useState('');
  const [messageError, setMessageError] = useState<Localized | undefined>();
  const [dialog, setDialog] = useState<'confirm' | 'return' | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const round = view.submissions.at(-1)?.round ?? 1;
  const params = { campaignId: view.campaign.id, vendorId: view.vendor.id };

  const send = async (kind: 'confirm' | 'return') => {
    setBusy(true);
    try {
      const next =
        kind === 'confirm'
          ? await callRoute(routes['vendorResponses.confirm'], { params, body: { expectedVersion: view.version, message: confirmMessage.trim() } })
          : await callRoute(routes['vendorResponses.return'], { params, body: { expectedVersion: view.version, message: message.trim() } });
      setDialog(undefined);
      onDone(next);
    } catch (err) {
      setDialog(undefined);
      setFailure(failureOf(err, M.reviewConflict));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card review-panel" data-testid="vendor-review-panel" aria-labelledby="vendor-review-heading">
      <h2 id="vendor-review-heading">{t(V.reviewHeading)}</h2>
      <p className="muted">{t(V.reviewLead(round))}</p>
      {failure ? <FailureBox failure={failure} title={V.reviewFailed} onReload={onReload} /> : null}
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
            {t(V.confirmButton)}
          </button>
        </div>
        <div className="review-return">
          <h3>{t(M.reviewReturnHeading)}</h3>
          <div className="field">
            <label htmlFor="vendor-return-message">{t(V.returnMessage)}</label>
            <textarea
              id="vendor-return-message"
              ref={messageRef}
              rows={4}
              maxLength={2000}
              value={message}
              aria-invalid={messageError ? true : undefined}
              aria-describedby={messageError ? 'vendor-return-message-error' : undefined}
              onChange={(e) => {
                setMessage(e.target.value);
                setMessageError(undefined);
              }}
            />
            {messageError ? (
              <p id="vendor-return-message-error" className="field-error">
                {t(messageError)}
              </p>
            ) : null}
          </div>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              setFailure(undefined);
              if (!message.trim()) {
                setMessageError(V.returnNeedsReason);
                messageRef.current?.focus();
                return;
              }
              setDialog('return');
            }}
          >
            {t(V.returnButton)}
          </button>
        </div>
      </div>
      <ConfirmDialog
        open={dialog === 'return'}
        id="vendor-return-dialog"
        title={t(V.returnTitle)}
        confirmText={t(V.returnSend)}
        busyText={t(M.sending)}
        busy={busy}
        danger
        onConfirm={() => void send('return')}
        onClose={() => setDialog(undefined)}
      >
        <p className="quote">{message.trim()}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'confirm'}
        id="vendor-confirm-dialog"
        title={t(V.confirmTitle)}
        confirmText={t(M.confirmSend)}
        busyText={t(M.sending)}
        busy={busy}
        onConfirm={() => void send('confirm')}
        onClose={() => setDialog(undefined)}
      >
        <div className="field">
          <label htmlFor="vendor-confirm-message">{t(V.confirmMessage)}</label>
          <textarea id="vendor-confirm-message" rows={3} maxLength={2000} value={confirmMessage} onChange={(e) => setConfirmMessage(e.target.value)} />
        </div>
      </ConfirmDialog>
    </section>
  );
}

/** What the vendor (or the prefecture) sees on top: submitted, confirmed, or the prefecture's 差戻し message. */
export function VendorStatusBanner({ view, vendorUser }: { view: VendorResponseView; vendorUser: boolean }) {
  const { t, lang } = useI18n();
  if (view.status === 'returned') {
    const review = [...view.reviews].reverse().find((r) => r.action === 'returned');
    return (
      <section className="alert alert-warning returned-banner" data-testid="vendor-returned-banner" aria-labelledby="vendor-returned-title">
        <p className="alert-title returned-title" id="vendor-returned-title">
          {t(vendorUser ? V.returnedTitle : V.returnedTitlePref)}
        </p>
        {review ? (
          <>
            <p className="muted-strong">{t(V.returnedMeta(formatEraDate(review.at, lang), review.round, review.byName))}</p>
            {review.message ? <p className="quote">{review.message}</p> : null}
          </>
        ) : null}
        {vendorUser ? <p className="returned-next">{t(V.returnedNext)}</p> : null}
      </section>
    );
  }
  if (view.status !== 'submitted' && view.status !== 'confirmed') return null;
  const last = view.submissions.at(-1);
  const review = view.reviews.at(-1);
  return (
    <div className="alert alert-success submitted-banner" data-testid="vendor-submitted-banner" role="status">
      {last ? (
        <p className="alert-title">
          <span aria-hidden="true">✓ </span>
          {t(V.submittedBanner(formatEraDate(last.at, lang), last.round))}
        </p>
      ) : null}
      {view.status === 'confirmed' && review?.action === 'confirmed' ? (
        <>
          <p>{t(V.confirmedBanner(formatEraDate(review.at, lang), review.byName))}</p>
          {review.message ? <p className="quote">{review.message}</p> : null}
        </>
      ) : null}
      {vendorUser && view.status === 'submitted' ? <p>{t(V.submittedLocked)}</p> : null}
    </div>
  );
}

/** Every confirmation and send-back, oldest first. */
export function VendorReviewHistory({ view }: { view: VendorResponseView }) {
  const { t, lang } = useI18n();
  if (view.reviews.length === 0) return null;
  return (
    <section className="card review-history" aria-labelledby="vendor-history-heading">
      <h2 id="vendor-history-heading">{t(V.historyHeading)}</h2>
      <ol className="review-entries">
        {view.reviews.map((r) => (
          <li key={`${r.at}-${r.action}`} className={`review-entry review-${r.action}`}>
            <p className="review-entry-head">
              <span className={`badge status-${r.action}`}>{t(r.action === 'returned' ? V.reviewReturned : V.reviewConfirmed)}</span>
              <span>{t(M.round(r.round))}</span>
              <span>{formatDateTime(r.at, lang)}</span>
              <span>
                {t(M.reviewBy)}: {r.byName || '—'}
              </span>
            </p>
            {r.message ? <p className="quote">{r.message}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
