import { reminderSettingsRepositories } from '@mcr/data';
import { reminderSettingsGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { getReminderSettings } from '../../services/reminder-settings.ts';

export const handler = defineHandler(reminderSettingsGet, async ({ repos }) => getReminderSettings(repos(reminderSettingsRepositories)));
