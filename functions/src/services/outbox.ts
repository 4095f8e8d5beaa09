import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalizedText, NotificationKind } from '@mcr/contract';
import {
  type Db,
  type MembershipRecord,
  notificationKeys,
  notificationRepositories,
  organisationRepositories,
  type Repositories,
  repositoriesOf,
  type TenantScope,
} from '@mcr/data';
import { env } from '../pipeline/env.ts';
import { sendMail } from './mail.ts';
import { wantsMail } from './notifications.ts';

/**
 * The outbox's delivery step (docs/decisions/0015-notifications.md), shared by the stream consumer and the
 * scheduled reminders. Per recipient, once per (event id, user id):
 *  1. the recipient is read from the membership record (active users only; the address is the verified one the
 *     user signs in with, never one from a request);
 *  2. the dedupe item (conditional put, `attribute_not_exists`), the inbox item and the unread counter are written
 *     in ONE transaction, BEFORE the mail — a second delivery of the same event finds the dedupe item and stops;
 *  3. the mail goes to SES unless the user turned that optional kind off (the inbox keeps it anyway);
 *  4. the dedupe item is marked `sent` (or `skipped`).
 * A send that fails makes its claim stale at once (so the retried batch sends it); a process that dies between
 * SES's answer and step 4 leaves `sending`, which is re-attempted only when the same event is seen again after
 * {@link SENDING_STALE_MS}: at-least-once in that narrow window, at-most-once otherwise.
 */

/** A `sending` claim older than this may be taken over by a later delivery of the same event. */
export const SENDING_STALE_MS = 10 * 60_000;

export interface NotificationContent {
  /** The inbox title and the mail subject. */
  title: LocalizedText;
  /** The inbox text and the mail's first paragraph. */
  body: LocalizedText;
  /** A path in the app (`/campaigns/…`), or null; the mail shows it as a full URL (APP_URL). */
  link: string | null;
  /** Further lines of the mail only (e.g. each returned item with its comment). */
  details?: { ja: string[]; en: string[] };
}

export interface NotificationEvent {
  /** Names the cause, the same on every retry or replay (`resp:<c>:<f>:returned:v7`, `deadline:<c>:<f>:<date>:<step>`). */
  eventId: string;
  kind: NotificationKind;
  userIds: readonly string[];
  /** The content, possibly per recipient (it never carries another tenant's data: it is built from this tenant's records). */
  content: NotificationContent | ((member: MembershipRecord) => NotificationContent);
}

export interface NotifyOutcome {
  /** Mails handed to SES by this call. */
  sent: number;
  /** Inbox items written whose mail the user's preferences turned off. */
  skipped: number;
  /** Recipients this event had already reached (a retry or a replay). */
  duplicate: number;
  /** Recipients without an active membership. */
  unknown: number;
  failed: number;
}

/** The mail text: the user's language first, the other one second, and the page to open. */
export function renderMail(content: NotificationContent, language: 'ja' | 'en', tenantName: LocalizedText): { subject: string; text: string } {
  const url = content.link ? `${env().APP_URL.replace(/\/$/, '')}${content.link}` : env().APP_URL;
  const block = (lang: 'ja' | 'en') => [
    ...(lang === 'ja' ? [content.title.ja, '', content.body.ja] : [content.title.en, '', content.body.en]),
    ...((content.details?.[lang].length ?? 0) > 0 ? ['', ...(content.details?.[lang] ?? [])] : []),
    '',
    lang === 'ja' ? `詳しくはこちら: ${url}` : `Open: ${url}`,
  ];
  const first = language;
  const second = language === 'ja' ? 'en' : 'ja';
  const subject =
    language === 'en'
      ? `[${tenantName.en || tenantName.ja}] ${content.title.en} / ${content.title.ja}`
      : `【${tenantName.ja}】${content.title.ja} / ${content.title.en}`;
  const footer =
    language === 'en'
      ? 'You can choose which optional notices are mailed to you in the app (Mail settings).'
      : 'メールで受け取るお知らせは、システムの「メール設定」で選べます。';
  return { subject, text: [...block(first), '', '---', ...block(second), '', '---', footer].join('\n') };
}

/** Makes a failed send's claim stale at once, so the next delivery of the event (a retried batch) sends it. */
async function releaseClaim(db: Db, scope: TenantScope, eventId: string, userId: string, attempts: number): Promise<void> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: notificationKeys.dedupe(scope, eventId, userId),
        UpdateExpression: 'SET updatedAt = :epoch',
        ConditionExpression: '#state = :sending AND attempts = :attempts',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':epoch': '1970-01-01T00:00:00.000Z', ':sending': 'sending', ':attempts': attempts },
      }),
    );
  } catch (err) {
    if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
  }
}

/** The groups the outbox reads and writes (`organisationRepositories` and `notificationRepositories` give them). */
export type OutboxRepositories = Pick<Repositories, 'tenant' | 'memberships' | 'notifications' | 'preferences'>;

export interface OutboxDeps {
  db: Db;
  scope: TenantScope;
  repos: OutboxRepositories;
}

/**
 * Delivers one event to its recipients (at most 8 at a time). Throws after trying every recipient if a send
 * failed, so that the caller's batch is retried; recipients already reached are not sent twice.
 */
export async function notify(deps: OutboxDeps, event: NotificationEvent, now: Date = new Date()): Promise<NotifyOutcome> {
  const { repos } = deps;
  const outcome: NotifyOutcome = { sent: 0, skipped: 0, duplicate: 0, unknown: 0, failed: 0 };
  let tenantName: Promise<LocalizedText> | undefined;
  const nameOfTenant = () => {
    tenantName ??= repos.tenant.get().then((t) => ({ ja: t?.name ?? '', en: t?.nameEn || t?.name || '' }));
    return tenantName;
  };
  const errors: string[] = [];
  const one = async (userId: string) => {
    const member = await repos.memberships.get(userId);
    if (member?.status !== 'active') {
      outcome.unknown++;
      return;
    }
    const content = typeof event.content === 'function' ? event.content(member) : event.content;
    const at = now.toISOString();
    const delivered = await repos.notifications.deliver({
      userId,
      eventId: event.eventId,
      kind: event.kind,
      title: content.title,
      body: content.body,
      link: content.link,
      at,
    });
    let attempts = 1;
    if (!delivered.created) {
      const existing = delivered.existing;
      const stale = existing?.state === 'sending' && now.getTime() - Date.parse(existing.updatedAt) > SENDING_STALE_MS;
      if (!existing || !stale || !(await repos.notifications.claimRetry(event.eventId, userId, existing.attempts, at))) {
        outcome.duplicate++;
        return;
      }
      attempts = existing.attempts + 1;
    }
    const prefs = await repos.preferences.get(userId);
    if (!wantsMail(prefs, event.kind)) {
      await repos.notifications.finish(event.eventId, userId, 'skipped', at);
      outcome.skipped++;
      return;
    }
    const mail = renderMail(content, prefs?.language ?? 'ja', await nameOfTenant());
    try {
      await sendMail(member.email, mail.subject, mail.text);
    } catch (err) {
      outcome.failed++;
      errors.push(`${userId}: ${err instanceof Error ? err.message : String(err)}`);
      await releaseClaim(deps.db, deps.scope, event.eventId, userId, attempts);
      return;
    }
    await repos.notifications.finish(event.eventId, userId, 'sent', new Date().toISOString());
    outcome.sent++;
  };
  const ids = [...new Set(event.userIds)];
  for (let i = 0; i < ids.length; i += 8) await Promise.all(ids.slice(i, i + 8).map(one));
  if (errors.length > 0) throw new Error(`notification ${event.eventId}: ${errors.length} mail(s) failed: ${errors.slice(0, 3).join('; ')}`);
  return outcome;
}

/** Active members of one organisation with one of these roles (facility admins of a facility, a vendor's users). */
export async function membersOf(
  repos: Pick<Repositories, 'memberships'>,
  orgId: string,
  roles: readonly MembershipRecord['role'][],
): Promise<MembershipRecord[]> {
  const all = await repos.memberships.list(orgId);
  return all.filter((m) => m.status === 'active' && roles.includes(m.role));
}

/** What the stream consumer resolved one noted event into: its kind, who gets it and what it says. */
export interface ResolvedEvent {
  kind: NotificationKind;
  recipients: readonly MembershipRecord[];
  content: NotificationContent;
}

/** Counts of one batch's deliveries (returned by the stream consumer for its log line and the tests). */
export interface DeliveryResult {
  events: number;
  sent: number;
  skipped: number;
  duplicate: number;
  failed: number;
}

/**
 * The stream consumer's delivery loop, shared by every kind of noted event (reviews, trainings, vendor forms,
 * incident reports): resolve each event (a few reads), hand it to the outbox, and count. A failed mail is logged
 * and counted, never thrown: the event source retries a batch forever, and one bad address must not stop the
 * read models. `notify` tried every recipient first; the failed ones stay `sending` with their claim released.
 */
export async function deliverEvents<P extends { scope: TenantScope; eventId: string }>(
  db: Db,
  pending: readonly P[],
  resolve: (p: P) => Promise<ResolvedEvent | null>,
  failureMessage: string,
  now?: Date,
): Promise<DeliveryResult | null> {
  if (pending.length === 0) return null;
  const result: DeliveryResult = { events: 0, sent: 0, skipped: 0, duplicate: 0, failed: 0 };
  for (const p of pending) {
    const e = await resolve(p);
    if (!e || e.recipients.length === 0) continue;
    result.events++;
    try {
      const o = await notify(
        { db, scope: p.scope, repos: repositoriesOf(db, p.scope, organisationRepositories, notificationRepositories) },
        { eventId: p.eventId, kind: e.kind, userIds: e.recipients.map((r) => r.userId), content: e.content },
        now,
      );
      result.sent += o.sent;
      result.skipped += o.skipped;
      result.duplicate += o.duplicate;
    } catch (err) {
      result.failed++;
      console.log(JSON.stringify({ level: 'warn', msg: failureMessage, tenantId: p.scope.tenantId, eventId: p.eventId, error: (err as Error).message }));
    }
  }
  return result;
}
