import type { Campaign } from '@mcr/contract';
import { useEffect, useId, useRef, useState } from 'react';
import { getCampaign, retryCampaignCreation } from '../../api/get-campaign.ts';
import { Alert } from '../../components/feedback.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { CM } from './creation-messages.ts';

const POLL_MS = 1000;

/**
 * Follows a campaign whose responses a background job is writing: a progress bar (announced politely) while
 * it runs, the reason and a resume button if it failed; calls `onDone` once the campaign is open.
 */
export function CampaignCreationProgress({ campaign, onDone, compact }: { campaign: Campaign; onDone?(campaign: Campaign): void; compact?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [current, setCurrent] = useState(campaign);
  const [error, setError] = useState<Localized | null>(null);
  const [busy, setBusy] = useState(false);
  const done = useRef(onDone);
  done.current = onDone;
  const status = current.creation?.status ?? 'done';

  useEffect(() => {
    if (status !== 'creating') {
      if (status === 'done') done.current?.(current);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getCampaign(current.id, controller.signal)
        .then((next) => setCurrent(next))
        .catch((err) => {
          if (controller.signal.aborted) return;
          setError(err instanceof ApiError ? err.text : M.unexpected);
        });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [current, status]);

  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      setCurrent(await retryCampaignCreation(current.id));
    } catch (err) {
      setError(err instanceof ApiError ? err.text : M.unexpected);
    } finally {
      setBusy(false);
    }
  };

  const c = current.creation;
  if (!c || status === 'done') return null;
  return (
    <div className="campaign-creation" data-testid={`campaign-creation-${current.id}`}>
      <div aria-live="polite">
        {status === 'creating' ? (
          <ProgressBar
            id={`${id}-progress`}
            label={t(CM.progressLabel)}
            value={c.processed}
            max={Math.max(1, c.total)}
            text={t(CM.running(c.processed, c.total))}
          />
        ) : null}
        {status === 'creating' && !compact ? <p className="hint">{t(CM.notOpenYet)}</p> : null}
      </div>
      {status === 'failed' ? (
        <Alert tone="error" title={t(CM.failed)}>
          {c.error ? <p>{t(c.error)}</p> : null}
          <p>{t(CM.failedHelp)}</p>
          <button type="button" className="button secondary" onClick={() => void retry()} disabled={busy}>
            {t(CM.retry)}
          </button>
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="error" title={t(CM.failed)}>
          <p>{t(error)}</p>
        </Alert>
      ) : null}
    </div>
  );
}
