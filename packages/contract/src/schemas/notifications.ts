import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText } from '../common.ts';
import { Cursor, NextCursor, PageLimit } from './paging.ts';

/**
 * What a notification is about (issue 9). Mandatory kinds are always mailed; the optional ones can be turned
 * off per user (the in-app inbox still shows them).
 */
export const NOTIFICATION_KINDS = [
  'invitation',
  'security',
  'campaign_opened',
  'deadline_reminder',
  'response_returned',
  'response_confirmed',
  'vendor_form_requested',
  'documents_missing',
  'training_registered',
  'training_waitlisted',
  'training_promoted',
  'training_reminder',
  // incidents:begin
  'incident_reported',
  'incident_update',
  // incidents:end
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const MANDATORY_NOTIFICATION_KINDS = [
  'invitation',
  'security',
  // incidents: a suspected incident reaches the prefecture whatever its mail settings
  'incident_reported',
] as const satisfies readonly NotificationKind[];
export const NotificationKind = z.enum(NOTIFICATION_KINDS);

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, LocalizedText> = {
  invitation: { ja: '招待・招待の再送', en: 'Invitations' },
  security: { ja: 'セキュリティに関するお知らせ', en: 'Security notices' },
  campaign_opened: { ja: '調査の開始', en: 'Campaign opened' },
  deadline_reminder: { ja: '提出期限のお知らせ', en: 'Deadline reminders' },
  response_returned: { ja: '差戻し', en: 'Response sent back' },
  response_confirmed: { ja: '回答の確認 (受理)', en: 'Response confirmed' },
  vendor_form_requested: { ja: '事業者確認用の回答依頼', en: 'Vendor form requested' },
  documents_missing: { ja: 'MDS/SDS 未登録のお知らせ', en: 'MDS/SDS missing' },
  training_registered: { ja: '研修の申込み', en: 'Training registration' },
  training_waitlisted: { ja: '研修のキャンセル待ち', en: 'Training waitlist' },
  training_promoted: { ja: '研修のキャンセル待ちからの繰上げ', en: 'Training waitlist promotion' },
  training_reminder: { ja: '研修の前日のお知らせ', en: 'Training day-before reminder' },
  // incidents:begin
  incident_reported: { ja: 'インシデント報告の受付 (県・保健所)', en: 'Suspected incident reported (prefecture, health center)' },
  incident_update: { ja: 'インシデント報告の経過への書き込み', en: 'New entry in a suspected-incident timeline' },
  // incidents:end
};

/** `<creation time in base-36 ms>-<16 hex>`: the id carries its inbox position, so one read finds it. */
export const NotificationId = z.string().check(z.regex(/^[0-9a-z]{6,12}-[0-9a-f]{16}$/, 'notificationId'));

export const Notification = z.object({
  notificationId: NotificationId,
  kind: NotificationKind,
  title: LocalizedText,
  body: LocalizedText,
  /** A path in the app (`/campaigns/…`), or null. */
  link: z.nullable(z.string()),
  createdAt: IsoDateTime,
  readAt: z.nullable(IsoDateTime),
});
export type Notification = z.infer<typeof Notification>;

export const ListNotificationsQuery = z.object({
  limit: PageLimit(100, 20),
  cursor: z.optional(Cursor),
});
export type ListNotificationsQuery = z.input<typeof ListNotificationsQuery>;

/** One page of the signed-in user's inbox, newest first, with the exact number of unread notifications. */
export const ListNotificationsResponse = z.object({
  items: z.array(Notification),
  nextCursor: NextCursor,
  unreadCount: z.int().check(z.minimum(0)),
});
export type ListNotificationsResponse = z.infer<typeof ListNotificationsResponse>;

export const NotificationParams = z.object({ notificationId: NotificationId });

export const MarkReadResponse = z.object({ notification: Notification, unreadCount: z.int().check(z.minimum(0)) });
export type MarkReadResponse = z.infer<typeof MarkReadResponse>;

export const MarkAllReadResponse = z.object({
  /** How many were marked by this call. */
  marked: z.int().check(z.minimum(0)),
  unreadCount: z.int().check(z.minimum(0)),
});
export type MarkAllReadResponse = z.infer<typeof MarkAllReadResponse>;

export const MailLanguage = z.enum(['ja', 'en']);
export type MailLanguage = z.infer<typeof MailLanguage>;

/** The user's mail preferences: every kind with its effective on/off (mandatory ones always on). */
export const Preferences = z.object({
  language: MailLanguage,
  kinds: z.record(NotificationKind, z.boolean()),
  mandatory: z.array(NotificationKind),
  /** 0 before the first save. */
  version: z.int().check(z.minimum(0)),
  updatedAt: z.nullable(IsoDateTime),
});
export type Preferences = z.infer<typeof Preferences>;

export const PutPreferencesBody = z.strictObject({
  language: MailLanguage,
  /** Kinds to change; those not named keep their value. A mandatory kind set to false is refused (400). */
  kinds: z.optional(z.partialRecord(NotificationKind, z.boolean())),
  /** The version read (0 when never saved); a stale one gets 409. */
  expectedVersion: z.int().check(z.minimum(0)),
});
export type PutPreferencesBody = z.infer<typeof PutPreferencesBody>;

export const ResendInvitationResponse = z.object({
  userId: Id,
  email: z.string(),
  invitedAt: IsoDateTime,
});
export type ResendInvitationResponse = z.infer<typeof ResendInvitationResponse>;

// ── The prefecture's rhythm of deadline reminders ──

const Day = z.int();
/** When facilities that have not submitted are reminded of a campaign's deadline. */
export const ReminderSettings = z.object({
  /** Days before the deadline (e.g. 14 and 3). */
  daysBefore: z.array(Day),
  onTheDay: z.boolean(),
  /** While overdue, every this many days (0: no overdue reminders) … */
  overdueEveryDays: Day,
  /** … for at most this many days after the deadline. */
  overdueForDays: Day,
  /** true while the prefecture has not saved its own (the default rhythm applies). */
  isDefault: z.boolean(),
  /** 0 before the first save. */
  version: z.int().check(z.minimum(0)),
  updatedAt: z.nullable(IsoDateTime),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const PutReminderSettingsBody = z.strictObject({
  daysBefore: z.array(Day.check(z.minimum(1), z.maximum(90))).check(
    z.maxLength(6),
    z.refine((d) => new Set(d).size === d.length, 'unique'),
  ),
  onTheDay: z.boolean(),
  overdueEveryDays: Day.check(z.minimum(0), z.maximum(30)),
  overdueForDays: Day.check(z.minimum(0), z.maximum(180)),
  /** The version read (0 when never saved); a stale one gets 409. */
  expectedVersion: z.int().check(z.minimum(0)),
});
export type PutReminderSettingsBody = z.infer<typeof PutReminderSettingsBody>;
