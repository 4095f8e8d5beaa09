import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { RESPONSE_STATUSES, type ResponseStatus } from '@mcr/contract';
import { type Answers, type CellNotes, type Context, mergeNotes, sameNotes, splitNotes } from '@mcr/domain';

import type { Db } from '../client.ts';
import { NotFoundError, StateConflictError, VersionConflictError } from '../errors.ts';
import { keys, type TenantScope } from '../keys.ts';
import type {
  Actor,
  CampaignAggregateRecord,
  CampaignCreation,
  CampaignRecord,
  FacilityRecord,
  ResponseRecord,
  ReviewRecord,
  SubmissionRecord,
  SubmissionRef,
} from '../records.ts';
import { isTransactionConflict } from '../read-models/transact.ts';
import { auditItem, batchGet, batchPut, getItem, queryAll, strip, type TransactItem } from './shared.ts';

/** Note items a save may write in its one transaction (DynamoDB allows 100 actions: the response, the audit entry, 98 notes). */
/** True when an item's answers still carry notes inline. */
const hasInlineNotes = (answers: Answers | undefined) =>
  Object.values(answers ?? {}).some((cell) => Object.values(cell).some((a) => a?.note !== undefined && a.note !== ''));

export const MAX_NOTE_WRITES_PER_SAVE = 97;
/** Item comments per `LOG#<at>#COMMENT#<page>` item: 25 × 2,000 characters ≤ 150 KB. */
export const COMMENTS_PER_ITEM = 25;
/** Facility ids per `TARGET#<page>` item of a campaign being created (≤ 1,000 × 66 bytes). */
export const TARGET_IDS_PER_ITEM = 1000;

interface NoteItem {
  cell: string;
  notes: CellNotes;
}

type LogItem =
  | ({ entry: 'submission' } & SubmissionRef)
  | ({ entry: 'review'; comments: number } & Omit<ReviewRecord, 'itemComments'>)
  | { entry: 'comments'; at: string; page: number; itemComments: ReviewRecord['itemComments'] };

/** The latest submission of each round, in time order: all the response item keeps (at most 3). */
export function latestPerRound(subs: readonly SubmissionRef[]): SubmissionRef[] {
  const byRound = new Map<number, SubmissionRef>();
  for (const s of [...subs].sort((a, b) => a.at.localeCompare(b.at))) byRound.set(s.round, s);
  return [...byRound.values()].sort((a, b) => a.at.localeCompare(b.at));
}

/** The response item as stored: the core of the answers, no notes, no reviews. */
function responseItem(scope: TenantScope, r: ResponseRecord) {
  const { reviews: _reviews, ...rest } = r;
  return {
    ...keys.response(scope, r.campaignId, r.facilityId),
    ...keys.responseByFacility(scope, r.facilityId, r.campaignId),
    type: 'Response',
    ...rest,
    answers: splitNotes(r.answers).core,
  };
}

/** The cell id of the notes' head item: written with every change of the notes, so a deletion shows too. */
const NOTES_HEAD = '~';

function noteItems(scope: TenantScope, campaignId: string, facilityId: string, answers: Answers) {
  const notes = [...splitNotes(answers).notes].map(([cell, notes]) => ({ ...keys.note(scope, campaignId, facilityId, cell), type: 'Note', cell, notes, v: 0 }));
  return notes.length ? [...notes, { ...keys.note(scope, campaignId, facilityId, NOTES_HEAD), type: 'NoteHead', cell: NOTES_HEAD, v: 0 }] : [];
}

export function emptyByStatus(): Record<ResponseStatus, number> {
  return Object.fromEntries(RESPONSE_STATUSES.map((s) => [s, 0])) as Record<ResponseStatus, number>;
}

/** Counts responses by status: the recount that the campaign counters must always equal. */
export function countByStatus(rows: ReadonlyArray<{ status: ResponseStatus }>): Record<ResponseStatus, number> {
  const counts = emptyByStatus();
  for (const r of rows) counts[r.status]++;
  return counts;
}

export interface InitialResponse {
  facility: FacilityRecord;
  answers: Answers;
  evaluation: ResponseRecord['evaluation'];
  /** What the rules knew of the facility when the answers were evaluated (the read models re-evaluate with it). */
  context: Context;
}

export interface SaveResponseInput {
  expectedVersion: number;
  context: Context;
  answers: ResponseRecord['answers'];
  evaluation: ResponseRecord['evaluation'];
  status: ResponseStatus;
  previousStatus: ResponseStatus;
  /** What the audit log records as changed. */
  changes: unknown;
  /**
   * The response as read for this save (at `expectedVersion`). Its notes are what is stored, so they need not be
   * read again, and the saved response is built from it instead of re-read: the version condition guarantees
   * nothing else changed in between.
   */
  previous?: ResponseRecord;
}

export interface SubmitResponseInput {
  expectedVersion: number;
  /** Every earlier submission (as read; read here when not given): the response item keeps the latest of each round. */
  submissions?: readonly SubmissionRef[];
  context: Context;
  round: number;
  previousStatus: ResponseStatus;
  answers: ResponseRecord['answers'];
  evaluation: ResponseRecord['evaluation'];
}

/** Statuses in which the facility may still change its answers. */
export const EDITABLE_STATUSES: readonly ResponseStatus[] = ['not_started', 'in_progress', 'returned'];

export function campaignRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;

  /**
   * Runs a transaction whose first item is the conditional response update, and says why it was refused:
   * gone, in a state that does not allow the operation, or changed by someone else.
   */
  const transactOnResponse = async (key: { PK: string; SK: string }, items: TransactItem[], operation: 'edit' | 'review' = 'edit') => {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      // A condition that failed, or another request's transaction on the same response at that moment: either way
      // it changed under us (a merging save reads again and retries).
      const failed = err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';
      if (failed || isTransactionConflict(err)) {
        const current = await getItem<ResponseRecord>(db, key);
        if (!current) throw new NotFoundError('response');
        const allowed = operation === 'edit' ? EDITABLE_STATUSES.includes(current.status) : current.status === 'submitted';
        if (!allowed) throw new StateConflictError('response', current.status, operation);
        throw new VersionConflictError('response', current.version);
      }
      throw err;
    }
  };

  const historyQuery = (campaignId: string, facilityId: string, prefix: string) => ({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.responseHistory(scope, campaignId, facilityId), ':sk': prefix },
    ConsistentRead: true,
  });
  /** The notes stored for a response, by cell. */
  const storedNotes = async (campaignId: string, facilityId: string) =>
    new Map(
      (await queryAll<NoteItem>(db, historyQuery(campaignId, facilityId, keys.notePrefix))).filter((n) => n.cell !== NOTES_HEAD).map((n) => [n.cell, n.notes]),
    );

  /**
   * The response as the API shows it: the core from the response item, then (read after it, so never older)
   * the notes merged back and the submissions and reviews from the log items. Responses written before the
   * notes and reviews moved out keep theirs inline; both are read.
   */
  const requireResponse = async (campaignId: string, facilityId: string): Promise<ResponseRecord> => {
    const readCore = () => db.doc.send(new GetCommand({ TableName: T, Key: keys.response(scope, campaignId, facilityId), ConsistentRead: true }));
    const readHistory = () =>
      Promise.all([
        queryAll<NoteItem & { v?: number }>(db, historyQuery(campaignId, facilityId, keys.notePrefix)),
        queryAll<LogItem & { v?: number }>(db, historyQuery(campaignId, facilityId, keys.responseLogPrefix)),
      ]);
    // The core and its history are read together; every history item carries the response version that wrote it
    // and the core the version of its last history write (`histAt`), so a read that straddles a write is seen and
    // read again. Items from before the tags (no `v`) are read the old way: the core first, then the history.
    let got = await Promise.all([readCore(), readHistory()]);
    for (let attempt = 0; ; attempt++) {
      const [core, [n, l]] = got;
      if (!core.Item) throw new NotFoundError('response');
      const items = [...n, ...l];
      const tagged = items.every((i) => typeof i.v === 'number');
      const histAt = typeof core.Item.histAt === 'number' ? core.Item.histAt : -1;
      const latest = items.reduce((m, i) => Math.max(m, i.v ?? -1), -1);
      if (tagged && histAt === latest) break;
      if (!tagged || attempt >= 2) {
        const c = await readCore();
        got = [c, await readHistory()];
        break;
      }
      got = await Promise.all([readCore(), readHistory()]);
    }
    const [core, [noteList, log]] = got;
    if (!core.Item) throw new NotFoundError('response');
    const { histAt: _h, ...item } = core.Item;
    const r = strip<ResponseRecord>(item);
    const notes = new Map(noteList.filter((x) => x.cell !== NOTES_HEAD).map((x) => [x.cell, x.notes]));
    const subs = new Map<string, SubmissionRef>();
    for (const x of [...(r.submissions ?? []), ...log.filter((l) => l.entry === 'submission')]) {
      subs.set(`${x.at}#${x.round}`, { round: x.round, at: x.at, by: x.by, byName: x.byName ?? '' });
    }
    const comments = new Map<string, { page: number; itemComments: ReviewRecord['itemComments'] }[]>();
    for (const l of log) if (l.entry === 'comments') comments.set(l.at, [...(comments.get(l.at) ?? []), l]);
    const reviews: ReviewRecord[] = [
      ...(r.reviews ?? []),
      ...log
        .filter((l) => l.entry === 'review')
        .map(({ entry: _e, comments: _c, v: _v, ...rv }) => ({
          ...rv,
          itemComments: (comments.get(rv.at) ?? []).sort((a, b) => a.page - b.page).flatMap((c) => c.itemComments),
        })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return {
      ...r,
      // Notes still inline on the item (written before notes moved to their own items) move out on the next save.
      ...(hasInlineNotes(r.answers) ? { inlineNotes: true } : {}),
      answers: mergeNotes(r.answers, notes),
      submissions: [...subs.values()].sort((a, b) => a.at.localeCompare(b.at)),
      reviews,
    };
  };

  const creationUpdate = async (
    id: string,
    jobId: string,
    set: string,
    values: Record<string, unknown>,
    from: readonly CampaignCreation['status'][],
    remove = '',
  ) => {
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: T,
          Key: keys.campaign(scope, id),
          UpdateExpression: `SET ${set}, creation.updatedAt = :now${remove ? ` REMOVE ${remove}` : ''}`,
          ConditionExpression: `creation.jobId = :job AND creation.#cs IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
          ExpressionAttributeNames: {
            '#cs': 'status',
            ...(set.includes('#pr') ? { '#pr': 'processed' } : {}),
            ...(set.includes('#err') || remove.includes('#err') ? { '#err': 'error' } : {}),
          },
          ExpressionAttributeValues: {
            ...values,
            ':job': jobId,
            ':now': new Date().toISOString(),
            ...Object.fromEntries(from.map((f, i) => [`:from${i}`, f])),
          },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  };

  /**
   * Writes initial responses (core on the response item, any notes on note items) with plain puts: the same
   * response written twice is the same item, so a repeated job run changes nothing. 4 batches run at once.
   */
  const putResponses = async (c: CampaignRecord, initial: InitialResponse[]): Promise<void> => {
    const items: Record<string, unknown>[] = [];
    for (const { facility: f, answers, evaluation, context } of initial) {
      const r: ResponseRecord = {
        campaignId: c.id,
        templateId: c.templateId,
        facilityId: f.id,
        facilityName: f.name,
        facilityKind: f.kind,
        healthCenterId: f.healthCenterId,
        healthCenterName: f.healthCenterName,
        medicalAreaName: f.medicalAreaName,
        beds: f.beds,
        medicalInstitutionCode: f.medicalInstitutionCode,
        context,
        status: 'not_started',
        answers,
        evaluation,
        version: 0,
        updatedAt: null,
        updatedBy: null,
        submissions: [],
        reviews: [],
      };
      const notes = noteItems(scope, c.id, f.id, answers);
      items.push({ ...responseItem(scope, r), ...(notes.length ? { histAt: 0 } : {}) }, ...notes);
    }
    const slices: Record<string, unknown>[][] = [];
    for (let i = 0; i < items.length; i += 25) slices.push(items.slice(i, i + 25));
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(4, slices.length) }, async () => {
        while (next < slices.length) await batchPut(db, slices[next++] as Record<string, unknown>[]);
      }),
    );
  };

  return {
    campaigns: {
      get: (id: string) => getItem<CampaignRecord>(db, keys.campaign(scope, id)),
      async require(id: string): Promise<CampaignRecord> {
        const c = await getItem<CampaignRecord>(db, keys.campaign(scope, id));
        if (!c) throw new NotFoundError('campaign');
        return c;
      },
      list: () =>
        queryAll<CampaignRecord>(db, {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.campaignsPartition(scope) },
        }),
      aggregate: (id: string) => getItem<CampaignAggregateRecord>(db, keys.campaignAggregate(scope, id)),
      /**
       * Creates an open campaign with one response per facility in one go (the demo seed; the API creates
       * campaigns through {@link begin} and a background job). The aggregate and the campaign item are written
       * last: until then the campaign is not listed, so nobody sees counters ahead of the responses.
       */
      async create(c: CampaignRecord, initial: InitialResponse[], actor: Actor): Promise<void> {
        await putResponses(c, initial);
        const agg: CampaignAggregateRecord = { campaignId: c.id, facilities: initial.length };
        await db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: T,
                  Item: { ...keys.campaignAggregate(scope, c.id), type: 'CampaignAggregate', ...agg },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Put: {
                  TableName: T,
                  Item: { ...keys.campaign(scope, c.id), ...keys.campaignIndex(scope, c.opensOn, c.id), type: 'Campaign', ...c },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              auditItem(db, scope, actor, {
                action: 'campaign.create',
                target: `campaign/${c.id}`,
                orgId: actor.orgId,
                changes: { ...c, facilities: initial.length },
              }),
            ],
          }),
        );
      },
      /**
       * Starts creating a campaign: freezes the target facility ids (`TARGET#` items, not listed), then writes the
       * campaign in state `creating` with its audit entry. The job writes the responses ({@link putResponses}).
       */
      async begin(c: CampaignRecord & { creation: CampaignCreation }, facilityIds: readonly string[], actor: Actor): Promise<void> {
        const pages: Record<string, unknown>[] = [];
        for (let i = 0; i < facilityIds.length; i += TARGET_IDS_PER_ITEM) {
          pages.push({ ...keys.campaignTarget(scope, c.id, pages.length), type: 'CampaignTarget', ids: facilityIds.slice(i, i + TARGET_IDS_PER_ITEM) });
        }
        await batchPut(db, pages);
        await db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: T,
                  Item: { ...keys.campaign(scope, c.id), ...keys.campaignIndex(scope, c.opensOn, c.id), type: 'Campaign', ...c },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              auditItem(db, scope, actor, {
                action: 'campaign.create',
                target: `campaign/${c.id}`,
                orgId: actor.orgId,
                changes: { ...c, creation: undefined, facilities: facilityIds.length },
              }),
            ],
          }),
        );
      },
      /** The facility ids frozen by {@link begin}, in order. */
      async targetIds(id: string): Promise<string[]> {
        const pages = await queryAll<{ ids: string[] }>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': keys.campaign(scope, id).PK, ':sk': keys.campaignTargetPrefix },
          ConsistentRead: true,
        });
        return pages.flatMap((p) => p.ids);
      },
      putResponses: (c: CampaignRecord, initial: InitialResponse[]) => putResponses(c, initial),
      /** Facility profiles by id (missing ones are left out), for the creating job's chunks. */
      facilitiesByIds: (ids: readonly string[]) =>
        batchGet<FacilityRecord & { type?: string }>(
          db,
          ids.map((id) => keys.facility(scope, id)),
        ),
      /** Progress of the creating job; false when the campaign is no longer being created by that job. */
      creationProgress: (id: string, jobId: string, processed: number, carriedForward: number) =>
        creationUpdate(id, jobId, 'creation.#pr = :p, creation.carriedForward = :cf', { ':p': processed, ':cf': carriedForward }, ['creating']),
      /** Every response is written: the counters, then the campaign opens (`creation.status = done`). */
      async finishCreation(id: string, jobId: string, total: number, carriedForward: number): Promise<boolean> {
        const agg: CampaignAggregateRecord = { campaignId: id, facilities: total };
        // Written again by a repeated run with the same numbers: nobody changes a response before the campaign opens.
        await db.doc.send(
          new TransactWriteCommand({
            TransactItems: [{ Put: { TableName: T, Item: { ...keys.campaignAggregate(scope, id), type: 'CampaignAggregate', ...agg } } }],
          }),
        );
        return creationUpdate(
          id,
          jobId,
          'creation.#cs = :done, creation.#pr = :p, creation.carriedForward = :cf',
          { ':done': 'done', ':p': total, ':cf': carriedForward },
          ['creating'],
          'creation.#err',
        );
      },
      failCreation: (id: string, jobId: string, error: { code: string; message: { ja: string; en: string } }) =>
        creationUpdate(id, jobId, 'creation.#cs = :failed, creation.#err = :err', { ':failed': 'failed', ':err': error }, ['creating']),
      /**
       * Hands a failed (or stalled) creation to a new job, with its `campaign.creation.retry` audit entry in the
       * same transaction. `staleBefore`: a `creating` campaign not updated since then is taken over too. False
       * (and no entry) when the campaign is not in such a state.
       */
      async restartCreation(id: string, jobId: string, staleBefore: string, actor: Actor, changes: Record<string, unknown>): Promise<boolean> {
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: T,
                    Key: keys.campaign(scope, id),
                    UpdateExpression: 'SET creation.#cs = :creating, creation.jobId = :job, creation.updatedAt = :now REMOVE creation.#err',
                    ConditionExpression: 'creation.#cs = :failed OR (creation.#cs = :creating AND creation.updatedAt < :stale)',
                    ExpressionAttributeNames: { '#cs': 'status', '#err': 'error' },
                    ExpressionAttributeValues: {
                      ':creating': 'creating',
                      ':failed': 'failed',
                      ':job': jobId,
                      ':stale': staleBefore,
                      ':now': new Date().toISOString(),
                    },
                  },
                },
                auditItem(db, scope, actor, {
                  action: 'campaign.creation.retry',
                  target: `campaign/${id}`,
                  orgId: actor.orgId,
                  changes: { ...changes, jobId },
                }),
              ],
            }),
          );
          return true;
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
          throw err;
        }
      },
    },
    responses: {
      require: requireResponse,
      /** The stored responses (answers' core only) of some facilities to one campaign; missing ones are left out. */
      getMany: (campaignId: string, facilityIds: readonly string[]) =>
        batchGet<ResponseRecord>(
          db,
          facilityIds.map((f) => keys.response(scope, campaignId, f)),
        ),
      /**
       * Responses with their notes merged back (for carrying last year's answers forward): one Query of note items
       * per response that has history (`histAt`), 25 at a time; a response without history has no note items.
       */
      async getManyWithNotes(campaignId: string, facilityIds: readonly string[]): Promise<ResponseRecord[]> {
        const list = await batchGet<ResponseRecord & { histAt?: number }>(
          db,
          facilityIds.map((f) => keys.response(scope, campaignId, f)),
        );
        const out: ResponseRecord[] = [];
        for (let i = 0; i < list.length; i += 25) {
          out.push(
            ...(await Promise.all(
              list
                .slice(i, i + 25)
                .map(async ({ histAt, ...r }) =>
                  histAt === undefined ? r : { ...r, answers: mergeNotes(r.answers, await storedNotes(campaignId, r.facilityId)) },
                ),
            )),
          );
        }
        return out;
      },
      listOfCampaign: (campaignId: string) =>
        queryAll<ResponseRecord>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': keys.campaign(scope, campaignId).PK, ':sk': keys.responsesOfCampaignPrefix },
        }),
      listOfFacility: (facilityId: string) =>
        queryAll<ResponseRecord>(db, {
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.responseByFacility(scope, facilityId, '').GSI2PK },
        }),
      /**
       * Writes new answers if, and only if, the stored version is still `expectedVersion` and the response is
       * editable: the core on the response item, each cell whose notes changed on its note item, and the audit
       * entry, in one transaction.
       */
      async save(campaignId: string, facilityId: string, input: SaveResponseInput, actor: Actor): Promise<ResponseRecord> {
        const key = keys.response(scope, campaignId, facilityId);
        const { core, notes } = splitNotes(input.answers);
        const previous = input.previous && input.previous.version === input.expectedVersion ? input.previous : undefined;
        const stored = previous && !previous.inlineNotes ? splitNotes(previous.answers).notes : await storedNotes(campaignId, facilityId);
        const now = new Date().toISOString();
        const noteWrites: TransactItem[] = [];
        for (const cell of new Set([...stored.keys(), ...notes.keys()])) {
          const text = notes.get(cell);
          if (sameNotes(stored.get(cell), text)) continue;
          const noteKey = keys.note(scope, campaignId, facilityId, cell);
          noteWrites.push(
            text
              ? { Put: { TableName: T, Item: { ...noteKey, type: 'Note', cell, notes: text, v: input.expectedVersion + 1 } } }
              : { Delete: { TableName: T, Key: noteKey } },
          );
        }
        if (noteWrites.length > MAX_NOTE_WRITES_PER_SAVE) throw new Error(`a save may change the notes of at most ${MAX_NOTE_WRITES_PER_SAVE} cells`);
        if (noteWrites.length)
          noteWrites.push({
            Put: {
              TableName: T,
              Item: { ...keys.note(scope, campaignId, facilityId, NOTES_HEAD), type: 'NoteHead', cell: NOTES_HEAD, v: input.expectedVersion + 1 },
            },
          });
        await transactOnResponse(key, [
          {
            Update: {
              TableName: T,
              Key: key,
              UpdateExpression: `SET answers = :answers, evaluation = :evaluation, #context = :context, #status = :status, version = :next, updatedAt = :now, updatedBy = :by${noteWrites.length ? ', histAt = :next' : ''}`,
              ConditionExpression: 'attribute_exists(PK) AND version = :expected AND #status IN (:s1, :s2, :s3)',
              ExpressionAttributeNames: { '#status': 'status', '#context': 'context' },
              ExpressionAttributeValues: {
                ':answers': core,
                ':context': input.context,
                ':evaluation': input.evaluation,
                ':status': input.status,
                ':next': input.expectedVersion + 1,
                ':expected': input.expectedVersion,
                ':now': now,
                ':by': actor.userId,
                ':s1': 'not_started',
                ':s2': 'in_progress',
                ':s3': 'returned',
              },
            },
          },
          ...noteWrites,
          auditItem(db, scope, actor, {
            action: 'response.answers.save',
            target: `campaign/${campaignId}/facility/${facilityId}`,
            orgId: facilityId,
            changes: input.changes,
          }),
        ]);
        if (previous) {
          const { inlineNotes: _inline, ...rest } = previous;
          return {
            ...rest,
            answers: input.answers,
            evaluation: input.evaluation,
            context: input.context,
            status: input.status,
            version: input.expectedVersion + 1,
            updatedAt: now,
            updatedBy: actor.userId,
          };
        }
        return requireResponse(campaignId, facilityId);
      },
      /**
       * Locks the response as submitted and keeps an immutable snapshot of the round (the answers' core: notes stay
       * on the note items, which cannot change until the response is sent back), in one transaction.
       */
      async submit(campaignId: string, facilityId: string, input: SubmitResponseInput, actor: Actor): Promise<ResponseRecord> {
        const key = keys.response(scope, campaignId, facilityId);
        const at = new Date().toISOString();
        const ref: SubmissionRef = { round: input.round, at, by: actor.userId, byName: actor.name };
        const earlier = input.submissions ?? (await requireResponse(campaignId, facilityId)).submissions;
        const snapshot: SubmissionRecord = { campaignId, facilityId, ...ref, answers: splitNotes(input.answers).core, evaluation: input.evaluation };
        await transactOnResponse(key, [
          {
            Update: {
              TableName: T,
              Key: key,
              UpdateExpression:
                'SET #status = :submitted, #context = :context, version = :next, histAt = :next, updatedAt = :now, updatedBy = :by, submissions = :subs',
              ConditionExpression: 'attribute_exists(PK) AND version = :expected AND #status IN (:s1, :s2, :s3)',
              ExpressionAttributeNames: { '#status': 'status', '#context': 'context' },
              ExpressionAttributeValues: {
                ':context': input.context,
                ':submitted': 'submitted',
                ':next': input.expectedVersion + 1,
                ':expected': input.expectedVersion,
                ':now': at,
                ':by': actor.userId,
                ':subs': latestPerRound([...earlier, ref]),
                ':s1': 'not_started',
                ':s2': 'in_progress',
                ':s3': 'returned',
              },
            },
          },
          {
            Put: {
              TableName: T,
              Item: { ...keys.submission(scope, campaignId, facilityId, input.round, at), type: 'Submission', ...snapshot },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: T,
              Item: {
                ...keys.responseLog(scope, campaignId, facilityId, at, 'SUB'),
                type: 'ResponseLog',
                entry: 'submission',
                ...ref,
                v: input.expectedVersion + 1,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          auditItem(db, scope, actor, {
            action: 'response.submit',
            target: `campaign/${campaignId}/facility/${facilityId}`,
            orgId: facilityId,
            changes: { round: input.round },
          }),
        ]);
        return requireResponse(campaignId, facilityId);
      },
      /**
       * The prefecture's decision on a submitted round: confirmed (受理) or returned (差戻し) with comments.
       * Only a response that is `submitted` at the expected version can be reviewed. The review and its item
       * comments are log items of their own (25 comments per item), written in the same transaction.
       */
      async review(campaignId: string, facilityId: string, input: { expectedVersion: number; review: ReviewRecord }, actor: Actor): Promise<ResponseRecord> {
        const key = keys.response(scope, campaignId, facilityId);
        const { itemComments, ...review } = input.review;
        const to = review.action;
        const pages: TransactItem[] = [];
        for (let i = 0; i < itemComments.length; i += COMMENTS_PER_ITEM) {
          const page = pages.length;
          pages.push({
            Put: {
              TableName: T,
              Item: {
                ...keys.responseLog(scope, campaignId, facilityId, review.at, `COMMENT#${String(page).padStart(2, '0')}`),
                type: 'ResponseLog',
                entry: 'comments',
                at: review.at,
                page,
                itemComments: itemComments.slice(i, i + COMMENTS_PER_ITEM),
                v: input.expectedVersion + 1,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          });
        }
        const short = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
        await transactOnResponse(
          key,
          [
            {
              Update: {
                TableName: T,
                Key: key,
                UpdateExpression: 'SET #status = :to, version = :next, histAt = :next, updatedAt = :now, updatedBy = :by',
                ConditionExpression: 'attribute_exists(PK) AND version = :expected AND #status = :submitted',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':to': to,
                  ':next': input.expectedVersion + 1,
                  ':expected': input.expectedVersion,
                  ':now': review.at,
                  ':by': actor.userId,
                  ':submitted': 'submitted',
                },
              },
            },
            {
              Put: {
                TableName: T,
                Item: {
                  ...keys.responseLog(scope, campaignId, facilityId, review.at, 'REVIEW'),
                  type: 'ResponseLog',
                  entry: 'review',
                  ...review,
                  comments: itemComments.length,
                  v: input.expectedVersion + 1,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...pages,
            auditItem(db, scope, actor, {
              action: to === 'confirmed' ? 'response.confirm' : 'response.return',
              target: `campaign/${campaignId}/facility/${facilityId}`,
              orgId: facilityId,
              // Bounded: the full text is on the log items; the audit keeps the start of each.
              changes: {
                round: review.round,
                message: short(review.message),
                itemComments: itemComments.map((c) => ({ itemId: c.itemId, comment: short(c.comment) })),
              },
            }),
          ],
          'review',
        );
        return requireResponse(campaignId, facilityId);
      },
    },
  };
}
