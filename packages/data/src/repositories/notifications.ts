import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import { NotFoundError, VersionConflictError } from '../errors.ts';
import type { TenantScope } from '../keys.ts';
import { queryPage, type Segment } from '../paging.ts';
import type { NotificationDedupeRecord, NotificationPreferencesRecord, NotificationRecord } from '../records.ts';
import { getItem, strip, type TransactItem } from './shared.ts';

/**
 * Notifications (issue 9, docs/decisions/0015-notifications.md): a user's inbox, its exact unread counter, mail
 * preferences, and the once-per-(event, recipient) dedupe items the stream consumer and the scheduler write
 * before they send a mail.
 */

const t = (s: TenantScope) => `T#${s.tenantId}`;

export const notificationKeys = {
  inboxPartition: (s: TenantScope, userId: string) => `${t(s)}#USER#${userId}#INBOX`,
  inbox: (s: TenantScope, userId: string, at: string, notificationId: string) => ({ PK: `${t(s)}#USER#${userId}#INBOX`, SK: `${at}#${notificationId}` }),
  /** Sparse GSI1 entry of an unread notification, removed when it is read (mark-all-read pages through it). */
  unreadIndex: (s: TenantScope, userId: string, at: string, notificationId: string) => ({
    GSI1PK: `${t(s)}#USER#${userId}#UNREAD`,
    GSI1SK: `${at}#${notificationId}`,
  }),
  unreadPartition: (s: TenantScope, userId: string) => `${t(s)}#USER#${userId}#UNREAD`,
  /** The exact number of unread notifications, changed in the same transaction as the inbox items. */
  counter: (s: TenantScope, userId: string) => ({ PK: `${t(s)}#USER#${userId}#INBOX`, SK: 'COUNT' }),
  preferences: (s: TenantScope, userId: string) => ({ PK: `${t(s)}#USER#${userId}`, SK: 'PREFS' }),
  dedupe: (s: TenantScope, eventId: string, userId: string) => ({ PK: `${t(s)}#NOTIF#${eventId}#${userId}`, SK: 'DEDUPE' }),
  /** Sparse GSI1 entry of a dedupe item still `sending` (keyed by its last claim): what a sweep retries. */
  sendingIndex: (s: TenantScope, claimedAt: string, eventId: string, userId: string) => ({
    GSI1PK: `${t(s)}#NOTIF#SENDING`,
    GSI1SK: `${claimedAt}#${eventId}#${userId}`,
  }),
  sendingPartition: (s: TenantScope) => `${t(s)}#NOTIF#SENDING`,
} as const;

/** `<ms since epoch, base 36>-<16 hex of the event and recipient>`: sortable, and it names its inbox key. */
export function notificationIdOf(at: string, eventId: string, userId: string): string {
  const hash = createHash('sha256').update(`${eventId}\u0000${userId}`).digest('hex').slice(0, 16);
  return `${Date.parse(at).toString(36)}-${hash}`;
}

/** The creation time a notification id carries (undefined when it is not one of ours). */
export function notificationTimeOf(notificationId: string): string | undefined {
  const m = /^([0-9a-z]{6,12})-[0-9a-f]{16}$/.exec(notificationId);
  if (!m) return undefined;
  const ms = Number.parseInt(m[1] as string, 36);
  const d = new Date(ms);
  return Number.isFinite(ms) && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
}

/** Dedupe items are kept 400 days (TTL): long enough for every replay and for the yearly rhythm of reminders. */
export const DEDUPE_TTL_SECONDS = 400 * 24 * 3600;
/** Mark-all-read marks at most this many per call (25 per transaction); the answer says how many are left. */
export const MARK_ALL_MAX = 500;

const toNotification = (item: Record<string, unknown>): NotificationRecord => {
  const r = strip<NotificationRecord & { readAt?: string }>(item);
  return { ...r, readAt: r.readAt ?? null };
};

export interface DeliverInput {
  userId: string;
  eventId: string;
  kind: NotificationRecord['kind'];
  title: NotificationRecord['title'];
  body: NotificationRecord['body'];
  link: string | null;
  at: string;
}

export function notificationRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  const unreadOf = async (userId: string): Promise<number> => {
    const res = await db.doc.send(new GetCommand({ TableName: T, Key: notificationKeys.counter(scope, userId), ProjectionExpression: 'unread' }));
    return Math.max(0, Number(res.Item?.unread ?? 0));
  };
  return {
    notifications: {
      unreadCount: unreadOf,
      /** One page of the user's inbox, newest first. */
      async page(userId: string, query: { limit: number; cursor?: string | undefined }): Promise<{ items: NotificationRecord[]; nextCursor: string | null }> {
        const pk = notificationKeys.inboxPartition(scope, userId);
        const segment: Segment = {
          // Inbox keys start with the ISO time ('2…'); the counter's key `COUNT` sorts after them and is left out.
          input: { KeyConditionExpression: 'PK = :pk AND SK < :hi', ExpressionAttributeValues: { ':pk': pk, ':hi': 'A' }, ScanIndexForward: false },
          partition: { attr: 'PK', value: pk },
          keyAttrs: ['PK', 'SK'],
        };
        const page = await queryPage(db, [segment], { limit: query.limit, cursor: query.cursor });
        return { items: page.items.map(toNotification), nextCursor: page.nextCursor };
      },
      async get(userId: string, notificationId: string): Promise<NotificationRecord | undefined> {
        const at = notificationTimeOf(notificationId);
        if (!at) return undefined;
        const item = await getItem<Record<string, unknown>>(db, notificationKeys.inbox(scope, userId, at, notificationId));
        return item ? toNotification(item) : undefined;
      },
      /** Marks one notification read (idempotent); the counter moves in the same transaction. */
      async markRead(userId: string, notificationId: string, now: string): Promise<{ notification: NotificationRecord; unreadCount: number }> {
        const at = notificationTimeOf(notificationId);
        if (!at) throw new NotFoundError('notification');
        const key = notificationKeys.inbox(scope, userId, at, notificationId);
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: T,
                    Key: key,
                    UpdateExpression: 'SET readAt = :now REMOVE GSI1PK, GSI1SK',
                    ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(readAt)',
                    ExpressionAttributeValues: { ':now': now },
                  },
                },
                {
                  Update: {
                    TableName: T,
                    Key: notificationKeys.counter(scope, userId),
                    UpdateExpression: 'ADD unread :minus',
                    ExpressionAttributeValues: { ':minus': -1 },
                  },
                },
              ],
            }),
          );
        } catch (err) {
          if (!(err instanceof TransactionCanceledException) || err.CancellationReasons?.[0]?.Code !== 'ConditionalCheckFailed') throw err;
        }
        const found = await getItem<Record<string, unknown>>(db, key);
        if (!found) throw new NotFoundError('notification');
        return { notification: toNotification(found), unreadCount: await unreadOf(userId) };
      },
      /** Marks the unread notifications read, oldest last, 25 per transaction, at most {@link MARK_ALL_MAX} per call. */
      async markAllRead(userId: string, now: string): Promise<{ marked: number; unreadCount: number }> {
        let marked = 0;
        let ExclusiveStartKey: Record<string, unknown> | undefined;
        while (marked < MARK_ALL_MAX) {
          const page = await db.doc.send(
            new QueryCommand({
              TableName: T,
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': notificationKeys.unreadPartition(scope, userId) },
              ProjectionExpression: 'PK, SK',
              Limit: 25,
              ExclusiveStartKey,
            }),
          );
          const found = page.Items ?? [];
          if (found.length > 0) {
            try {
              await db.doc.send(
                new TransactWriteCommand({
                  TransactItems: [
                    ...found.map(
                      (k): TransactItem => ({
                        Update: {
                          TableName: T,
                          Key: { PK: k.PK, SK: k.SK },
                          UpdateExpression: 'SET readAt = :now REMOVE GSI1PK, GSI1SK',
                          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(readAt)',
                          ExpressionAttributeValues: { ':now': now },
                        },
                      }),
                    ),
                    {
                      Update: {
                        TableName: T,
                        Key: notificationKeys.counter(scope, userId),
                        UpdateExpression: 'ADD unread :minus',
                        ExpressionAttributeValues: { ':minus': -found.length },
                      },
                    },
                  ],
                }),
              );
              marked += found.length;
            } catch (err) {
              // Another call read one of them meanwhile (the index lags the table): read the page again.
              if (!(err instanceof TransactionCanceledException)) throw err;
              ExclusiveStartKey = undefined;
              continue;
            }
          }
          ExclusiveStartKey = page.LastEvaluatedKey;
          if (!ExclusiveStartKey) break;
        }
        return { marked, unreadCount: await unreadOf(userId) };
      },
      /**
       * The once-per-event write: the dedupe item (only if absent), the inbox item and the counter, in one
       * transaction. `created: false` when this (event, recipient) was already handled; `existing` tells how far.
       */
      async deliver(
        input: DeliverInput,
      ): Promise<{ created: true; notificationId: string } | { created: false; existing: NotificationDedupeRecord | undefined }> {
        const notificationId = notificationIdOf(input.at, input.eventId, input.userId);
        const dedupe: NotificationDedupeRecord = {
          eventId: input.eventId,
          userId: input.userId,
          notificationId,
          kind: input.kind,
          state: 'sending',
          attempts: 1,
          createdAt: input.at,
          updatedAt: input.at,
        };
        const expiresAt = Math.floor(Date.parse(input.at) / 1000) + DEDUPE_TTL_SECONDS;
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: T,
                    Item: {
                      ...notificationKeys.dedupe(scope, input.eventId, input.userId),
                      ...notificationKeys.sendingIndex(scope, input.at, input.eventId, input.userId),
                      type: 'NotificationDedupe',
                      ...dedupe,
                      expiresAt,
                    },
                    ConditionExpression: 'attribute_not_exists(PK)',
                  },
                },
                {
                  Put: {
                    TableName: T,
                    Item: {
                      ...notificationKeys.inbox(scope, input.userId, input.at, notificationId),
                      ...notificationKeys.unreadIndex(scope, input.userId, input.at, notificationId),
                      type: 'Notification',
                      notificationId,
                      userId: input.userId,
                      kind: input.kind,
                      eventId: input.eventId,
                      title: input.title,
                      body: input.body,
                      link: input.link,
                      createdAt: input.at,
                    },
                    ConditionExpression: 'attribute_not_exists(PK)',
                  },
                },
                {
                  Update: {
                    TableName: T,
                    Key: notificationKeys.counter(scope, input.userId),
                    UpdateExpression: 'ADD unread :one SET #type = :type',
                    ExpressionAttributeNames: { '#type': 'type' },
                    ExpressionAttributeValues: { ':one': 1, ':type': 'NotificationCounter' },
                  },
                },
              ],
            }),
          );
          return { created: true, notificationId };
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
            const existing = await getItem<NotificationDedupeRecord>(db, notificationKeys.dedupe(scope, input.eventId, input.userId));
            return { created: false, existing };
          }
          throw err;
        }
      },
      /**
       * Takes over a dedupe item left in `sending` (the mail may not have gone out): succeeds for one caller only,
       * the one that read `attempts` last.
       */
      async claimRetry(eventId: string, userId: string, attempts: number, now: string): Promise<boolean> {
        try {
          await db.doc.send(
            new UpdateCommand({
              TableName: T,
              Key: notificationKeys.dedupe(scope, eventId, userId),
              UpdateExpression: 'SET attempts = :next, updatedAt = :now, GSI1PK = :gpk, GSI1SK = :gsk',
              ConditionExpression: '#state = :sending AND attempts = :attempts',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: {
                ':next': attempts + 1,
                ':now': now,
                ':sending': 'sending',
                ':attempts': attempts,
                ':gpk': notificationKeys.sendingPartition(scope),
                ':gsk': notificationKeys.sendingIndex(scope, now, eventId, userId).GSI1SK,
              },
            }),
          );
          return true;
        } catch (err) {
          if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return false;
          throw err;
        }
      },
      async finish(eventId: string, userId: string, state: 'sent' | 'skipped', now: string): Promise<void> {
        await db.doc.send(
          new UpdateCommand({
            TableName: T,
            Key: notificationKeys.dedupe(scope, eventId, userId),
            UpdateExpression: 'SET #state = :state, updatedAt = :now REMOVE GSI1PK, GSI1SK',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':state': state, ':now': now },
          }),
        );
      },
      /**
       * Dedupe items still `sending` whose last claim is older than `olderThan` (ISO), oldest first, one page of at
       * most `limit`: the mails a sweep may retry (claimRetry first, so that only one sweeper sends each).
       */
      async stuckSending(olderThan: string, limit: number): Promise<NotificationDedupeRecord[]> {
        const res = await db.doc.send(
          new QueryCommand({
            TableName: T,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :before',
            ExpressionAttributeValues: { ':pk': notificationKeys.sendingPartition(scope), ':before': olderThan },
            Limit: limit,
          }),
        );
        return (res.Items ?? []).map((i) => strip<NotificationDedupeRecord>(i)).filter((d) => d.state === 'sending');
      },
      dedupe: (eventId: string, userId: string) => getItem<NotificationDedupeRecord>(db, notificationKeys.dedupe(scope, eventId, userId)),
    },
    preferences: {
      get: (userId: string) => getItem<NotificationPreferencesRecord>(db, notificationKeys.preferences(scope, userId)),
      /** Writes the preferences at `expectedVersion` (0: never saved); a stale version gets a 409. */
      async put(record: Omit<NotificationPreferencesRecord, 'version'>, expectedVersion: number): Promise<NotificationPreferencesRecord> {
        const next: NotificationPreferencesRecord = { ...record, version: expectedVersion + 1 };
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: T,
                    Item: { ...notificationKeys.preferences(scope, record.userId), type: 'NotificationPreferences', ...next },
                    ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
                    ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
                  },
                },
              ],
            }),
          );
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
            const current = await getItem<NotificationPreferencesRecord>(db, notificationKeys.preferences(scope, record.userId));
            throw new VersionConflictError('preferences', current?.version ?? 0);
          }
          throw err;
        }
        return next;
      },
    },
  };
}
