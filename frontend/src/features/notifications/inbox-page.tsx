import type { Notification } from '@mcr/contract';
import { type MouseEvent, useMemo, useState } from 'react';
import { markAllNotificationsRead, markNotificationRead } from '../../api/notifications.ts';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link, navigate } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { type Localized, shownLang, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import { NM } from './messages.ts';
import './notifications.css';

const PAGE = 20;

/** A link inside the app only (`/campaigns/…`); anything else (another site, `//host`) is not followed. */
function appPath(link: string | null): string | null {
  return link?.startsWith('/') && !link.startsWith('//') ? link : null;
}

function Item({ n, onRead, onFailed }: { n: Notification; onRead(n: Notification): void; onFailed(text: Localized): void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const unread = n.readAt === null;
  const title = t(n.title);
  const to = appPath(n.link);
  const mark = async (): Promise<boolean> => {
    setBusy(true);
    try {
      const r = await markNotificationRead(n.notificationId);
      onRead(r.notification);
      return true;
    } catch (err) {
      onFailed(err instanceof ApiError ? err.text : M.unexpected);
      return false;
    } finally {
      setBusy(false);
    }
  };
  // Opening an unread notification marks it read first, then goes to its page.
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!unread || !to || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    void mark().then(() => navigate(to));
  };
  return (
    <li className={`inbox-item ${unread ? 'is-unread' : 'is-read'}`} data-testid={`notification-${n.notificationId}`} data-kind={n.kind}>
      <div>
        <h3 lang={shownLang(n.title, lang)}>
          {unread ? <span className="badge unread-badge">{t(NM.unread)}</span> : <span className="sr-only">{t(NM.read)}</span>}
          {to ? (
            <Link to={to} onClick={open}>
              {title}
            </Link>
          ) : (
            <span>{title}</span>
          )}
        </h3>
        <p className="inbox-body" lang={shownLang(n.body, lang)}>
          {t(n.body)}
        </p>
        <p className="inbox-meta">
          <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, lang)}</time>
        </p>
      </div>
      <div className="inbox-actions">
        {unread ? (
          <button type="button" className="button small secondary" disabled={busy} aria-label={t(NM.markReadFor(title))} onClick={() => void mark()}>
            {t(NM.markRead)}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** 「お知らせ」: my notifications, newest first, unread marked; opening one marks it read. */
export function InboxPage() {
  const { t } = useI18n();
  const list = usePagedQuery('notifications.list', { query: { limit: PAGE } });
  // Read in place until the list reloads: the focus and the pages stay where they are.
  const [readNow, setReadNow] = useState<Record<string, Notification>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: Localized } | undefined>();
  const [marking, setMarking] = useState(false);
  const rows = useMemo(() => list.items.map((n) => readNow[n.notificationId] ?? n), [list.items, readNow]);
  const unread = list.pages[0]?.unreadCount;

  const markAll = async () => {
    setMarking(true);
    setMessage(undefined);
    try {
      const r = await markAllNotificationsRead();
      const at = new Date().toISOString();
      setReadNow(Object.fromEntries(rows.map((n) => [n.notificationId, n.readAt ? n : { ...n, readAt: at }])));
      setMessage({ tone: 'success', text: NM.markedAll(r.marked) });
    } catch (err) {
      setMessage({ tone: 'error', text: err instanceof ApiError ? err.text : M.unexpected });
    } finally {
      setMarking(false);
    }
  };

  return (
    <Page
      title={t(NM.inboxTitle)}
      lead={t(NM.inboxLead)}
      actions={
        <Link to={paths.mailSettings()} className="button secondary">
          {t(NM.settingsLink)}
        </Link>
      }
    >
      {message ? (
        <Alert tone={message.tone} title={message.tone === 'error' ? t(NM.failed) : undefined}>
          <p>{t(message.text)}</p>
        </Alert>
      ) : null}
      <section className="card flush" aria-labelledby="inbox-heading">
        <div className="pad inbox-summary">
          <h2 id="inbox-heading" className="sr-only">
            {t(NM.listLabel)}
          </h2>
          <p role="status" data-testid="inbox-unread">
            {unread === undefined ? '' : unread > 0 ? t(NM.unreadSummary(unread)) : t(NM.allRead)}
          </p>
          <button type="button" className="button secondary" disabled={marking || !unread} onClick={() => void markAll()}>
            {marking ? t(M.working) : t(NM.markAll)}
          </button>
        </div>
        {list.isPending ? (
          <div className="pad">
            <Loading />
          </div>
        ) : null}
        {list.isError ? (
          <div className="pad">
            <LoadError error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : null}
        {!list.isPending && rows.length === 0 && !list.isError ? <p className="pad">{t(NM.empty)}</p> : null}
        {rows.length > 0 ? (
          <ul className="inbox-list" aria-label={t(NM.listLabel)} aria-busy={list.isFetching}>
            {rows.map((n) => (
              <Item
                key={n.notificationId}
                n={n}
                onRead={(next) => setReadNow((r) => ({ ...r, [next.notificationId]: next }))}
                onFailed={(text) => setMessage({ tone: 'error', text })}
              />
            ))}
          </ul>
        ) : null}
        {rows.length > 0 ? <p className="pad muted small-text">{t(NM.shown(rows.length))}</p> : null}
        {list.hasNextPage ? (
          <p className="pad">
            <button type="button" className="button secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? t(M.loadingMore) : t(NM.more)}
            </button>
          </p>
        ) : null}
      </section>
    </Page>
  );
}
