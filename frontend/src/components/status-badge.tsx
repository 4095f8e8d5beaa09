import type { ResponseStatus } from '@mcr/contract';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';

export function StatusBadge({ status }: { status: ResponseStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t(M.status[status])}</span>;
}
