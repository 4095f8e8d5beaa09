import { notificationRepositories } from '@mcr/data';
import { notificationsMarkRead } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { toNotificationView } from '../../services/notifications.ts';

// The inbox is the caller's own: the key is built from the verified user id, so another's notification is a 404.
export const handler = defineHandler(notificationsMarkRead, async ({ identity, params, repos }) => {
  const r = await repos(notificationRepositories).notifications.markRead(identity.userId, params.notificationId, new Date().toISOString());
  return { notification: toNotificationView(r.notification), unreadCount: r.unreadCount };
});
