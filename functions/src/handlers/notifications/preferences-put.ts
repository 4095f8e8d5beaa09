import { defineHandler } from '../../pipeline/define-handler.ts';
import { putPreferences } from '../../services/notifications.ts';

export const handler = defineHandler('preferences.put', async ({ identity, body, repos }) => putPreferences(repos(), identity, body));
