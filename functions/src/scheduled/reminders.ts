import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CampaignRecord,
  campaignLifecycleRepositories,
  campaignRepositories,
  createDb,
  createOperatorRepositories,
  type Db,
  fileRepositories,
  notificationRepositories,
  organisationRepositories,
  reminderSettingsRepositories,
  repositoriesOf,
  rowPartition,
  type TenantScope,
  type TrainingRegistrationRecord,
  type TrainingSessionRecord,
} from '@mcr/data';
import { documentAppliesTo, effectiveDeadline } from '@mcr/domain';
import { env } from '../pipeline/env.ts';
import { createLogger } from '../pipeline/logger.ts';
import { membersOf, type NotifyOutcome, notify } from '../services/outbox.ts';
import { campaignOpenedMail, type DeadlineStep, deadlineReminder, documentsMissing, MISSING_NAMES_LISTED, trainingDayBefore } from './reminder-mails.ts';

/**
 * The daily scheduled notices (docs/decisions/0015-notifications.md, "Scheduled reminders"). Run every day at
 * 09:00 Japan time: by EventBridge Scheduler in AWS (infra), by the local scheduler in the local stack
 * (packages/local/src/scheduler.ts, `POST /__local/scheduler/run {"now": ISO}`), the same code either way.
 *
 * For each tenant of the registry:
 *  - deadline reminders: each open facility campaign whose deadline falls on a step of the rhythm today → the
 *    facility administrators of every facility not yet submitted, read page by page from the campaign's
 *    status slices of the read model (`ROWS#ST#not_started|in_progress|returned`), never by scanning;
 *  - MDS/SDS missing: on the 1st of each month → each vendor's users, naming the facilities whose contracts name
 *    systems the vendor has no current document for (the documents.missing rule);
 *  - training day-before: confirmed registrations of sessions starting tomorrow (GSI1 `T#<t>#TRAININGS`) → the
 *    user who registered.
 * Every notice has an event id that names its day and step, so a second run of the same day (a retry, or a
 * second tick) reaches nobody twice (the outbox's dedupe item).
 */

export interface ReminderRhythm {
  /** Days before the deadline on which facilities not submitted are reminded. */
  daysBefore: number[];
  onTheDay: boolean;
  /** While overdue: every this many days after the deadline … */
  overdueEveryDays: number;
  /** … for at most this many days. */
  overdueForDays: number;
}

export const DEFAULT_RHYTHM: ReminderRhythm = { daysBefore: [14, 3], onTheDay: true, overdueEveryDays: 7, overdueForDays: 56 };

/** The groups the outbox needs (`notify`, `membersOf`); each notice adds those it reads itself. */
const OUTBOX = [organisationRepositories, notificationRepositories] as const;

/** The prefecture's saved rhythm (reminderSettings.put), or the default. */
async function tenantRhythm(db: Db, scope: TenantScope): Promise<ReminderRhythm> {
  const saved = await repositoriesOf(db, scope, reminderSettingsRepositories).reminderSettings.get();
  return saved
    ? { daysBefore: saved.daysBefore, onTheDay: saved.onTheDay, overdueEveryDays: saved.overdueEveryDays, overdueForDays: saved.overdueForDays }
    : DEFAULT_RHYTHM;
}

/** The day in Japan (yyyy-mm-dd) at an instant. */
export function jstDay(now: Date): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** Which step of the rhythm `today` is for a deadline (a yyyy-mm-dd day, or an ISO time read as its JST day). */
export function deadlineStep(deadline: string, today: string, rhythm: ReminderRhythm = DEFAULT_RHYTHM): DeadlineStep | null {
  const day = deadline.length > 10 ? jstDay(new Date(deadline)) : deadline;
  const left = daysBetween(today, day);
  if (left > 0) return rhythm.daysBefore.includes(left) ? { kind: 'before', days: left } : null;
  if (left === 0) return rhythm.onTheDay ? { kind: 'day' } : null;
  const over = -left;
  return rhythm.overdueEveryDays > 0 && over % rhythm.overdueEveryDays === 0 && over <= rhythm.overdueForDays ? { kind: 'overdue', days: over } : null;
}

const stepName = (s: DeadlineStep) => (s.kind === 'day' ? 'day' : `${s.kind}-${s.days}`);

export interface ReminderSummary {
  now: string;
  day: string;
  tenants: number;
  deadline: NotifyOutcome & { campaigns: number; facilities: number };
  opened: NotifyOutcome & { campaigns: number };
  documentsMissing: NotifyOutcome & { vendors: number };
  trainings: NotifyOutcome & { sessions: number };
  errors: string[];
}

const zero = (): NotifyOutcome => ({ sent: 0, skipped: 0, duplicate: 0, unknown: 0, failed: 0 });
function add(into: NotifyOutcome, o: NotifyOutcome) {
  into.sent += o.sent;
  into.skipped += o.skipped;
  into.duplicate += o.duplicate;
  into.unknown += o.unknown;
  into.failed += o.failed;
}

type Item = Record<string, unknown>;

/** Every page of a query, handed over page by page (never more than one page in memory). */
async function* pages(db: Db, input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>): AsyncGenerator<Item[]> {
  let ExclusiveStartKey: Item | undefined;
  do {
    const res = await db.doc.send(new QueryCommand({ TableName: db.tableName, ...input, ExclusiveStartKey }));
    yield (res.Items ?? []) as Item[];
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

const NOT_SUBMITTED = ['not_started', 'in_progress', 'returned'] as const;
/** Facilities reminded at once (each: one membership query, then the outbox per administrator). */
const PARALLEL_FACILITIES = 8;

async function deadlineReminders(db: Db, scope: TenantScope, today: string, now: Date, summary: ReminderSummary, rhythm: ReminderRhythm) {
  const repos = repositoriesOf(db, scope, ...OUTBOX, campaignRepositories, campaignLifecycleRepositories);
  const campaigns = (await repos.campaigns.list()) as CampaignRecord[];
  for (const c of campaigns) {
    if (c.form === 'vendor' || (c.creation && c.creation.status !== 'done') || c.opensOn > today) continue;
    // campaign-lifecycle: a closed or archived campaign takes no more answers, so nobody is reminded of it.
    if (c.status === 'closed' || c.status === 'archived') continue;
    // Campaign opened: on the day it opens, or on a later run within a week (a campaign created after 09:00).
    if (daysBetween(c.opensOn, today) <= 7) await campaignOpened(db, scope, c, now, summary);
    // campaign-lifecycle:begin — a facility with an extended deadline is reminded on the steps of its own deadline.
    const extended = new Map(
      (await repos.campaignLifecycle.allExtensions(c.id))
        .map((e) => [e.facilityId, effectiveDeadline(c, e.extendedTo)] as const)
        .filter(([, d]) => d !== c.deadline),
    );
    const remind = async (facilityId: string, facilityName: string, status: (typeof NOT_SUBMITTED)[number], deadline: string, step: DeadlineStep) => {
      summary.deadline.facilities++;
      const admins = await membersOf(repos, facilityId, ['facility_admin']);
      if (admins.length === 0) return;
      try {
        add(
          summary.deadline,
          await notify(
            { db, scope, repos },
            {
              eventId: `deadline:${c.id}:${facilityId}:${today}:${stepName(step)}`,
              kind: 'deadline_reminder',
              userIds: admins.map((a) => a.userId),
              content: deadlineReminder({ campaignId: c.id, campaignTitle: c.title, facilityId, facilityName, deadline, step, status }),
            },
            now,
          ),
        );
      } catch (err) {
        summary.deadline.failed++;
        summary.errors.push(err instanceof Error ? err.message : String(err));
      }
    };
    const extendedDue = [...extended].flatMap(([facilityId, deadline]) => {
      const step = deadlineStep(deadline, today, rhythm);
      return step ? [{ facilityId, deadline, step }] : [];
    });
    if (extendedDue.length) {
      summary.deadline.campaigns++;
      const responses = new Map(
        (
          await repos.responses.getMany(
            c.id,
            extendedDue.map((e) => e.facilityId),
          )
        ).map((r) => [r.facilityId, r]),
      );
      for (const e of extendedDue) {
        const r = responses.get(e.facilityId);
        if (r && (NOT_SUBMITTED as readonly string[]).includes(r.status)) {
          await remind(e.facilityId, r.facilityName, r.status as (typeof NOT_SUBMITTED)[number], e.deadline, e.step);
        }
      }
    }
    // campaign-lifecycle:end
    const step = deadlineStep(c.deadline, today, rhythm);
    if (!step) continue;
    if (!extendedDue.length) summary.deadline.campaigns++;
    for (const status of NOT_SUBMITTED) {
      for await (const rows of pages(db, {
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': rowPartition(scope, c.id, `ST#${status}`) },
        ProjectionExpression: 'facilityId, facilityName',
        Limit: 200,
      })) {
        const due = rows.filter((row) => !extended.has(String(row.facilityId)));
        for (let i = 0; i < due.length; i += PARALLEL_FACILITIES) {
          await Promise.all(
            due.slice(i, i + PARALLEL_FACILITIES).map((row) => remind(String(row.facilityId), String(row.facilityName ?? ''), status, c.deadline, step)),
          );
        }
      }
    }
  }
}

/** Every facility of an opened campaign (its rows' ALL slice, page by page) → its administrators, once per campaign. */
async function campaignOpened(db: Db, scope: TenantScope, c: CampaignRecord, now: Date, summary: ReminderSummary) {
  const repos = repositoriesOf(db, scope, ...OUTBOX);
  summary.opened.campaigns++;
  for await (const rows of pages(db, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': rowPartition(scope, c.id, 'ALL') },
    ProjectionExpression: 'facilityId, facilityName',
    Limit: 200,
  })) {
    for (let i = 0; i < rows.length; i += PARALLEL_FACILITIES) {
      await Promise.all(
        rows.slice(i, i + PARALLEL_FACILITIES).map(async (row) => {
          const facilityId = String(row.facilityId);
          const admins = await membersOf(repos, facilityId, ['facility_admin']);
          if (admins.length === 0) return;
          try {
            add(
              summary.opened,
              await notify(
                { db, scope, repos },
                {
                  eventId: `opened:${c.id}:${facilityId}`,
                  kind: 'campaign_opened',
                  userIds: admins.map((a) => a.userId),
                  content: campaignOpenedMail({
                    campaignId: c.id,
                    campaignTitle: c.title,
                    facilityId,
                    facilityName: String(row.facilityName ?? ''),
                    deadline: c.deadline,
                  }),
                },
                now,
              ),
            );
          } catch (err) {
            summary.opened.failed++;
            summary.errors.push(err instanceof Error ? err.message : String(err));
          }
        }),
      );
    }
  }
}

async function missingDocumentNotices(db: Db, scope: TenantScope, month: string, now: Date, summary: ReminderSummary) {
  const repos = repositoriesOf(db, scope, ...OUTBOX, fileRepositories);
  let cursor: string | undefined;
  do {
    const page = await repos.documents.vendorPage(50, cursor);
    const current = await repos.documents.currentOfVendors(page.items.map((v) => v.id));
    for (const vendor of page.items) {
      const docs = current.get(vendor.id) ?? [];
      if (docs.some((d) => d.systems.length === 0)) continue;
      const contracts = await repos.documents.contractSystemsOfVendor(vendor.id);
      const without = contracts.filter((c) => !docs.some((d) => documentAppliesTo(d, c)));
      if (without.length === 0) continue;
      const users = await membersOf(repos, vendor.id, ['vendor_user']);
      if (users.length === 0) continue;
      summary.documentsMissing.vendors++;
      const named = await Promise.all(without.slice(0, MISSING_NAMES_LISTED).map((c) => repos.facilities.get(c.facilityId)));
      try {
        add(
          summary.documentsMissing,
          await notify(
            { db, scope, repos },
            {
              eventId: `documents-missing:${vendor.id}:${month}`,
              kind: 'documents_missing',
              userIds: users.map((u) => u.userId),
              content: documentsMissing({
                vendorId: vendor.id,
                vendorName: vendor.name,
                facilityNames: named.flatMap((f) => (f ? [f.name] : [])),
                total: without.length,
              }),
            },
            now,
          ),
        );
      } catch (err) {
        summary.documentsMissing.failed++;
        summary.errors.push(err instanceof Error ? err.message : String(err));
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function trainingReminders(db: Db, scope: TenantScope, today: string, now: Date, summary: ReminderSummary) {
  const repos = repositoriesOf(db, scope, ...OUTBOX);
  const tomorrow = new Date(Date.parse(`${today}T00:00:00+09:00`) + dayMs);
  const from = tomorrow.toISOString();
  const to = new Date(tomorrow.getTime() + dayMs).toISOString();
  for await (const sessions of pages(db, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': `T#${scope.tenantId}#TRAININGS`, ':from': from, ':to': to },
  })) {
    for (const s of sessions as unknown as TrainingSessionRecord[]) {
      if (s.status !== 'scheduled' || s.startsAt === undefined) continue;
      const starts = Date.parse(s.startsAt);
      if (starts < tomorrow.getTime() || starts >= tomorrow.getTime() + dayMs) continue;
      summary.trainings.sessions++;
      for await (const regs of pages(db, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :reg)',
        FilterExpression: '#status = :confirmed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': `T#${scope.tenantId}#TRAIN#${s.sessionId}`, ':reg': 'REG#', ':confirmed': 'confirmed' },
      })) {
        for (const r of regs as unknown as TrainingRegistrationRecord[]) {
          try {
            add(
              summary.trainings,
              await notify(
                { db, scope, repos },
                {
                  eventId: `training-reminder:${s.sessionId}:${r.registrationId}`,
                  kind: 'training_reminder',
                  userIds: [r.registeredBy],
                  content: trainingDayBefore({
                    sessionId: s.sessionId,
                    title: s.title,
                    startsAt: s.startsAt,
                    endsAt: s.endsAt,
                    mode: s.mode,
                    url: s.url,
                    place: s.place,
                    participantName: r.participantName,
                  }),
                },
                now,
              ),
            );
          } catch (err) {
            summary.trainings.failed++;
            summary.errors.push(err instanceof Error ? err.message : String(err));
          }
        }
      }
    }
  }
}

/**
 * One day's run. A failure in one tenant or one part is recorded and the rest goes on; the caller (the
 * scheduler's retry policy, or a second tick) may run the same day again: what was sent is not sent twice.
 */
export async function runReminders(db: Db, options: { now?: Date; tenantIds?: readonly string[]; rhythm?: ReminderRhythm } = {}): Promise<ReminderSummary> {
  const now = options.now ?? new Date();
  const today = jstDay(now);
  const summary: ReminderSummary = {
    now: now.toISOString(),
    day: today,
    tenants: 0,
    deadline: { ...zero(), campaigns: 0, facilities: 0 },
    opened: { ...zero(), campaigns: 0 },
    documentsMissing: { ...zero(), vendors: 0 },
    trainings: { ...zero(), sessions: 0 },
    errors: [],
  };
  const tenants = options.tenantIds ?? (await createOperatorRepositories(db).listTenants()).map((t) => t.tenantId);
  for (const tenantId of tenants) {
    const scope = { tenantId };
    summary.tenants++;
    const parts: [string, () => Promise<void>][] = [
      ['deadline', async () => deadlineReminders(db, scope, today, now, summary, options.rhythm ?? (await tenantRhythm(db, scope)))],
      ...(today.endsWith('-01')
        ? ([['documents', () => missingDocumentNotices(db, scope, today.slice(0, 7), now, summary)]] as [string, () => Promise<void>][])
        : []),
      ['trainings', () => trainingReminders(db, scope, today, now, summary)],
    ];
    for (const [name, run] of parts) {
      try {
        await run();
      } catch (err) {
        summary.errors.push(`${tenantId} ${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return summary;
}

let db: Db | undefined;

/** The Lambda entry (EventBridge Scheduler's target). `now` may be given to replay a day (operators only can invoke it). */
export const handler = async (event?: { now?: string }, context?: { awsRequestId?: string }): Promise<ReminderSummary> => {
  const e = env();
  db ??= createDb({ tableName: e.TABLE_NAME, region: e.AWS_REGION, endpoint: e.DYNAMODB_ENDPOINT });
  const now = event?.now && !Number.isNaN(Date.parse(event.now)) ? new Date(event.now) : new Date();
  const summary = await runReminders(db, { now });
  // ops: the Lambda request id in every line, as the routes' and the stream consumer's (decision 0024)
  const log = createLogger(e.LOG_LEVEL, { scheduled: 'reminders', fn: 'reminders', requestId: context?.awsRequestId ?? 'local' });
  if (summary.errors.length > 0) log.warn('reminders finished with errors', { errors: summary.errors.slice(0, 20), count: summary.errors.length });
  else log.info('reminders finished', { summary });
  return summary;
};
