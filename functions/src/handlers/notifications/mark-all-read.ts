import { defineHandler } from '../../pipeline/define-handler.ts';

export const handler = defineHandler('notifications.markAllRead', async ({ identity, repos }) =>
  repos().notifications.markAllRead(identity.userId, new Date().toISOString()),
);
