import type { Campaign, CreateExportBody, ExportJob } from '@mcr/contract';
import { type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { createExport } from '../../api/create-export.ts';
import { getExport } from '../../api/get-export.ts';
import { Alert } from '../../components/feedback.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { BM } from '../bcp/bcp-messages.ts';
import { EM } from './export-messages.ts';

const POLL_MS = 1000;

/**
 * One export: a button that queues the job on the server, a progress bar (announced in a live region) while
 * polling it, then a download link. The link is short-lived: a click after it expired fetches a fresh one.
 */
export function ExportButton({ label, request, className }: { label: Localized; request: CreateExportBody; className?: string }) {
  const { t } = useI18n();
  const id = useId();
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<Localized | null>(null);
  const [busy, setBusy] = useState(false);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const poll = async (jobId: string) => {
    for (;;) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (!alive.current) return;
      const next = await getExport(jobId);
      if (!alive.current) return;
      setJob(next);
      if (next.status === 'done' || next.status === 'failed') return;
    }
  };

  const start = async () => {
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      const created = await createExport(request);
      setJob(created);
      await poll(created.id);
    } catch (err) {
      setError(err instanceof ApiError ? err.text : M.unexpected);
    } finally {
      if (alive.current) setBusy(false);
    }
  };

  const download = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (!job?.downloadExpiresAt || Date.parse(job.downloadExpiresAt) - Date.now() > 15_000) return;
    event.preventDefault();
    try {
      const fresh = await getExport(job.id);
      setJob(fresh);
      if (fresh.downloadUrl) window.location.assign(fresh.downloadUrl);
    } catch (err) {
      setError(err instanceof ApiError ? err.text : M.unexpected);
    }
  };

  const status = job?.status;
  const progressText =
    status === 'queued'
      ? t(EM.queued)
      : status === 'running'
        ? t(EM.running(job?.progress.processed ?? 0, job?.progress.total ?? 0))
        : status === 'done'
          ? t(EM.ready)
          : '';
  return (
    <div className={`export-button ${className ?? ''}`}>
      <button type="button" className="button secondary" onClick={start} disabled={busy} aria-describedby={`${id}-status`}>
        {t(label)}
      </button>
      <div id={`${id}-status`} aria-live="polite" className="export-status">
        {job && (status === 'queued' || status === 'running') ? (
          <ProgressBar
            id={`${id}-progress`}
            label={t(EM.progressLabel)}
            value={job.progress.processed}
            max={Math.max(1, job.progress.total)}
            text={progressText}
          />
        ) : null}
        {job && status === 'done' && job.downloadUrl ? (
          <p>
            {progressText}{' '}
            <a href={job.downloadUrl} download={job.fileName} onClick={download}>
              {t(EM.download(job.fileName ?? ''))}
            </a>
            <br />
            <span className="muted">{t(EM.linkNote)}</span>
          </p>
        ) : null}
      </div>
      {status === 'failed' ? (
        <Alert tone="error" title={t(EM.failed)}>
          {job?.error ? <p>{t(job.error)}</p> : null}
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="error" title={t(EM.failed)}>
          <p>{t(error)}</p>
        </Alert>
      ) : null}
    </div>
  );
}

/** The prefecture-wide answers of one campaign, as Excel and as CSV. */
export function CampaignExports({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  return (
    <section className="card exports" aria-labelledby="campaign-exports-heading">
      <h2 id="campaign-exports-heading">{t(EM.exportsHeading)}</h2>
      <p className="muted">{t(EM.allAnswersHelp)}</p>
      <ExportButton label={EM.allAnswersXlsx} request={{ kind: 'campaign-answers', campaignId, format: 'xlsx' }} />
      <ExportButton label={EM.allAnswersCsv} request={{ kind: 'campaign-answers', campaignId, format: 'csv' }} />
    </section>
  );
}

/** One facility's checklist in the official MHLW layout. */
export function OfficialFormExport({ campaignId, facilityId, form }: { campaignId: string; facilityId: string; form?: Campaign['form'] }) {
  const { t } = useI18n();
  // bcp: the BCP 確認表 is exported on its own layout (項番 | 大項目 | 確認項目), not the checklist's.
  const bcp = form === 'bcp';
  return (
    <section className="card exports" aria-labelledby="official-form-heading">
      <h2 id="official-form-heading">{t(EM.exportsHeading)}</h2>
      <p className="muted">{t(bcp ? BM.officialFormHelp : EM.officialFormHelp)}</p>
      <ExportButton label={bcp ? BM.officialForm : EM.officialForm} request={{ kind: 'facility-official', campaignId, facilityId }} />
    </section>
  );
}
