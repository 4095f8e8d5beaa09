import { reminderSettingsRepositories } from '@mcr/data';
import { reminderSettingsPut } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { putReminderSettings } from '../../services/reminder-settings.ts';

export const handler = defineHandler(reminderSettingsPut, async ({ identity, body, repos, requestId }) =>
  putReminderSettings(repos(reminderSettingsRepositories), identity, requestId, body),
);
