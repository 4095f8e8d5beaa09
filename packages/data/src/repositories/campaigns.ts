import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { RESPONSE_STATUSES, type ResponseStatus } from '@mcr/contract';
import type { Answers, Context } from '@mcr/domain';
import type { Db } from '../client.ts';
import { NotFoundError, StateConflictError, VersionConflictError } from '../errors.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { Actor, CampaignAggregateRecord, CampaignRecord, FacilityRecord, ResponseRecord, ReviewRecord, SubmissionRecord } from '../records.ts';
import { auditItem, batchPut, getItem, queryAll, type TransactItem } from './shared.ts';

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
}

export interface SubmitResponseInput {
  expectedVersion: number;
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
      if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        const current = await getItem<ResponseRecord>(db, key);
        if (!current) throw new NotFoundError('response');
        const allowed = operation === 'edit' ? EDITABLE_STATUSES.includes(current.status) : current.status === 'submitted';
        if (!allowed) throw new StateConflictError('response', current.status, operation);
        throw new VersionConflictError('response', current.version);
      }
      throw err;
    }
  };

  const requireResponse = async (campaignId: string, facilityId: string): Promise<ResponseRecord> => {
    const r = await getItem<ResponseRecord>(db, keys.response(scope, campaignId, facilityId));
    if (!r) throw new NotFoundError('response');
    return { ...r, submissions: (r.submissions ?? []).map((x) => ({ ...x, byName: x.byName ?? '' })), reviews: r.reviews ?? [] };
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
       * Creates a campaign with one response per facility (answers carried forward where given) and its
       * counters. The aggregate and the campaign item are written last: until then the campaign is not
       * listed, so nobody sees counters ahead of the responses.
       */
      async create(c: CampaignRecord, initial: InitialResponse[], actor: Actor): Promise<void> {
        const items = initial.map(({ facility: f, answers, evaluation, context }) => {
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
          return { ...keys.response(scope, c.id, f.id), ...keys.responseByFacility(scope, f.id, c.id), type: 'Response', ...r };
        });
        await batchPut(db, items);
        const agg: CampaignAggregateRecord = { campaignId: c.id, facilities: initial.length, byStatus: { ...emptyByStatus(), not_started: initial.length } };
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
    },
    responses: {
      require: requireResponse,
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
       * editable; moves the campaign counters and appends the audit entry in the same transaction.
       */
      async save(campaignId: string, facilityId: string, input: SaveResponseInput, actor: Actor): Promise<ResponseRecord> {
        const key = keys.response(scope, campaignId, facilityId);
        await transactOnResponse(key, [
          {
            Update: {
              TableName: T,
              Key: key,
              UpdateExpression:
                'SET answers = :answers, evaluation = :evaluation, #context = :context, #status = :status, version = :next, updatedAt = :now, updatedBy = :by',
              ConditionExpression: 'attribute_exists(PK) AND version = :expected AND #status IN (:s1, :s2, :s3)',
              ExpressionAttributeNames: { '#status': 'status', '#context': 'context' },
              ExpressionAttributeValues: {
                ':answers': input.answers,
                ':context': input.context,
                ':evaluation': input.evaluation,
                ':status': input.status,
                ':next': input.expectedVersion + 1,
                ':expected': input.expectedVersion,
                ':now': new Date().toISOString(),
                ':by': actor.userId,
                ':s1': 'not_started',
                ':s2': 'in_progress',
                ':s3': 'returned',
              },
            },
          },
          auditItem(db, scope, actor, {
            action: 'response.answers.save',
            target: `campaign/${campaignId}/facility/${facilityId}`,
            orgId: facilityId,
            changes: input.changes,
          }),
        ]);
        return requireResponse(campaignId, facilityId);
      },
      /** Locks the response as submitted and keeps an immutable snapshot of the round, in one transaction. */
      async submit(campaignId: string, facilityId: string, input: SubmitResponseInput, actor: Actor): Promise<ResponseRecord> {
        const key = keys.response(scope, campaignId, facilityId);
        const at = new Date().toISOString();
        const snapshot: SubmissionRecord = {
          campaignId,
          facilityId,
          round: input.round,
          at,
          by: actor.userId,
          byName: actor.name,
          answers: input.answers,
          evaluation: input.evaluation,
        };
        await transactOnResponse(key, [
          {
            Update: {
              TableName: T,
              Key: key,
              UpdateExpression:
                'SET #status = :submitted, #context = :context, version = :next, updatedAt = :now, updatedBy = :by, submissions = list_append(if_not_exists(submissions, :empty), :sub)',
              ConditionExpression: 'attribute_exists(PK) AND version = :expected AND #status IN (:s1, :s2, :s3)',
              ExpressionAttributeNames: { '#status': 'status', '#context': 'context' },
              ExpressionAttributeValues: {
                ':context': input.context,
                ':submitted': 'submitted',
                ':next': input.expectedVersion + 1,
                ':expected': input.expectedVersion,
                ':now': at,
                ':by': actor.userId,
                ':empty': [],
                ':sub': [{ round: input.round, at, by: actor.userId, byName: actor.name }],
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
       * Only a response that is `submitted` at the expected version can be reviewed.
       */
      async review(campaignId: string, facilityId: string, input: { expectedVersion: number; review: ReviewRecord }, actor: Actor): Promise<ResponseRecord> {
        const key = keys.response(scope, campaignId, facilityId);
        const to = input.review.action;
        await transactOnResponse(
          key,
          [
            {
              Update: {
                TableName: T,
                Key: key,
                UpdateExpression:
                  'SET #status = :to, version = :next, updatedAt = :now, updatedBy = :by, reviews = list_append(if_not_exists(reviews, :empty), :review)',
                ConditionExpression: 'attribute_exists(PK) AND version = :expected AND #status = :submitted',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':to': to,
                  ':next': input.expectedVersion + 1,
                  ':expected': input.expectedVersion,
                  ':now': input.review.at,
                  ':by': actor.userId,
                  ':empty': [],
                  ':review': [input.review],
                  ':submitted': 'submitted',
                },
              },
            },
            auditItem(db, scope, actor, {
              action: to === 'confirmed' ? 'response.confirm' : 'response.return',
              target: `campaign/${campaignId}/facility/${facilityId}`,
              orgId: facilityId,
              changes: { round: input.review.round, message: input.review.message, itemComments: input.review.itemComments },
            }),
          ],
          'review',
        );
        return requireResponse(campaignId, facilityId);
      },
    },
  };
}
