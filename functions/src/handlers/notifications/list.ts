import { notificationRepositories } from '@mcr/data';
import { notificationsList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { toNotificationView } from '../../services/notifications.ts';

export const handler = defineHandler(notificationsList, async ({ identity, query, repos }) => {
  const r = repos(notificationRepositories);
  const [page, unreadCount] = await Promise.all([r.notifications.page(identity.userId, query), r.notifications.unreadCount(identity.userId)]);
  return { items: page.items.map(toNotificationView), nextCursor: page.nextCursor, unreadCount };
});
