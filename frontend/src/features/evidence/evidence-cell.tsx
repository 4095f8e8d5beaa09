import { EVIDENCE_PER_CELL, type Evidence, routes } from '@mcr/contract';
import { type ChangeEvent, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { acceptFor, fileErrorOf, UPLOAD_TEXT, uploadFile } from '../../lib/upload.ts';
import { EM } from './evidence-messages.ts';
import { formatBytes, openShortLived } from './open-link.ts';
import { useRefreshEvidence } from './side-queries.ts';
import './evidence.css';

const ACCEPT = acceptFor('evidence');

interface Props {
  campaignId: string;
  facilityId: string;
  /** `<itemId>:<deviceClass>` */
  cell: string;
  /** The cell's name for screen readers, e.g. 「2(3) サーバ」. */
  cellName: string;
  files: Evidence[];
  canAttach: boolean;
  canRemove: boolean;
}

function errorText(err: unknown): Localized {
  return fileErrorOf(err) ?? (err instanceof ApiError ? err.text : M.unexpected);
}

function EvidenceFile({
  f,
  campaignId,
  facilityId,
  canRemove,
  onRemove,
}: {
  f: Evidence;
  campaignId: string;
  facilityId: string;
  canRemove: boolean;
  onRemove(): void;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Localized | undefined>();
  const name = f.title || f.fileName;
  const open = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const link = await callRoute(routes['evidence.link'], { params: { campaignId, facilityId, evidenceId: f.evidenceId } });
      openShortLived(link.url);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li data-testid={`evidence-file-${f.evidenceId}`}>
      <button type="button" className="button link small evidence-name" aria-label={t(EM.open(name))} disabled={busy} onClick={() => void open()}>
        {busy ? t(EM.opening) : name}
      </button>
      <span className="muted evidence-meta">
        {formatBytes(f.size)}・{t(EM.uploadedBy(f.uploadedByName, formatDateTime(f.uploadedAt, lang)))}
      </span>
      {canRemove ? (
        <button type="button" className="button link small danger-text" aria-label={t(EM.removeFor(name))} onClick={onRemove}>
          {t(EM.remove)}
        </button>
      ) : null}
      {error ? (
        <span className="field-error" role="alert">
          {t(error)}
        </span>
      ) : null}
    </li>
  );
}

/**
 * The evidence files of one answer cell: open (a fresh short-lived link), attach (the shared upload pipeline: the
 * file goes to S3 and the server checks it before it counts), remove (hidden, kept; asked first).
 */
export function EvidenceCell({ campaignId, facilityId, cell, cellName, files, canAttach, canRemove }: Props) {
  const { t } = useI18n();
  const [status, setStatus] = useState<{ tone: 'busy' | 'ok' | 'error'; text: Localized } | undefined>();
  const [removing, setRemoving] = useState<Evidence | undefined>();
  const [removeBusy, setRemoveBusy] = useState(false);
  const refresh = useRefreshEvidence(campaignId, facilityId);
  if (files.length === 0 && !canAttach) return null;
  const inputId = `evidence-${cell.replace(/[^a-z0-9-]/gi, '-')}`;

  const attach = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setStatus({ tone: 'busy', text: EM.uploading(file.name) });
    try {
      const uploaded = await uploadFile(file, 'evidence', {
        onStage: (stage) => setStatus({ tone: 'busy', text: stage === 'hashing' ? UPLOAD_TEXT.hashing : UPLOAD_TEXT.sending }),
      });
      setStatus({ tone: 'busy', text: UPLOAD_TEXT.verifying });
      await callRoute(routes['evidence.create'], { params: { campaignId, facilityId }, body: { uploadId: uploaded.uploadId, cell } });
      await refresh();
      setStatus({ tone: 'ok', text: EM.attached(file.name) });
    } catch (err) {
      setStatus({ tone: 'error', text: errorText(err) });
    }
  };

  const remove = async () => {
    if (!removing) return;
    setRemoveBusy(true);
    try {
      await callRoute(routes['evidence.remove'], { params: { campaignId, facilityId, evidenceId: removing.evidenceId } });
      await refresh();
      setStatus({ tone: 'ok', text: EM.removed(removing.title || removing.fileName) });
    } catch (err) {
      setStatus({ tone: 'error', text: errorText(err) });
    } finally {
      setRemoveBusy(false);
      setRemoving(undefined);
    }
  };

  return (
    <div className="evidence" data-testid={`evidence-${cell}`}>
      {files.length > 0 ? (
        <>
          <p className="evidence-title">{t(EM.title)}</p>
          <ul className="evidence-list">
            {files.map((f) => (
              <EvidenceFile key={f.evidenceId} f={f} campaignId={campaignId} facilityId={facilityId} canRemove={canRemove} onRemove={() => setRemoving(f)} />
            ))}
          </ul>
        </>
      ) : null}
      {canAttach && files.length >= EVIDENCE_PER_CELL ? <p className="muted evidence-status">{t(EM.full(EVIDENCE_PER_CELL))}</p> : null}
      {canAttach && files.length < EVIDENCE_PER_CELL ? (
        <label className="evidence-attach button link small" htmlFor={inputId}>
          <input
            id={inputId}
            type="file"
            className="sr-only"
            accept={ACCEPT}
            aria-label={t(EM.attachFor(cellName))}
            disabled={status?.tone === 'busy'}
            onChange={(e) => void attach(e)}
          />
          <span aria-hidden="true">＋ </span>
          {t(EM.attach)}
        </label>
      ) : null}
      {status ? (
        <p className={status.tone === 'error' ? 'field-error' : 'muted evidence-status'} role={status.tone === 'error' ? 'alert' : 'status'}>
          {t(status.text)}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ConfirmDialog
          open={removing !== undefined}
          id={`${inputId}-remove`}
          title={t(EM.removeTitle)}
          confirmText={t(EM.remove)}
          busy={removeBusy}
          danger
          onConfirm={() => void remove()}
          onClose={() => setRemoving(undefined)}
        >
          <p>{removing ? t(EM.removeBody(removing.title || removing.fileName)) : null}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
