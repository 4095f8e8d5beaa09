import type { PutReminderSettingsBody, ReminderSettings } from '@mcr/contract';
import type { ReminderSettingsRecord, Repositories } from '@mcr/data';
import type { Identity } from '../pipeline/auth.ts';
import { ValidationError } from '../pipeline/errors.ts';
import { DEFAULT_RHYTHM } from '../scheduled/reminders.ts';
import { actorOf } from './access.ts';

/** The prefecture's rhythm as the API shows it: its saved one, or the default (version 0). */
export function toReminderSettings(r: ReminderSettingsRecord | undefined): ReminderSettings {
  if (!r) return { ...DEFAULT_RHYTHM, daysBefore: [...DEFAULT_RHYTHM.daysBefore], isDefault: true, version: 0, updatedAt: null };
  return {
    daysBefore: r.daysBefore,
    onTheDay: r.onTheDay,
    overdueEveryDays: r.overdueEveryDays,
    overdueForDays: r.overdueForDays,
    isDefault: false,
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

export async function getReminderSettings(repos: Pick<Repositories, 'reminderSettings'>): Promise<ReminderSettings> {
  return toReminderSettings(await repos.reminderSettings.get());
}

/** Saves the rhythm (days before sorted, latest first); overdue reminders need a period to repeat within. */
export async function putReminderSettings(
  repos: Pick<Repositories, 'reminderSettings'>,
  identity: Identity,
  requestId: string,
  body: PutReminderSettingsBody,
): Promise<ReminderSettings> {
  if (body.overdueEveryDays > 0 && body.overdueForDays < body.overdueEveryDays) {
    throw new ValidationError([
      {
        field: 'body.overdueForDays',
        code: 'too_small',
        message: {
          ja: '期限後に送る期間は、送る間隔 (日) 以上にしてください',
          en: 'The overdue period must be at least the interval between overdue reminders',
        },
      },
    ]);
  }
  const saved = await repos.reminderSettings.put(
    {
      daysBefore: [...body.daysBefore].sort((a, b) => b - a),
      onTheDay: body.onTheDay,
      overdueEveryDays: body.overdueEveryDays,
      overdueForDays: body.overdueEveryDays === 0 ? 0 : body.overdueForDays,
      updatedAt: new Date().toISOString(),
    },
    body.expectedVersion,
    actorOf(identity, requestId),
  );
  return toReminderSettings(saved);
}
