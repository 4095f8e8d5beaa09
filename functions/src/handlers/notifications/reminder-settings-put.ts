import { defineHandler } from '../../pipeline/define-handler.ts';
import { putReminderSettings } from '../../services/reminder-settings.ts';

export const handler = defineHandler('reminderSettings.put', async ({ identity, body, repos, requestId }) =>
  putReminderSettings(repos(), identity, requestId, body),
);
