import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  type QueryCommandInput,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { RESPONSE_STATUSES, type ResponseStatus } from '@mcr/contract';
import type { Db } from './client.ts';
import { NotFoundError, VersionConflictError } from './errors.ts';
import { keys, type TenantScope } from './keys.ts';
import type {
  Actor,
  CampaignAggregateRecord,
  CampaignRecord,
  ContractRecord,
  FacilityRecord,
  HealthCenterRecord,
  MembershipRecord,
  ResponseRecord,
  TenantRecord,
  VendorRecord,
} from './records.ts';

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type', 'expiresAt'] as const;

/** Removes the storage attributes so that records, not items, leave the data layer. */
function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRIBUTES) delete out[k];
  return out as T;
}

async function queryAll<T>(db: Db, input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
  const out: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(new QueryCommand({ TableName: db.tableName, ...input, ExclusiveStartKey }));
    for (const item of page.Items ?? []) out.push(strip<T>(item));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

async function getItem<T>(db: Db, key: { PK: string; SK: string }): Promise<T | undefined> {
  const res = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }));
  return res.Item ? strip<T>(res.Item) : undefined;
}

/**
 * Reads the membership that names a user's role and organisation. Called by the auth middleware
 * with the tenant taken from the verified token, before any other repository exists.
 */
export async function loadMembership(db: Db, scope: TenantScope, userId: string): Promise<MembershipRecord | undefined> {
  return getItem<MembershipRecord>(db, keys.membership(scope, userId));
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

export interface SaveResponseInput {
  expectedVersion: number;
  answers: ResponseRecord['answers'];
  evaluation: ResponseRecord['evaluation'];
  status: ResponseStatus;
  previousStatus: ResponseStatus;
  /** What the audit log records as changed. */
  changes: unknown;
}

/**
 * Repositories bound to one tenant. The scope comes from the verified identity (or, for seeding and
 * operator tools, from an explicit system scope); no method takes a tenant id.
 */
export function createRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  return {
    tenant: {
      get: () => getItem<TenantRecord>(db, keys.tenant(scope)),
      put: (r: TenantRecord) => db.doc.send(new PutCommand({ TableName: T, Item: { ...keys.tenant(scope), type: 'Tenant', ...r } })),
    },
    memberships: {
      get: (userId: string) => loadMembership(db, scope, userId),
      put: (r: MembershipRecord) =>
        db.doc.send(
          new PutCommand({
            TableName: T,
            Item: { ...keys.membership(scope, r.userId), ...keys.membershipByOrg(scope, r.orgId), GSI1SK: `USER#${r.email}`, type: 'Membership', ...r },
          }),
        ),
    },
    healthCenters: {
      list: () => queryAll<HealthCenterRecord>(db, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.healthCenters(scope).PK } }),
      put: (r: HealthCenterRecord) => db.doc.send(new PutCommand({ TableName: T, Item: { ...keys.healthCenter(scope, r.id), type: 'HealthCenter', ...r } })),
    },
    facilities: {
      get: (id: string) => getItem<FacilityRecord>(db, keys.facility(scope, id)),
      async require(id: string): Promise<FacilityRecord> {
        const f = await getItem<FacilityRecord>(db, keys.facility(scope, id));
        if (!f) throw new NotFoundError('facility');
        return f;
      },
      list: (filter: { healthCenterId?: string | undefined } = {}) =>
        queryAll<FacilityRecord>(db, {
          IndexName: 'GSI1',
          KeyConditionExpression: filter.healthCenterId ? 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)' : 'GSI1PK = :pk',
          ExpressionAttributeValues: {
            ':pk': keys.facilitiesPartition(scope),
            ...(filter.healthCenterId ? { ':sk': keys.facilitiesOfHealthCenterPrefix(filter.healthCenterId) } : {}),
          },
        }),
      put: (r: FacilityRecord) =>
        db.doc.send(
          new PutCommand({
            TableName: T,
            Item: { ...keys.facility(scope, r.id), ...keys.facilityIndex(scope, r.healthCenterId, r.id), type: 'Facility', ...r },
          }),
        ),
    },
    vendors: {
      get: (id: string) => getItem<VendorRecord>(db, keys.vendor(scope, id)),
      put: (r: VendorRecord) =>
        db.doc.send(new PutCommand({ TableName: T, Item: { ...keys.vendor(scope, r.id), ...keys.vendorIndex(scope, r.id), type: 'Vendor', ...r } })),
    },
    contracts: {
      listOfFacility: (facilityId: string) =>
        queryAll<ContractRecord>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': keys.facility(scope, facilityId).PK, ':sk': 'CONTRACT#' },
        }),
      put: (r: ContractRecord) =>
        db.doc.send(
          new PutCommand({
            TableName: T,
            Item: { ...keys.contract(scope, r.facilityId, r.vendorId), ...keys.contractByVendor(scope, r.vendorId, r.facilityId), type: 'Contract', ...r },
          }),
        ),
    },
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
       * Creates a campaign with an empty response per facility and its counters. Items are written in
       * batches; the aggregate is written last so that a reader never sees counters ahead of responses.
       */
      async create(c: CampaignRecord, facilities: FacilityRecord[], evaluationOf: (f: FacilityRecord) => ResponseRecord['evaluation']): Promise<void> {
        await db.doc.send(
          new PutCommand({ TableName: T, Item: { ...keys.campaign(scope, c.id), ...keys.campaignIndex(scope, c.opensOn, c.id), type: 'Campaign', ...c } }),
        );
        const items = facilities.map((f) => {
          const r: ResponseRecord = {
            campaignId: c.id,
            facilityId: f.id,
            facilityName: f.name,
            facilityKind: f.kind,
            healthCenterId: f.healthCenterId,
            healthCenterName: f.healthCenterName,
            status: 'not_started',
            answers: {},
            evaluation: evaluationOf(f),
            version: 0,
            updatedAt: null,
            updatedBy: null,
          };
          return { ...keys.response(scope, c.id, f.id), ...keys.responseByFacility(scope, f.id, c.id), type: 'Response', ...r };
        });
        for (let i = 0; i < items.length; i += 25) {
          let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
            [T]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          };
          while (request && Object.keys(request).length > 0) {
            const res = await db.doc.send(new BatchWriteCommand({ RequestItems: request }));
            request = res.UnprocessedItems as typeof request;
          }
        }
        const agg: CampaignAggregateRecord = {
          campaignId: c.id,
          facilities: facilities.length,
          byStatus: { ...emptyByStatus(), not_started: facilities.length },
        };
        await db.doc.send(new PutCommand({ TableName: T, Item: { ...keys.campaignAggregate(scope, c.id), type: 'CampaignAggregate', ...agg } }));
      },
    },
    responses: {
      async require(campaignId: string, facilityId: string): Promise<ResponseRecord> {
        const r = await getItem<ResponseRecord>(db, keys.response(scope, campaignId, facilityId));
        if (!r) throw new NotFoundError('response');
        return r;
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
       * Writes new answers if, and only if, the stored version is still `expectedVersion`; moves the
       * campaign counters and appends the audit entry in the same transaction, so they always equal a recount.
       */
      async save(campaignId: string, facilityId: string, input: SaveResponseInput, actor: Actor): Promise<ResponseRecord> {
        const now = new Date().toISOString();
        const key = keys.response(scope, campaignId, facilityId);
        const transact: NonNullable<TransactWriteCommandInput['TransactItems']> = [
          {
            Update: {
              TableName: T,
              Key: key,
              UpdateExpression: 'SET answers = :answers, evaluation = :evaluation, #status = :status, version = :next, updatedAt = :now, updatedBy = :by',
              ConditionExpression: 'attribute_exists(PK) AND version = :expected',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':answers': input.answers,
                ':evaluation': input.evaluation,
                ':status': input.status,
                ':next': input.expectedVersion + 1,
                ':expected': input.expectedVersion,
                ':now': now,
                ':by': actor.userId,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
            },
          },
          ...(input.status !== input.previousStatus
            ? [
                {
                  Update: {
                    TableName: T,
                    Key: keys.campaignAggregate(scope, campaignId),
                    UpdateExpression: 'ADD byStatus.#from :minus, byStatus.#to :plus',
                    ConditionExpression: 'attribute_exists(PK)',
                    ExpressionAttributeNames: { '#from': input.previousStatus, '#to': input.status },
                    ExpressionAttributeValues: { ':minus': -1, ':plus': 1 },
                  },
                },
              ]
            : []),
          {
            Put: {
              TableName: T,
              Item: {
                ...keys.audit(scope, now, actor.requestId, 0),
                ...keys.auditByOrg(scope, facilityId, now),
                type: 'Audit',
                at: now,
                actor,
                action: 'response.answers.save',
                target: `campaign/${campaignId}/facility/${facilityId}`,
                changes: input.changes,
              },
            },
          },
        ];
        try {
          await db.doc.send(new TransactWriteCommand({ TransactItems: transact }));
        } catch (err) {
          if (err instanceof TransactionCanceledException) {
            const first = err.CancellationReasons?.[0];
            if (first?.Code === 'ConditionalCheckFailed') {
              const current = await getItem<ResponseRecord>(db, key);
              if (!current) throw new NotFoundError('response');
              throw new VersionConflictError('response', current.version);
            }
          }
          throw err;
        }
        return this.require(campaignId, facilityId);
      },
    },
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
