import { routes } from '@mcr/contract';
import { useQuery } from '@tanstack/react-query';
import { paths } from '../../app/paths.ts';
import { Link, usePath } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { callRoute } from '../../lib/api-client.ts';
import { apiQueryKey, type RouteData } from '../../lib/use-api.ts';
import { NM } from './messages.ts';
import './notifications.css';

/** How often the unread count is asked for while the app is open (it is also asked for on focus and after each write). */
const POLL_MS = 60_000;
const QUERY = { limit: 1 } as const;

/** The number of unread notifications, from the inbox's first (one-item) page: the server counts them exactly. */
export function useUnreadCount(): number | undefined {
  const q = useQuery({
    queryKey: apiQueryKey('notifications.list', undefined, QUERY),
    queryFn: ({ signal }) =>
      callRoute(routes['notifications.list'], { signal, query: { limit: String(QUERY.limit) } }) as Promise<RouteData<'notifications.list'>>,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    // A failed count (e.g. the stack restarting) leaves the bell without a number rather than an error on every page.
    retry: false,
  });
  return q.data?.unreadCount;
}

/** 「お知らせ」 in the header: opens the inbox; its accessible name carries the unread count (「お知らせ 未読 3 件」). */
export function NotificationBell() {
  const { t, lang } = useI18n();
  const path = usePath();
  const unread = useUnreadCount();
  const here = path === paths.notifications();
  return (
    <Link to={paths.notifications()} className={`bell${unread ? ' has-unread' : ''}`} aria-current={here ? 'page' : undefined} data-testid="notification-bell">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {/* The name is the visible text plus hidden words (「お知らせ 未読 3 件」), so what is seen is part of what is heard. */}
      <span className="bell-text">{t(NM.bell)}</span>
      {unread ? (
        <>
          <span className="sr-only">{lang === 'ja' ? ' 未読 ' : ', '}</span>
          <span className="bell-count">{unread > 99 ? '99+' : unread}</span>
          <span className="sr-only">{lang === 'ja' ? ' 件' : ' unread'}</span>
        </>
      ) : unread === 0 ? (
        <span className="sr-only">{lang === 'ja' ? ' 未読なし' : ', none unread'}</span>
      ) : null}
    </Link>
  );
}
