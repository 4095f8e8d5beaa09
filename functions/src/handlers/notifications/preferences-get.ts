import { notificationRepositories } from '@mcr/data';
import { preferencesGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { toPreferences } from '../../services/notifications.ts';

export const handler = defineHandler(preferencesGet, async ({ identity, repos }) =>
  toPreferences(await repos(notificationRepositories).preferences.get(identity.userId)),
);
