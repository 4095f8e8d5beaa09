import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import { ApiError } from '../lib/api-client.ts';

export function Alert({
  tone,
  title,
  children,
  live = true,
}: {
  tone: 'error' | 'warning' | 'info' | 'success';
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean;
}) {
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`alert alert-${tone}`} role={role}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t(M.loading)}
    </p>
  );
}

/** A failed load in plain words, with the request id people can quote to the help desk, and a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = error instanceof ApiError ? t(error.text) : t(M.unexpected);
  return (
    <Alert tone="error" title={text}>
      {error instanceof ApiError && error.requestId ? (
        <p className="muted">
          {t(M.requestId)}: <code>{error.requestId}</code>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t(M.retry)}
        </button>
      ) : null}
    </Alert>
  );
}
