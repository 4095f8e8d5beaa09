import { notificationRepositories } from '@mcr/data';
import { notificationsMarkAllRead } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';

export const handler = defineHandler(notificationsMarkAllRead, async ({ identity, repos }) =>
  repos(notificationRepositories).notifications.markAllRead(identity.userId, new Date().toISOString()),
);
