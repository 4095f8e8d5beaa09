import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { FACILITY_ROLES } from '@mcr/contract';
import {
  type CampaignRecord,
  campaignTemplate,
  type Db,
  keys,
  type MembershipRecord,
  organisationRepositories,
  repositoriesOf,
  type TenantScope,
} from '@mcr/data';
import { allItems } from '@mcr/domain';
import { getBuiltInTemplate } from '../services/built-in-templates.ts';
import type { NotificationKind } from '@mcr/contract';
import {
  type ReviewComment,
  responseConfirmedMessage,
  responseReturnedMessage,
  type SessionFacts,
  trainingMessage,
  vendorFormRequestedMessage,
} from '../services/notification-mails.ts';
import { type DeliveryResult, deliverEvents, type NotificationContent } from '../services/outbox.ts';

/**
 * The notifications' part of the stream consumer (issue 9, docs/decisions/0015-notifications.md). From each
 * record it notes an event — a facility response sent back (差戻し) or confirmed; a training registration
 * confirmed, waitlisted or promoted — and after the batch's other work hands the events to the outbox
 * (services/outbox.ts), which writes each (event, recipient) once and mails it. A failed mail never fails the
 * batch: the event source retries a batch forever, and one bad address must not stop the read models.
 */

interface OutboxEvent {
  scope: TenantScope;
  eventId: string;
  kind: NotificationKind;
  recipients: MembershipRecord[];
  content: NotificationContent;
}

export type NotificationsResult = DeliveryResult;

type Item = Record<string, unknown>;

/** The item types the consumer must receive for the notifications (the CDK event-source filter lists them). */
export const NOTIFICATION_ITEM_TYPES = ['Response', 'VendorResponse', 'TrainingRegistration'] as const;

export type PendingNotification =
  | { what: 'response'; scope: TenantScope; eventId: string; status: 'returned' | 'confirmed'; campaignId: string; facilityId: string; at: string }
  | { what: 'vendorForm'; scope: TenantScope; eventId: string; campaignId: string; vendorId: string; facilityCount: number }
  | {
      what: 'training';
      scope: TenantScope;
      eventId: string;
      kind: 'training_registered' | 'training_waitlisted' | 'training_promoted';
      registration: Item;
    };

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isFacilityResponse = (i: Item | null) => i?.type === 'Response' && str(i.SK).startsWith(keys.responsesOfCampaignPrefix);
const isVendorResponse = (i: Item | null) => i?.type === 'VendorResponse' && str(i.SK).startsWith('RESP#VEN#');
const isRegistration = (i: Item | null) => i?.type === 'TrainingRegistration' && str(i.SK).startsWith('REG#');

/** Notes what one record asks to notify (pure: no reads). */
export function collectNotifications(into: PendingNotification[], scope: TenantScope, before: Item | null, after: Item | null): void {
  if (isFacilityResponse(after) && isFacilityResponse(before) && before?.status !== after?.status) {
    const status = after?.status;
    if (status === 'returned' || status === 'confirmed') {
      const a = after as Item;
      const campaignId = str(a.campaignId);
      const facilityId = str(a.facilityId);
      // One event per review: the response's version names it (a retried record has the same version).
      into.push({
        what: 'response',
        scope,
        eventId: `resp:${campaignId}:${facilityId}:${status}:v${String(a.version)}`,
        status,
        campaignId,
        facilityId,
        at: str(a.updatedAt),
      });
    }
    return;
  }
  if (isVendorResponse(after) && !before) {
    // Written once per vendor by the vendor-form campaign's creation job: the vendor is asked to answer.
    const a = after as Item;
    const campaignId = str(a.campaignId);
    const vendorId = str(a.vendorId);
    into.push({
      what: 'vendorForm',
      scope,
      eventId: `vendorform:${campaignId}:${vendorId}`,
      campaignId,
      vendorId,
      facilityCount: Number(a.facilityCount ?? 0),
    });
    return;
  }
  if (isRegistration(after)) {
    const a = after as Item;
    const id = str(a.registrationId);
    let kind: 'training_registered' | 'training_waitlisted' | 'training_promoted' | undefined;
    if (!before && a.status === 'confirmed') kind = 'training_registered';
    else if (!before && a.status === 'waitlisted') kind = 'training_waitlisted';
    else if (before?.status === 'waitlisted' && a.status === 'confirmed') kind = 'training_promoted';
    if (kind) into.push({ what: 'training', scope, eventId: `train:${str(a.sessionId)}:${id}:${kind}`, kind, registration: a });
  }
}

/** The facility's people who receive its notifications: its administrators and members (membership records). */
async function facilityRecipients(db: Db, scope: TenantScope, facilityId: string): Promise<MembershipRecord[]> {
  const all = await repositoriesOf(db, scope, organisationRepositories).memberships.list(facilityId);
  return all.filter((m) => m.orgId === facilityId && (FACILITY_ROLES as readonly string[]).includes(m.role) && m.status === 'active');
}

async function responseEvent(db: Db, p: Extract<PendingNotification, { what: 'response' }>): Promise<OutboxEvent | null> {
  const scope = p.scope;
  const history = keys.responseHistory(scope, p.campaignId, p.facilityId);
  const [reviewRes, campaignRes, commentPages, facility] = await Promise.all([
    db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.responseLog(scope, p.campaignId, p.facilityId, p.at, 'REVIEW') })),
    db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.campaign(scope, p.campaignId) })),
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': history, ':sk': `${keys.responseLogPrefix}${p.at}#COMMENT#` },
      }),
    ),
    repositoriesOf(db, scope, organisationRepositories).facilities.get(p.facilityId),
  ]);
  const review = reviewRes.Item;
  const campaign = campaignRes.Item as CampaignRecord | undefined;
  if (!review || !campaign || review.action !== p.status) return null;
  const template = await campaignTemplate(db, scope, p.campaignId, getBuiltInTemplate);
  const items = new Map((template ? allItems(template) : []).map((i) => [i.id, i]));
  const comments: ReviewComment[] = (commentPages.Items ?? [])
    .flatMap((page) => (page.itemComments as { itemId: string; comment: string }[] | undefined) ?? [])
    .map((c) => {
      const item = items.get(c.itemId);
      return { number: item?.number ?? '', text: item?.text ?? { ja: c.itemId, en: c.itemId }, comment: c.comment };
    });
  const common = {
    campaignId: p.campaignId,
    campaignTitle: campaign.title,
    facilityId: p.facilityId,
    facilityName: facility?.name ?? p.facilityId,
    round: Number(review.round ?? 1),
    reviewerName: str(review.byName),
    message: str(review.message),
  };
  return {
    scope,
    eventId: p.eventId,
    kind: p.status === 'returned' ? 'response_returned' : 'response_confirmed',
    recipients: await facilityRecipients(db, scope, p.facilityId),
    content: p.status === 'returned' ? responseReturnedMessage({ ...common, comments }) : responseConfirmedMessage(common),
  };
}

async function trainingEvent(db: Db, p: Extract<PendingNotification, { what: 'training' }>): Promise<OutboxEvent | null> {
  const r = p.registration;
  const sessionPk = str(r.PK);
  const [session, recipient] = await Promise.all([
    db.doc.send(new GetCommand({ TableName: db.tableName, Key: { PK: sessionPk, SK: 'META' } })).then((x) => x.Item),
    repositoriesOf(db, p.scope, organisationRepositories).memberships.get(str(r.registeredBy)),
  ]);
  // The recipient must be a member of the registering facility in this tenant (the key is the tenant's own).
  if (!session || !recipient || recipient.orgId !== str(r.facilityId)) return null;
  return {
    scope: p.scope,
    eventId: p.eventId,
    kind: p.kind,
    recipients: [recipient],
    content: trainingMessage(p.kind, session as unknown as SessionFacts, { participantName: str(r.participantName), facilityName: str(r.facilityName) }),
  };
}

async function vendorFormEvent(db: Db, p: Extract<PendingNotification, { what: 'vendorForm' }>): Promise<OutboxEvent | null> {
  const repos = repositoriesOf(db, p.scope, organisationRepositories);
  const [campaign, vendor, members] = await Promise.all([
    db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.campaign(p.scope, p.campaignId) })).then((x) => x.Item as CampaignRecord | undefined),
    repos.vendors.get(p.vendorId),
    repos.memberships.list(p.vendorId),
  ]);
  if (!campaign || !vendor) return null;
  return {
    scope: p.scope,
    eventId: p.eventId,
    kind: 'vendor_form_requested',
    recipients: members.filter((m) => m.orgId === p.vendorId && m.role === 'vendor_user' && m.status === 'active'),
    content: vendorFormRequestedMessage({
      campaignId: p.campaignId,
      campaignTitle: campaign.title,
      vendorId: p.vendorId,
      vendorName: vendor.name,
      deadline: campaign.deadline,
      facilityCount: p.facilityCount,
    }),
  };
}

/** Resolves the noted events (a few reads each) and hands them to the outbox; never throws for a failed mail. */
export function deliverNotifications(db: Db, pending: readonly PendingNotification[], now?: Date): Promise<NotificationsResult | null> {
  const resolve = (p: PendingNotification) =>
    p.what === 'response' ? responseEvent(db, p) : p.what === 'vendorForm' ? vendorFormEvent(db, p) : trainingEvent(db, p);
  return deliverEvents(db, pending, resolve, 'notification mail failed', now);
}
