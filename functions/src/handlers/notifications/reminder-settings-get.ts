import { defineHandler } from '../../pipeline/define-handler.ts';
import { getReminderSettings } from '../../services/reminder-settings.ts';

export const handler = defineHandler('reminderSettings.get', async ({ repos }) => getReminderSettings(repos()));
