import { routes } from '@mcr/contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Alert } from '../../components/feedback.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { absoluteApiUrl, ApiError, callRoute } from '../../lib/api-client.ts';
import { TM } from './messages.ts';

/**
 * The facility's secret calendar-feed URL. Only its hash is stored, so the URL is shown once, right after it is
 * issued; issuing a new one (after a confirmation) makes the old one stop working. Facility administrators only.
 */
export function CalendarFeed({ facilityId, canRotate }: { facilityId: string; canRotate: boolean }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<Localized | undefined>();
  const rotate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await callRoute(routes['calendar.rotate'], { params: { facilityId } });
      setUrl(absoluteApiUrl(res.url));
      setCopied(false);
    } catch (err) {
      setError(err instanceof ApiError ? err.text : M.unexpected);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const copy = () => {
    if (!url) return;
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <section className="card" aria-labelledby="calendar-feed-heading" data-testid="calendar-feed">
      <h2 id="calendar-feed-heading">{t(TM.feedTitle)}</h2>
      <p>{t(TM.feedLead)}</p>
      {error ? <Alert tone="error">{t(error)}</Alert> : null}
      {url ? (
        <div className="feed-url">
          <Alert tone="success" title={t(TM.feedIssued)}>
            <p>{t(TM.feedShownOnce)}</p>
          </Alert>
          <div className="field">
            <label htmlFor="calendar-feed-url">{t(TM.feedUrl)}</label>
            <div className="feed-url-row">
              <input id="calendar-feed-url" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" className="button secondary" onClick={copy}>
                {t(TM.copy)}
              </button>
            </div>
            <p className="hint" role="status">
              {copied ? t(TM.copied) : ''}
            </p>
          </div>
        </div>
      ) : null}
      {canRotate ? (
        <p>
          <button type="button" className="button secondary" disabled={busy} onClick={() => setConfirming(true)}>
            {url ? t(TM.feedRotate) : t(TM.feedCreate)}
          </button>
        </p>
      ) : (
        <p className="muted">{t(TM.feedAdminOnly)}</p>
      )}
      <ConfirmDialog
        open={confirming}
        id="rotate-feed"
        title={t(TM.feedRotateTitle)}
        confirmText={t(TM.feedRotateConfirm)}
        danger
        busy={busy}
        onConfirm={() => void rotate()}
        onClose={() => setConfirming(false)}
      >
        <p>{t(TM.feedRotateBody)}</p>
      </ConfirmDialog>
    </section>
  );
}
