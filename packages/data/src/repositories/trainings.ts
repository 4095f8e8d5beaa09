import { randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditAction } from '@mcr/contract';
import type { Db } from '../client.ts';
import { AlreadyExistsError, NotFoundError, StateConflictError, VersionConflictError } from '../errors.ts';
import { keys, nameKey, type TenantScope } from '../keys.ts';
import { queryPage } from '../paging.ts';
import { isTransactionConflict, transactWithConflictRetry } from '../read-models/transact.ts';
import type { Actor, FacilityRecord, TrainingRegistrationRecord, TrainingSessionRecord } from '../records.ts';
import { fileKeys } from './files.ts';
import { auditItem, batchGet, queryAll, strip, type TransactItem } from './shared.ts';

/**
 * Trainings (issue 9, decision 0014). A session and its registrations share one partition
 * `T#<t>#TRAIN#<sessionId>`: `META` (the session with its counters), `REG#<registrationId>` (ids sort in arrival
 * order), `NAME#<facilityId>#<name>` (one active registration per participant name and facility).
 */
const t = (s: TenantScope) => `T#${s.tenantId}`;
export const trainingKeys = {
  session: (s: TenantScope, sessionId: string) => ({ PK: `${t(s)}#TRAIN#${sessionId}`, SK: 'META' }),
  sessionIndex: (s: TenantScope, startsAtUtc: string, sessionId: string) => ({ GSI1PK: `${t(s)}#TRAININGS`, GSI1SK: `${startsAtUtc}#${sessionId}` }),
  sessionsPartition: (s: TenantScope) => `${t(s)}#TRAININGS`,
  registration: (s: TenantScope, sessionId: string, registrationId: string) => ({ PK: `${t(s)}#TRAIN#${sessionId}`, SK: `REG#${registrationId}` }),
  registrationByFacility: (s: TenantScope, facilityId: string, startsAt: string, sessionId: string, registrationId: string) => ({
    GSI2PK: `${t(s)}#FAC#${facilityId}#TRAININGS`,
    GSI2SK: `${startsAt}#${sessionId}#${registrationId}`,
  }),
  facilityPartition: (s: TenantScope, facilityId: string) => `${t(s)}#FAC#${facilityId}#TRAININGS`,
  nameGuard: (s: TenantScope, sessionId: string, facilityId: string, name: string) => ({
    PK: `${t(s)}#TRAIN#${sessionId}`,
    SK: `NAME#${facilityId}#${nameKey(name).replace(/\s+/g, '')}`,
  }),
  /** A facility's calendar feed: the SHA-256 of the secret token → the facility (the token itself is never stored). */
  calendarFeed: (s: TenantScope, hash: string) => ({ PK: `${t(s)}#CALFEED#${hash}`, SK: 'FEED' }),
  /** The facility's current feed (one per facility), so that rotating finds the old hash to delete. */
  calendarFeedOfFacility: (s: TenantScope, facilityId: string) => ({ PK: `${t(s)}#FAC#${facilityId}`, SK: 'CALFEED' }),
  /** Coverage read model per fiscal year: `FAC#<id>` (attended count of a facility), `SLICE#pref`, `SLICE#hc#<id>`. */
  coverage: (s: TenantScope, fiscalYear: number) => `${t(s)}#TRAINCOV#${fiscalYear}`,
};

/** UTC ISO of an instant written with an offset, for keys that must sort in time. */
export const utcOf = (iso: string) => new Date(iso).toISOString();

/** Why a registration was refused inside its transaction. */
export class RegistrationRefusedError extends Error {
  override readonly name = 'RegistrationRefusedError';
  constructor(readonly reason: 'duplicate' | 'cancelled' | 'not_found' | 'busy') {
    super(`registration refused: ${reason}`);
  }
}

/** A lost race is retried within the Lambda's 10 s: at most this many tries, for at most this long. */
const MAX_ATTEMPTS = 400;
/** How long the line may stand still before the next registrant skips the ticket ahead of it (its holder died). */
const STALL_MS = 2500;
const BUDGET_MS = 9000;
/** Backoff with full jitter, growing slowly: many registrants spread out instead of colliding again. */
const backoff = (attempt: number) => Math.random() * Math.min(300, 20 + 10 * attempt);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Did the transaction lose a race (the session counter moved, or a conflict)? Then it is tried again. */
function lostRace(err: unknown, sessionIndex = 0): boolean {
  if (isTransactionConflict(err)) return true;
  return err instanceof TransactionCanceledException && err.CancellationReasons?.[sessionIndex]?.Code === 'ConditionalCheckFailed';
}

export function trainingRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  const sessionItem = (r: TrainingSessionRecord) => ({
    ...trainingKeys.session(scope, r.sessionId),
    ...trainingKeys.sessionIndex(scope, utcOf(r.startsAt), r.sessionId),
    type: 'TrainingSession',
    ...r,
  });
  const registrationItem = (r: TrainingRegistrationRecord) => ({
    ...trainingKeys.registration(scope, r.sessionId, r.registrationId),
    ...trainingKeys.registrationByFacility(scope, r.facilityId, r.startsAt, r.sessionId, r.registrationId),
    type: 'TrainingRegistration',
    ...r,
  });

  const getSession = async (sessionId: string) => {
    const res = await db.doc.send(new GetCommand({ TableName: T, Key: trainingKeys.session(scope, sessionId), ConsistentRead: true }));
    return res.Item ? strip<TrainingSessionRecord>(res.Item) : undefined;
  };
  const getRegistration = async (sessionId: string, registrationId: string) => {
    const res = await db.doc.send(new GetCommand({ TableName: T, Key: trainingKeys.registration(scope, sessionId, registrationId), ConsistentRead: true }));
    return res.Item ? strip<TrainingRegistrationRecord>(res.Item) : undefined;
  };
  /** The lowest-seq waitlisted registration (registration ids sort by seq). */
  const firstWaitlisted = async (sessionId: string): Promise<TrainingRegistrationRecord | undefined> => {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.doc.send(
        new QueryCommand({
          TableName: T,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          FilterExpression: '#s = :w',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':pk': trainingKeys.session(scope, sessionId).PK, ':sk': 'REG#', ':w': 'waitlisted' },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      const first = page.Items?.[0];
      if (first) return strip<TrainingRegistrationRecord>(first);
      start = page.LastEvaluatedKey;
    } while (start);
    return undefined;
  };

  /** The next arrival ticket of a session (`by` > 1 jumps a counter that is behind the session's `regSeq`). */
  const takeTicket = async (sessionId: string, by: number): Promise<number> => {
    const res = await db.doc.send(
      new UpdateCommand({
        TableName: T,
        Key: { PK: trainingKeys.session(scope, sessionId).PK, SK: 'TICKET' },
        UpdateExpression: 'SET #t = :t ADD n :by',
        ExpressionAttributeNames: { '#t': 'type' },
        ExpressionAttributeValues: { ':t': 'TrainingTicket', ':by': by },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(res.Attributes?.n);
  };
  /** Moves the line past an unused ticket (only if it is the next one); a no-op otherwise. */
  const skipTicket = async (sessionId: string, ticket: number): Promise<void> => {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: T,
            Key: trainingKeys.session(scope, sessionId),
            UpdateExpression: 'SET regSeq = :t',
            ConditionExpression: 'regSeq = :prev',
            ExpressionAttributeValues: { ':t': ticket, ':prev': ticket - 1 },
          }),
        );
        return;
      } catch (err) {
        const name = (err as { name?: string }).name;
        if (name === 'ConditionalCheckFailedException') return;
        if (name !== 'TransactionConflictException') throw err;
        await sleep(backoff(attempt));
      }
    }
  };

  return {
    trainings: {
      getSession,
      getRegistration,
      /** The facilities of a list of registrations (BatchGet, 100 keys a call). */
      facilitiesByIds: (ids: readonly string[]) =>
        batchGet<FacilityRecord>(
          db,
          [...new Set(ids)].map((id) => keys.facility(scope, id)),
        ),
      /** Creates a session (with its audit entry when an actor is given; the seed has none). */
      async createSession(r: TrainingSessionRecord, actor?: Actor): Promise<void> {
        const put = { TableName: T, Item: sessionItem(r), ConditionExpression: 'attribute_not_exists(PK)' };
        try {
          if (!actor) {
            await db.doc.send(new PutCommand(put));
            return;
          }
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: put },
                auditItem(db, scope, actor, {
                  action: 'training.create',
                  target: `training/${r.sessionId}`,
                  orgId: actor.orgId,
                  changes: { title: r.title, kind: r.kind, startsAt: r.startsAt, capacity: r.capacity },
                }),
              ],
            }),
          );
        } catch (err) {
          const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
          if ((err as { name?: string }).name === 'ConditionalCheckFailedException' || reasons[0]?.Code === 'ConditionalCheckFailed') {
            throw new AlreadyExistsError('training');
          }
          throw err;
        }
      },
      /** Replaces the session's own fields if the version is still `expectedVersion`; the counters stay as stored. */
      async updateSession(
        next: TrainingSessionRecord,
        expectedVersion: number,
        actor?: Actor,
        action: Extract<AuditAction, `training.${string}`> = 'training.update',
      ): Promise<TrainingSessionRecord> {
        const fields = {
          kind: next.kind,
          title: next.title,
          description: next.description,
          mode: next.mode,
          url: next.url ?? null,
          place: next.place ?? null,
          startsAt: next.startsAt,
          endsAt: next.endsAt,
          capacity: next.capacity,
          registrationDeadline: next.registrationDeadline,
          audience: next.audience,
          status: next.status,
          fiscalYear: next.fiscalYear,
          version: expectedVersion + 1,
          updatedAt: next.updatedAt,
          ...trainingKeys.sessionIndex(scope, utcOf(next.startsAt), next.sessionId),
        };
        const names: Record<string, string> = {};
        const values: Record<string, unknown> = { ':expected': expectedVersion };
        const sets = Object.entries(fields).map(([k, v], i) => {
          names[`#f${i}`] = k;
          values[`:f${i}`] = v;
          return `#f${i} = :f${i}`;
        });
        const update = {
          TableName: T,
          Key: trainingKeys.session(scope, next.sessionId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(PK) AND version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        };
        try {
          if (!actor) {
            const res = await db.doc.send(new UpdateCommand({ ...update, ReturnValues: 'ALL_NEW' }));
            return strip<TrainingSessionRecord>(res.Attributes ?? {});
          }
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Update: update },
                auditItem(db, scope, actor, {
                  action,
                  target: `training/${next.sessionId}`,
                  orgId: actor.orgId,
                  changes: { title: next.title, startsAt: next.startsAt, capacity: next.capacity, status: next.status, version: expectedVersion + 1 },
                }),
              ],
            }),
          );
          const stored = await getSession(next.sessionId);
          if (!stored) throw new NotFoundError('training');
          return stored;
        } catch (err) {
          const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
          if ((err as { name?: string }).name === 'ConditionalCheckFailedException' || reasons[0]?.Code === 'ConditionalCheckFailed') {
            const current = await getSession(next.sessionId);
            if (!current) throw new NotFoundError('training');
            throw new VersionConflictError('training', current.version);
          }
          throw err;
        }
      },
      /** Sessions of a fiscal year in start order (GSI1), one page. */
      async listSessions(fiscalYear: number, options: { limit: number; cursor?: string | undefined }) {
        const from = utcOf(`${fiscalYear}-04-01T00:00:00+09:00`);
        const to = utcOf(`${fiscalYear + 1}-04-01T00:00:00+09:00`);
        const pk = trainingKeys.sessionsPartition(scope);
        const page = await queryPage(
          db,
          [
            {
              input: {
                IndexName: 'GSI1',
                KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
                ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
              },
              partition: { attr: 'GSI1PK', value: pk },
              keyAttrs: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
            },
          ],
          options,
        );
        return { items: page.items.map((i) => strip<TrainingSessionRecord>(i)), nextCursor: page.nextCursor };
      },
      /** A session's registrations in arrival order, one page. */
      async listRegistrations(sessionId: string, options: { limit: number; cursor?: string | undefined; healthCenterId?: string | undefined }) {
        const pk = trainingKeys.session(scope, sessionId).PK;
        const page = await queryPage(
          db,
          [
            {
              input: {
                KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
                ...(options.healthCenterId
                  ? { FilterExpression: 'healthCenterId = :hc', ExpressionAttributeValues: { ':pk': pk, ':sk': 'REG#', ':hc': options.healthCenterId } }
                  : { ExpressionAttributeValues: { ':pk': pk, ':sk': 'REG#' } }),
              },
              partition: { attr: 'PK', value: pk },
              keyAttrs: ['PK', 'SK'],
            },
          ],
          { limit: options.limit, cursor: options.cursor },
        );
        return { items: page.items.map((i) => strip<TrainingRegistrationRecord>(i)), nextCursor: page.nextCursor };
      },
      /** Every registration of a session (bounded by capacity + waitlist; for exports and sign-in sheets). */
      allRegistrations: (sessionId: string) =>
        queryAll<TrainingRegistrationRecord>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': trainingKeys.session(scope, sessionId).PK, ':sk': 'REG#' },
        }),
      /** A facility's registrations (GSI2), optionally of sessions starting in [from, to). */
      registrationsOfFacility: (facilityId: string, range?: { from: string; to: string }) =>
        queryAll<TrainingRegistrationRecord>(db, {
          IndexName: 'GSI2',
          KeyConditionExpression: range ? 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to' : 'GSI2PK = :pk',
          ExpressionAttributeValues: {
            ':pk': trainingKeys.facilityPartition(scope, facilityId),
            ...(range ? { ':from': range.from, ':to': `${range.to}\uffff` } : {}),
          },
        }),

      /**
       * One registration, one transaction, in arrival order (decision 0014). A registrant first takes a ticket
       * (an atomic counter on its own item: no transaction, so no conflicts), then waits until the session's
       * `regSeq` is its ticket − 1 and commits: the session's counters move (condition: `regSeq`, the counts it
       * read, still scheduled), the registration is put with `seq` = ticket, and the name guard refuses a second
       * active registration of the same person. Only one registrant is ever eligible, so commits do not collide;
       * a ticket that is not used (a duplicate, a crash) is skipped so that the line keeps moving.
       */
      async register(input: Omit<TrainingRegistrationRecord, 'registrationId' | 'seq' | 'status' | 'version' | 'attended' | 'fiscalYear' | 'startsAt'>) {
        const started = Date.now();
        const guardKey = trainingKeys.nameGuard(scope, input.sessionId, input.facilityId, input.participantName);
        const guard = await db.doc.send(new GetCommand({ TableName: T, Key: guardKey, ConsistentRead: true }));
        if (guard.Item) throw new RegistrationRefusedError('duplicate');
        let ticket = await takeTicket(input.sessionId, 1);
        let lastSeen = -1;
        let lastChange = Date.now();
        for (let attempt = 0; ; attempt++) {
          const session = await getSession(input.sessionId);
          if (!session) throw new RegistrationRefusedError('not_found');
          if (session.regSeq >= ticket) {
            // Our ticket was skipped (we were too slow), or the counter is behind the line (seeded data): a new one.
            ticket = await takeTicket(input.sessionId, session.regSeq + 1 - ticket);
            continue;
          }
          if (session.regSeq !== lastSeen) {
            lastSeen = session.regSeq;
            lastChange = Date.now();
          }
          if (session.regSeq < ticket - 1) {
            if (Date.now() - started > BUDGET_MS) throw new RegistrationRefusedError('busy');
            // The one just ahead of us has not committed for a while (crashed): skip its ticket.
            if (session.regSeq === ticket - 2 && Date.now() - lastChange > STALL_MS) await skipTicket(input.sessionId, ticket - 1);
            else await sleep(Math.min(400, 8 * (ticket - 1 - session.regSeq)) * (0.5 + Math.random()));
            continue;
          }
          if (session.status !== 'scheduled') {
            await skipTicket(input.sessionId, ticket);
            throw new RegistrationRefusedError('cancelled');
          }
          const status = session.confirmedCount < session.capacity ? 'confirmed' : 'waitlisted';
          const record: TrainingRegistrationRecord = {
            ...input,
            registrationId: `r${String(ticket).padStart(6, '0')}${randomBytes(4).toString('hex')}`,
            fiscalYear: session.fiscalYear,
            startsAt: session.startsAt,
            seq: ticket,
            status,
            attended: null,
            version: 1,
          };
          try {
            await db.doc.send(
              new TransactWriteCommand({
                TransactItems: [
                  {
                    Update: {
                      TableName: T,
                      Key: trainingKeys.session(scope, input.sessionId),
                      UpdateExpression: `SET regSeq = :seq, ${status === 'confirmed' ? 'confirmedCount = confirmedCount + :one' : 'waitlistCount = waitlistCount + :one'}`,
                      ConditionExpression: 'regSeq = :prev AND confirmedCount = :c AND waitlistCount = :w AND #cap = :cap AND #s = :scheduled',
                      ExpressionAttributeNames: { '#s': 'status', '#cap': 'capacity' },
                      ExpressionAttributeValues: {
                        ':seq': ticket,
                        ':prev': ticket - 1,
                        ':c': session.confirmedCount,
                        ':w': session.waitlistCount,
                        ':cap': session.capacity,
                        ':one': 1,
                        ':scheduled': 'scheduled',
                      },
                    },
                  },
                  { Put: { TableName: T, Item: registrationItem(record), ConditionExpression: 'attribute_not_exists(PK)' } },
                  {
                    Put: {
                      TableName: T,
                      Item: { ...guardKey, type: 'TrainingNameGuard', registrationId: record.registrationId },
                      ConditionExpression: 'attribute_not_exists(PK)',
                    },
                  },
                ],
              }),
            );
            return record;
          } catch (err) {
            if (err instanceof TransactionCanceledException && err.CancellationReasons?.[2]?.Code === 'ConditionalCheckFailed') {
              await skipTicket(input.sessionId, ticket);
              throw new RegistrationRefusedError('duplicate');
            }
            // A cancellation moved the counts, or a conflict with one: read again (still our turn).
            if (lostRace(err) && Date.now() - started <= BUDGET_MS && attempt < MAX_ATTEMPTS) {
              await sleep(backoff(0));
              continue;
            }
            await skipTicket(input.sessionId, ticket);
            if (lostRace(err)) throw new RegistrationRefusedError('busy');
            throw err;
          }
        }
      },

      /**
       * Cancels a registration. A confirmed one frees its seat for the lowest-seq waitlisted one, promoted in the
       * same transaction as the counters; the session's arrival counter is a condition so that no registration
       * arrives in between unseen.
       */
      async cancelRegistration(sessionId: string, registrationId: string, expectedVersion: number | undefined) {
        const started = Date.now();
        for (let attempt = 0; ; attempt++) {
          const [session, current] = await Promise.all([getSession(sessionId), getRegistration(sessionId, registrationId)]);
          if (!session || !current) throw new NotFoundError('registration');
          if (expectedVersion !== undefined && current.version !== expectedVersion) throw new VersionConflictError('registration', current.version);
          if (current.status === 'cancelled') return { cancelled: current, promoted: undefined };
          const now = new Date().toISOString();
          const promote = current.status === 'confirmed' && session.status === 'scheduled' ? await firstWaitlisted(sessionId) : undefined;
          const cancelled: TrainingRegistrationRecord = { ...current, status: 'cancelled', version: current.version + 1, updatedAt: now };
          const promoted: TrainingRegistrationRecord | undefined = promote
            ? { ...promote, status: 'confirmed', version: promote.version + 1, updatedAt: now, promotedAt: now }
            : undefined;
          const counters =
            current.status === 'confirmed'
              ? promoted
                ? 'waitlistCount = waitlistCount - :one'
                : 'confirmedCount = confirmedCount - :one'
              : 'waitlistCount = waitlistCount - :one';
          const items: TransactItem[] = [
            {
              Update: {
                TableName: T,
                Key: trainingKeys.session(scope, sessionId),
                UpdateExpression: `SET ${counters}`,
                ConditionExpression: 'regSeq = :seen',
                ExpressionAttributeValues: { ':seen': session.regSeq, ':one': 1 },
              },
            },
            {
              Put: {
                TableName: T,
                Item: registrationItem(cancelled),
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': current.version },
              },
            },
            { Delete: { TableName: T, Key: trainingKeys.nameGuard(scope, sessionId, current.facilityId, current.participantName) } },
          ];
          if (promoted && promote) {
            items.push({
              Put: {
                TableName: T,
                Item: registrationItem(promoted),
                ConditionExpression: 'version = :v AND #s = :w',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':v': promote.version, ':w': 'waitlisted' },
              },
            });
          }
          try {
            await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
            return { cancelled, promoted };
          } catch (err) {
            const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
            const raced = isTransactionConflict(err) || reasons.some((r) => r.Code === 'ConditionalCheckFailed');
            if (!raced || attempt >= MAX_ATTEMPTS || Date.now() - started > BUDGET_MS) throw err;
            await sleep(backoff(attempt));
          }
        }
      },

      /**
       * Fills free seats (after the capacity was raised) from the waitlist, lowest seq first: one transaction per
       * promotion on the session's counters (condition: nothing arrived or changed since it was read).
       */
      async promoteWaitlisted(sessionId: string): Promise<TrainingRegistrationRecord[]> {
        const promoted: TrainingRegistrationRecord[] = [];
        const started = Date.now();
        for (let attempt = 0; attempt < MAX_ATTEMPTS && Date.now() - started < BUDGET_MS; attempt++) {
          const session = await getSession(sessionId);
          if (session?.status !== 'scheduled' || session.confirmedCount >= session.capacity || session.waitlistCount <= 0) return promoted;
          const next = await firstWaitlisted(sessionId);
          if (!next) return promoted;
          const now = new Date().toISOString();
          const record: TrainingRegistrationRecord = { ...next, status: 'confirmed', version: next.version + 1, updatedAt: now, promotedAt: now };
          try {
            await db.doc.send(
              new TransactWriteCommand({
                TransactItems: [
                  {
                    Update: {
                      TableName: T,
                      Key: trainingKeys.session(scope, sessionId),
                      UpdateExpression: 'SET confirmedCount = confirmedCount + :one, waitlistCount = waitlistCount - :one',
                      ConditionExpression: 'regSeq = :seen AND confirmedCount = :c AND #cap = :cap',
                      ExpressionAttributeNames: { '#cap': 'capacity' },
                      ExpressionAttributeValues: { ':seen': session.regSeq, ':c': session.confirmedCount, ':cap': session.capacity, ':one': 1 },
                    },
                  },
                  {
                    Put: {
                      TableName: T,
                      Item: registrationItem(record),
                      ConditionExpression: 'version = :v AND #s = :w',
                      ExpressionAttributeNames: { '#s': 'status' },
                      ExpressionAttributeValues: { ':v': next.version, ':w': 'waitlisted' },
                    },
                  },
                ],
              }),
            );
            promoted.push(record);
          } catch (err) {
            const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
            if (!isTransactionConflict(err) && !reasons.some((r) => r.Code === 'ConditionalCheckFailed')) throw err;
            await sleep(backoff(attempt));
          }
        }
        return promoted;
      },

      /** Marks attendance on confirmed registrations, up to 100 per transaction (each write is idempotent). */
      async setAttendance(
        sessionId: string,
        marks: { registrationId: string; attended: boolean }[],
        usedUpload?: { uploadId: string; usedBy: string; fileKey: string },
        actor?: Actor,
      ): Promise<number> {
        const now = new Date().toISOString();
        // The sheet's upload is marked used in the first transaction (a sheet counts once).
        const uploadItem: TransactItem[] = usedUpload
          ? [
              {
                Update: {
                  TableName: T,
                  Key: fileKeys.upload(scope, usedUpload.uploadId),
                  UpdateExpression: 'SET #state = :verified, usedBy = :usedBy, fileKey = :fileKey REMOVE expiresAt',
                  ConditionExpression: 'attribute_exists(PK) AND #state = :pending',
                  ExpressionAttributeNames: { '#state': 'state' },
                  ExpressionAttributeValues: { ':verified': 'verified', ':pending': 'pending', ':usedBy': usedUpload.usedBy, ':fileKey': usedUpload.fileKey },
                },
              },
            ]
          : [];
        for (let i = 0; i < marks.length; i += 98) {
          const part = marks.slice(i, i + 98);
          try {
            await db.doc.send(
              new TransactWriteCommand({
                TransactItems: [
                  ...(i === 0 ? uploadItem : []),
                  ...(actor
                    ? [
                        auditItem(db, scope, actor, {
                          action: 'training.attendance',
                          target: `training/${sessionId}`,
                          orgId: actor.orgId,
                          changes: { marks: part.map((m) => [m.registrationId, m.attended]), ...(usedUpload ? { uploadId: usedUpload.uploadId } : {}) },
                          seq: i,
                        }),
                      ]
                    : []),
                  ...part.map((m) => ({
                    Update: {
                      TableName: T,
                      Key: trainingKeys.registration(scope, sessionId, m.registrationId),
                      UpdateExpression: 'SET attended = :a, version = version + :one, updatedAt = :now',
                      ConditionExpression: 'attribute_exists(PK) AND #s = :confirmed',
                      ExpressionAttributeNames: { '#s': 'status' },
                      ExpressionAttributeValues: { ':a': m.attended, ':one': 1, ':now': now, ':confirmed': 'confirmed' },
                    },
                  })),
                ],
              }),
            );
          } catch (err) {
            if (i === 0 && usedUpload && err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
              throw new StateConflictError('upload', 'used');
            }
            if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
              throw new NotFoundError('registration');
            }
            throw err;
          }
        }
        return marks.length;
      },

      /** The facility a calendar-feed token hash belongs to. */
      async findFeed(hash: string): Promise<{ facilityId: string } | undefined> {
        const res = await db.doc.send(new GetCommand({ TableName: T, Key: trainingKeys.calendarFeed(scope, hash) }));
        return res.Item ? { facilityId: String(res.Item.facilityId) } : undefined;
      },
      /** Stores the new feed hash and removes the facility's previous one, in one transaction with its audit entry. */
      async rotateFeed(facilityId: string, hash: string, now: string, actor: Actor): Promise<void> {
        const previous = await db.doc.send(new GetCommand({ TableName: T, Key: trainingKeys.calendarFeedOfFacility(scope, facilityId), ConsistentRead: true }));
        const oldHash = previous.Item?.hash as string | undefined;
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                ...(oldHash ? [{ Delete: { TableName: T, Key: trainingKeys.calendarFeed(scope, oldHash) } }] : []),
                { Put: { TableName: T, Item: { ...trainingKeys.calendarFeed(scope, hash), type: 'CalendarFeed', facilityId, createdAt: now } } },
                {
                  Put: {
                    TableName: T,
                    Item: { ...trainingKeys.calendarFeedOfFacility(scope, facilityId), type: 'CalendarFeedOfFacility', hash, createdAt: now },
                    ...(oldHash
                      ? { ConditionExpression: '#h = :old', ExpressionAttributeNames: { '#h': 'hash' }, ExpressionAttributeValues: { ':old': oldHash } }
                      : { ConditionExpression: 'attribute_not_exists(PK)' }),
                  },
                },
                // Neither the token nor its hash: only that a URL was created or replaced.
                auditItem(db, scope, actor, {
                  action: 'calendar.rotate',
                  target: `facility/${facilityId}/calendar-feed`,
                  orgId: facilityId,
                  changes: { replaced: oldHash !== undefined, createdAt: now },
                }),
              ],
            }),
          );
        } catch (err) {
          // Rotated by another request since it was read: that one's URL stands (409, never a second live URL).
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed'))
            throw new VersionConflictError('calendar', undefined);
          throw err;
        }
      },

      // The coverage read model, also on its own below (trainingCoverageRepositories) for the stream consumer.
      ...trainingCoverageRepositories(db, scope).trainingCoverage,
    },
  };
}

/**
 * The training coverage read model alone: what the stream consumer maintains and the coverage page reads. A function
 * that needs only this bundles it without the rest of the trainings repository (decision 0025).
 */
export function trainingCoverageRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  return {
    trainingCoverage: {
      /** The coverage of a fiscal year: slices (pref, each 保健所) with their covered-facility counts. */
      async coverageSlices(fiscalYear: number): Promise<Map<string, number>> {
        const items = await queryAll<{ slice: string; covered: number }>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': trainingKeys.coverage(scope, fiscalYear), ':sk': 'SLICE#' },
        });
        return new Map(items.map((i) => [i.slice, Number(i.covered ?? 0)]));
      },
      /** Attended sessions of one facility in a fiscal year, as the read model counts them. */
      async coverageOfFacility(fiscalYear: number, facilityId: string): Promise<number> {
        const res = await db.doc.send(new GetCommand({ TableName: T, Key: { PK: trainingKeys.coverage(scope, fiscalYear), SK: `FAC#${facilityId}` } }));
        return Number(res.Item?.n ?? 0);
      },
      /**
       * The stream consumer's change: `delta` (±1) attended registrations of a facility. The first attendance of a
       * facility in the year adds it to its slices' covered counts, the last one removed takes it out; the token
       * makes a retried stream batch count once.
       */
      async applyCoverageDelta(fiscalYear: number, facilityId: string, healthCenterId: string, delta: 1 | -1, token: string): Promise<void> {
        const pk = trainingKeys.coverage(scope, fiscalYear);
        const facKey = { PK: pk, SK: `FAC#${facilityId}` };
        const slice = (slice: string): TransactItem => ({
          Update: {
            TableName: T,
            Key: { PK: pk, SK: `SLICE#${slice}` },
            UpdateExpression: 'SET #t = :t, slice = :slice ADD covered :d',
            ExpressionAttributeNames: { '#t': 'type' },
            ExpressionAttributeValues: { ':t': 'TrainingCoverage', ':slice': slice, ':d': delta },
          },
        });
        const edge: TransactItem = {
          Update: {
            TableName: T,
            Key: facKey,
            UpdateExpression: 'SET n = :to, healthCenterId = :hc, #t = :t',
            ConditionExpression: delta === 1 ? 'attribute_not_exists(n) OR n = :zero' : 'n = :one',
            ExpressionAttributeNames: { '#t': 'type' },
            ExpressionAttributeValues: {
              ':to': delta === 1 ? 1 : 0,
              ':hc': healthCenterId,
              ':t': 'TrainingCoverageFacility',
              ...(delta === 1 ? { ':zero': 0 } : { ':one': 1 }),
            },
          },
        };
        try {
          await transactWithConflictRetry(db, {
            ClientRequestToken: `${token.slice(0, 34)}e`,
            TransactItems: [edge, slice('pref'), slice(`hc#${healthCenterId}`)],
          });
          return;
        } catch (err) {
          if (!(err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')) throw err;
        }
        await transactWithConflictRetry(db, {
          ClientRequestToken: `${token.slice(0, 34)}m`,
          TransactItems: [
            {
              Update: {
                TableName: T,
                Key: facKey,
                UpdateExpression: 'ADD n :d',
                ConditionExpression: delta === 1 ? 'n >= :one' : 'n > :one',
                ExpressionAttributeValues: { ':d': delta, ':one': 1 },
              },
            },
          ],
        });
      },
    },
  };
}
