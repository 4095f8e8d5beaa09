import { notificationRepositories } from '@mcr/data';
import { preferencesPut } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { putPreferences } from '../../services/notifications.ts';

export const handler = defineHandler(preferencesPut, async ({ identity, body, repos }) => putPreferences(repos(notificationRepositories), identity, body));
