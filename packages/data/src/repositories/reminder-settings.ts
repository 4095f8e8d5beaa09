import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import { VersionConflictError } from '../errors.ts';
import type { TenantScope } from '../keys.ts';
import type { Actor } from '../records.ts';
import { auditItem, getItem } from './shared.ts';

/**
 * The prefecture's rhythm of deadline reminders (issue 9): on which days before a campaign's deadline the
 * facilities not yet submitted are mailed, whether on the day, and how often (and how long) while overdue. One
 * small item per tenant; absent until the prefecture first saves it (the scheduled run then uses the default).
 */
export interface ReminderSettingsRecord {
  daysBefore: number[];
  onTheDay: boolean;
  overdueEveryDays: number;
  overdueForDays: number;
  version: number;
  updatedAt: string;
}

export const reminderSettingsKey = (s: TenantScope) => ({ PK: `T#${s.tenantId}#SETTINGS`, SK: 'REMINDERS' });

export function reminderSettingsRepositories(db: Db, scope: TenantScope) {
  return {
    reminderSettings: {
      get: () => getItem<ReminderSettingsRecord>(db, reminderSettingsKey(scope)),
      /** Saves at `expectedVersion` (0: never saved) with its audit entry in the same transaction; stale → 409. */
      async put(settings: Omit<ReminderSettingsRecord, 'version'>, expectedVersion: number, actor: Actor): Promise<ReminderSettingsRecord> {
        const next: ReminderSettingsRecord = { ...settings, version: expectedVersion + 1 };
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: db.tableName,
                    Item: { ...reminderSettingsKey(scope), type: 'ReminderSettings', ...next },
                    ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
                    ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
                  },
                },
                auditItem(db, scope, actor, {
                  action: 'reminders.settings',
                  target: 'settings/reminders',
                  orgId: actor.orgId,
                  changes: {
                    daysBefore: next.daysBefore,
                    onTheDay: next.onTheDay,
                    overdueEveryDays: next.overdueEveryDays,
                    overdueForDays: next.overdueForDays,
                  },
                }),
              ],
            }),
          );
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
            const current = await getItem<ReminderSettingsRecord>(db, reminderSettingsKey(scope));
            throw new VersionConflictError('reminderSettings', current?.version ?? 0);
          }
          throw err;
        }
        return next;
      },
    },
  };
}
