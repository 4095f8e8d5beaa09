import { type PutPreferencesBody, routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** POST /api/my/notifications/{notificationId}/read: marks one of my notifications read; answers the new unread count. */
export function markNotificationRead(notificationId: string) {
  return callRoute(routes['notifications.markRead'], { params: { notificationId } });
}

/** POST /api/my/notifications/read: marks every notification of mine read. */
export function markAllNotificationsRead() {
  return callRoute(routes['notifications.markAllRead'], {});
}

/** PUT /api/my/preferences: language and optional kinds; 409 when `expectedVersion` is stale, 400 for a mandatory kind turned off. */
export function putPreferences(body: PutPreferencesBody) {
  return callRoute(routes['preferences.put'], { body });
}

/** POST /api/users/{userId}/invitation: a new temporary password and invitation mail; 409 once the user has signed in. */
export function resendInvitation(userId: string) {
  return callRoute(routes['users.resendInvite'], { params: { userId } });
}
