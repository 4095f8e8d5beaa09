import { notificationsMarkAllRead } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';

export const handler = defineHandler(notificationsMarkAllRead, async ({ identity, repos }) =>
  repos().notifications.markAllRead(identity.userId, new Date().toISOString()),
);
