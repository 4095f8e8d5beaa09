import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { RESPONSE_STATUSES, type ResponseStatus } from '@mcr/contract';
import { type Answers, effectiveVendorAnswers, overriddenCells, profileFor } from '@mcr/domain';
import type { Db } from '../client.ts';
import { NotFoundError, StateConflictError, VersionConflictError } from '../errors.ts';
import type { TenantScope } from '../keys.ts';
import { queryPage, type Segment } from '../paging.ts';
import type {
  Actor,
  CampaignRecord,
  ContractRecord,
  FacilityRecord,
  ReviewRecord,
  SubmissionRef,
  VendorAssignmentRecord,
  VendorProfileRecord,
  VendorResponseRecord,
} from '../records.ts';
import { latestPerRound } from './campaigns.ts';
import { auditItem, batchGet, batchPut, getItem, queryAll, strip, type TransactItem } from './shared.ts';

/**
 * The vendor form in the campaign cycle (docs/decisions/0012-vendors-documents-cross-checks.md, "Keys"):
 *
 * | item            | PK                              | SK                     | GSI2                                                       |
 * | --------------- | ------------------------------- | ---------------------- | ---------------------------------------------------------- |
 * | vendor response | `T#t#CAMP#<campId>`             | `RESP#VEN#<venId>`     | `T#t#VEN#<venId>#RESPONSES` / `CAMP#<campId>`              |
 * | profile         | `T#t#CAMP#<campId>#VEN#<venId>` | `PROFILE#<profileId>`  |                                                            |
 * | assignment      | `T#t#CAMP#<campId>#VEN#<venId>` | `FAC#<facId>`          | `T#t#FAC#<facId>#VENDORANSWERS` / `CAMP#<campId>#VEN#<venId>` |
 * | history         | `T#t#CAMP#<campId>#VEN#<venId>` | `LOG#<at>#SUB`, `LOG#<at>#REVIEW` |                                                 |
 *
 * The vendor response's `type` is `VendorResponse` (never `Response`): the read-model consumer reads facility
 * responses only.
 */
export const vendorKeys = {
  response: (s: TenantScope, campaignId: string, vendorId: string) => ({ PK: `T#${s.tenantId}#CAMP#${campaignId}`, SK: `RESP#VEN#${vendorId}` }),
  responsesOfCampaignPrefix: 'RESP#VEN#',
  responseByVendor: (s: TenantScope, vendorId: string, campaignId: string) => ({
    GSI2PK: `T#${s.tenantId}#VEN#${vendorId}#RESPONSES`,
    GSI2SK: `CAMP#${campaignId}`,
  }),
  /** The partition of one vendor's answers to one campaign: profiles, assignments, history. */
  partition: (s: TenantScope, campaignId: string, vendorId: string) => `T#${s.tenantId}#CAMP#${campaignId}#VEN#${vendorId}`,
  profile: (s: TenantScope, campaignId: string, vendorId: string, profileId: string) => ({
    PK: vendorKeys.partition(s, campaignId, vendorId),
    SK: `PROFILE#${profileId}`,
  }),
  profilePrefix: 'PROFILE#',
  assignment: (s: TenantScope, campaignId: string, vendorId: string, facilityId: string) => ({
    PK: vendorKeys.partition(s, campaignId, vendorId),
    SK: `FAC#${facilityId}`,
  }),
  assignmentPrefix: 'FAC#',
  assignmentByFacility: (s: TenantScope, facilityId: string, campaignId: string, vendorId: string) => ({
    GSI2PK: `T#${s.tenantId}#FAC#${facilityId}#VENDORANSWERS`,
    GSI2SK: `CAMP#${campaignId}#VEN#${vendorId}`,
  }),
  log: (s: TenantScope, campaignId: string, vendorId: string, at: string, what: 'SUB' | 'REVIEW') => ({
    PK: vendorKeys.partition(s, campaignId, vendorId),
    SK: `LOG#${at}#${what}`,
  }),
  logPrefix: 'LOG#',
  /** The contracts of a vendor (GSI2 of the contract items, see keys.contractByVendor). */
  contractsOfVendor: (s: TenantScope, vendorId: string) => `T#${s.tenantId}#VEN#${vendorId}#FACILITIES`,
  campaign: (s: TenantScope, campaignId: string) => ({ PK: `T#${s.tenantId}#CAMP#${campaignId}`, SK: 'META' }),
  facility: (s: TenantScope, facilityId: string) => ({ PK: `T#${s.tenantId}#FAC#${facilityId}`, SK: 'PROFILE' }),
  vendorsPartition: (s: TenantScope) => `T#${s.tenantId}#VENDORS`,
} as const;

/** Standard answers per vendor and campaign, at most (also in the contract: MAX_VENDOR_PROFILES). */
export const VENDOR_PROFILE_LIMIT = 20;
export const DEFAULT_VENDOR_PROFILE = { id: 'standard', name: '標準回答' } as const;

const EDITABLE: readonly ResponseStatus[] = ['not_started', 'in_progress', 'returned'];

type LogItem = ({ entry: 'submission' } & SubmissionRef) | ({ entry: 'review' } & ReviewRecord);

/** A vendor response as read: the stored item with its history. */
export interface VendorResponseWithHistory extends VendorResponseRecord {
  submissionsAll: SubmissionRef[];
  reviews: ReviewRecord[];
}

/** What a vendor answers for one facility in one campaign (the cross-checks and the facility's view read this). */
export interface EffectiveVendorAnswers {
  campaignId: string;
  vendorId: string;
  vendorName: string;
  templateId: string;
  fiscalYear: number;
  status: ResponseStatus;
  profileId?: string;
  profileName?: string;
  /** Effective answers: the profile's cells with the overridden cells replaced. */
  answers: Answers;
  overriddenCells: string[];
  contractSystems: string[];
  remoteMaintenance: boolean;
}

export interface NewVendorResponse {
  vendorId: string;
  vendorName: string;
}

export function vendorResponseRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  const K = vendorKeys;

  const responseItem = (r: VendorResponseRecord) => ({
    ...K.response(scope, r.campaignId, r.vendorId),
    ...K.responseByVendor(scope, r.vendorId, r.campaignId),
    type: 'VendorResponse',
    ...r,
  });
  const profileItem = (p: VendorProfileRecord) => ({ ...K.profile(scope, p.campaignId, p.vendorId, p.profileId), type: 'VendorProfile', ...p });
  const assignmentItem = (a: VendorAssignmentRecord) => ({
    ...K.assignment(scope, a.campaignId, a.vendorId, a.facilityId),
    ...K.assignmentByFacility(scope, a.facilityId, a.campaignId, a.vendorId),
    type: 'VendorAssignment',
    ...a,
  });

  const getResponse = async (campaignId: string, vendorId: string, consistent = true) => {
    const res = await db.doc.send(new GetCommand({ TableName: T, Key: K.response(scope, campaignId, vendorId), ConsistentRead: consistent }));
    return res.Item ? strip<VendorResponseRecord>(res.Item) : undefined;
  };
  const requireResponse = async (campaignId: string, vendorId: string) => {
    const r = await getResponse(campaignId, vendorId);
    if (!r) throw new NotFoundError('vendor response');
    return r;
  };
  const partitionQuery = (campaignId: string, vendorId: string, prefix: string) => ({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': K.partition(scope, campaignId, vendorId), ':sk': prefix },
    ConsistentRead: true,
  });
  /** The profiles in the response's order (ids missing from the order come last, by id). */
  const profilesOf = async (campaignId: string, vendorId: string, order?: readonly string[]) => {
    const list = await queryAll<VendorProfileRecord>(db, partitionQuery(campaignId, vendorId, K.profilePrefix));
    const rank = new Map((order ?? []).map((id, i) => [id, i]));
    return list.sort((a, b) => (rank.get(a.profileId) ?? 1e6) - (rank.get(b.profileId) ?? 1e6) || a.profileId.localeCompare(b.profileId));
  };

  /**
   * Runs a transaction and, when a condition refused it, says why: `explain` turns the index of the first
   * refused item into the error (a stale profile or assignment, a locked or changed response).
   */
  const transact = async (items: TransactItem[], campaignId: string, vendorId: string, explain: (index: number) => Promise<Error | undefined>) => {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (err instanceof TransactionCanceledException) {
        const reasons = err.CancellationReasons ?? [];
        for (const [i, reason] of reasons.entries()) {
          if (reason?.Code !== 'ConditionalCheckFailed') continue;
          const e = await explain(i);
          if (e) throw e;
        }
        if (reasons.some((r) => r?.Code === 'ConditionalCheckFailed')) {
          const current = await getResponse(campaignId, vendorId);
          if (!current) throw new NotFoundError('vendor response');
          throw new VersionConflictError('vendor response', current.version);
        }
      }
      throw err;
    }
  };

  /** Explains a refused condition on the response item: gone, locked for the operation, or a stale version. */
  const responseRefusal = async (campaignId: string, vendorId: string, operation: 'edit' | 'review') => {
    const current = await getResponse(campaignId, vendorId);
    if (!current) return new NotFoundError('vendor response');
    const allowed = operation === 'edit' ? EDITABLE.includes(current.status) : current.status === 'submitted';
    if (!allowed) return new StateConflictError('vendor response', current.status, operation);
    return new VersionConflictError('vendor response', current.version);
  };

  /**
   * The update of the response that goes with every edit: only while editable and still in the status read
   * (so a response submitted in between refuses the edit), moving not_started → in_progress, version + 1.
   */
  const responseEditUpdate = (
    campaignId: string,
    vendorId: string,
    seen: ResponseStatus,
    actor: Actor,
    extra?: { set: string; values: Record<string, unknown>; condition?: string },
  ): TransactItem => ({
    Update: {
      TableName: T,
      Key: K.response(scope, campaignId, vendorId),
      UpdateExpression: `SET #status = :next, version = version + :one, updatedAt = :now, updatedBy = :by${extra ? `, ${extra.set}` : ''}`,
      ConditionExpression: `attribute_exists(PK) AND #status = :seen AND #status IN (:s1, :s2, :s3)${extra?.condition ? ` AND ${extra.condition}` : ''}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':next': seen === 'not_started' ? 'in_progress' : seen,
        ':seen': seen,
        ':one': 1,
        ':now': new Date().toISOString(),
        ':by': actor.userId,
        ':s1': 'not_started',
        ':s2': 'in_progress',
        ':s3': 'returned',
        ...(extra?.values ?? {}),
      },
    },
  });

  const history = async (campaignId: string, vendorId: string) => {
    const log = await queryAll<LogItem>(db, partitionQuery(campaignId, vendorId, K.logPrefix));
    const submissions: SubmissionRef[] = [];
    const reviews: ReviewRecord[] = [];
    for (const l of log) {
      if (l.entry === 'submission') submissions.push({ round: l.round, at: l.at, by: l.by, byName: l.byName });
      else if (l.entry === 'review') {
        const { entry: _e, ...rv } = l;
        reviews.push({ ...rv, itemComments: rv.itemComments ?? [] });
      }
    }
    return { submissions: submissions.sort((a, b) => a.at.localeCompare(b.at)), reviews: reviews.sort((a, b) => a.at.localeCompare(b.at)) };
  };

  /** Every item of a Query on GSI2 of the contracts of one vendor. */
  const contractsOfVendor = (vendorId: string) =>
    queryAll<ContractRecord>(db, {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': K.contractsOfVendor(scope, vendorId) },
    });

  return {
    vendorResponses: {
      get: (campaignId: string, vendorId: string) => getResponse(campaignId, vendorId),
      require: requireResponse,
      /** The response with every submission and review from its history items. */
      async requireWithHistory(campaignId: string, vendorId: string): Promise<VendorResponseWithHistory> {
        const [r, h] = await Promise.all([requireResponse(campaignId, vendorId), history(campaignId, vendorId)]);
        return { ...r, submissionsAll: h.submissions, reviews: h.reviews };
      },
      /** A vendor's responses, every campaign (GSI2). */
      listOfVendor: (vendorId: string) =>
        queryAll<VendorResponseRecord>(db, {
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': K.responseByVendor(scope, vendorId, '').GSI2PK },
        }),
      /** One page of a campaign's vendor responses in vendor-id order, optionally of one status. */
      async page(campaignId: string, query: { status?: ResponseStatus | undefined; limit: number; cursor?: string | undefined }) {
        const pk = K.campaign(scope, campaignId).PK;
        const segment: Segment = {
          input: {
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
            ...(query.status ? { FilterExpression: '#status = :st', ExpressionAttributeNames: { '#status': 'status' } } : {}),
            ExpressionAttributeValues: { ':pk': pk, ':sk': K.responsesOfCampaignPrefix, ...(query.status ? { ':st': query.status } : {}) },
          },
          partition: { attr: 'PK', value: pk },
          keyAttrs: ['PK', 'SK'],
        };
        const page = await queryPage(db, [segment], { limit: query.limit, cursor: query.cursor });
        return { items: page.items.map((i) => strip<VendorResponseRecord>(i)), nextCursor: page.nextCursor };
      },
      /** How many vendor responses a campaign has, by status (a Query of the status attribute only). */
      async countsOfCampaign(campaignId: string): Promise<{ total: number; byStatus: Record<ResponseStatus, number> }> {
        const rows = await queryAll<{ status: ResponseStatus }>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': K.campaign(scope, campaignId).PK, ':sk': K.responsesOfCampaignPrefix },
          ProjectionExpression: '#status',
          ExpressionAttributeNames: { '#status': 'status' },
        });
        const byStatus = Object.fromEntries(RESPONSE_STATUSES.map((s) => [s, 0])) as Record<ResponseStatus, number>;
        for (const r of rows) byStatus[r.status]++;
        return { total: rows.length, byStatus };
      },
      profiles: (campaignId: string, vendorId: string, order?: readonly string[]) => profilesOf(campaignId, vendorId, order),
      getProfile: (campaignId: string, vendorId: string, profileId: string) =>
        getItem<VendorProfileRecord>(db, K.profile(scope, campaignId, vendorId, profileId)),
      getAssignment: (campaignId: string, vendorId: string, facilityId: string) =>
        getItem<VendorAssignmentRecord>(db, K.assignment(scope, campaignId, vendorId, facilityId)),
      /** One page of a vendor's assignments in a campaign, in facility-id order. */
      async assignmentsPage(campaignId: string, vendorId: string, query: { limit: number; cursor?: string | undefined }) {
        const pk = K.partition(scope, campaignId, vendorId);
        const segment: Segment = {
          input: { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)', ExpressionAttributeValues: { ':pk': pk, ':sk': K.assignmentPrefix } },
          partition: { attr: 'PK', value: pk },
          keyAttrs: ['PK', 'SK'],
        };
        const page = await queryPage(db, [segment], { limit: query.limit, cursor: query.cursor });
        return { items: page.items.map((i) => strip<VendorAssignmentRecord>(i)), nextCursor: page.nextCursor };
      },
      /** The assignments that carry overrides (for the completeness check on submit): read page by page. */
      async *assignmentPages(campaignId: string, vendorId: string): AsyncGenerator<VendorAssignmentRecord[]> {
        let ExclusiveStartKey: Record<string, unknown> | undefined;
        do {
          const page = await db.doc.send(
            new QueryCommand({ TableName: T, ...partitionQuery(campaignId, vendorId, K.assignmentPrefix), Limit: 500, ExclusiveStartKey }),
          );
          yield (page.Items ?? []).map((i) => strip<VendorAssignmentRecord>(i));
          ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey);
      },
      /** Every (campaign, vendor) answering for a facility (GSI2), newest campaign id last. */
      assignmentsOfFacility: (facilityId: string) =>
        queryAll<VendorAssignmentRecord>(db, {
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': K.assignmentByFacility(scope, facilityId, '', '').GSI2PK },
        }),

      // What every vendor answers for one facility; also on its own below (facilityVendorAnswerRepositories).
      ...facilityVendorAnswerRepositories(db, scope).facilityVendorAnswers,

      /**
       * Creates or changes a profile (`expectedVersion` 0 creates it) together with the response update (editable
       * only, version + 1, not_started → in_progress, a new id appended to `profileIds` while fewer than the
       * limit) and the audit entry, in one transaction.
       */
      async saveProfile(
        input: {
          campaignId: string;
          vendorId: string;
          profileId: string;
          expectedVersion: number;
          name: string;
          systems: string[];
          answers: Answers;
          seenStatus: ResponseStatus;
        },
        actor: Actor,
        changes: unknown,
      ): Promise<{ profile: VendorProfileRecord; response: VendorResponseRecord }> {
        const { campaignId, vendorId, profileId, expectedVersion } = input;
        const now = new Date().toISOString();
        const profile: VendorProfileRecord = {
          campaignId,
          vendorId,
          profileId,
          name: input.name,
          systems: input.systems,
          answers: input.answers,
          version: expectedVersion + 1,
          updatedAt: now,
          updatedBy: actor.userId,
        };
        const creating = expectedVersion === 0;
        await transact(
          [
            {
              Put: {
                TableName: T,
                Item: profileItem(profile),
                ConditionExpression: creating ? 'attribute_not_exists(PK)' : 'version = :expected',
                ...(creating ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
              },
            },
            responseEditUpdate(
              campaignId,
              vendorId,
              input.seenStatus,
              actor,
              creating
                ? {
                    set: 'profileIds = list_append(profileIds, :pid)',
                    values: { ':pid': [profileId], ':pidOne': profileId, ':max': VENDOR_PROFILE_LIMIT },
                    condition: 'NOT contains(profileIds, :pidOne) AND size(profileIds) < :max',
                  }
                : undefined,
            ),
            auditItem(db, scope, actor, {
              action: creating ? 'vendorResponse.profile.create' : 'vendorResponse.profile.save',
              target: `campaign/${campaignId}/vendor/${vendorId}/profile/${profileId}`,
              orgId: vendorId,
              changes,
            }),
          ],
          campaignId,
          vendorId,
          async (i) => {
            if (i === 0) {
              const current = await getItem<VendorProfileRecord>(db, K.profile(scope, campaignId, vendorId, profileId));
              return new VersionConflictError('profile', current?.version ?? 0);
            }
            if (i === 1) {
              const current = await getResponse(campaignId, vendorId);
              if (creating && current && EDITABLE.includes(current.status) && current.profileIds.length >= VENDOR_PROFILE_LIMIT)
                return new TooManyProfilesError(VENDOR_PROFILE_LIMIT);
              return responseRefusal(campaignId, vendorId, 'edit');
            }
            return undefined;
          },
        );
        return { profile, response: await requireResponse(campaignId, vendorId) };
      },

      /** Deletes a profile (at its version) and takes it out of the response's order, with the audit entry. */
      async deleteProfile(
        input: {
          campaignId: string;
          vendorId: string;
          profileId: string;
          expectedVersion: number;
          remaining: string[];
          seenStatus: ResponseStatus;
          responseVersion: number;
        },
        actor: Actor,
      ): Promise<void> {
        const { campaignId, vendorId, profileId } = input;
        await transact(
          [
            {
              Delete: {
                TableName: T,
                Key: K.profile(scope, campaignId, vendorId, profileId),
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': input.expectedVersion },
              },
            },
            responseEditUpdate(campaignId, vendorId, input.seenStatus, actor, {
              set: 'profileIds = :ids',
              values: { ':ids': input.remaining, ':rv': input.responseVersion },
              condition: 'version = :rv',
            }),
            auditItem(db, scope, actor, {
              action: 'vendorResponse.profile.delete',
              target: `campaign/${campaignId}/vendor/${vendorId}/profile/${profileId}`,
              orgId: vendorId,
              // The version deleted (its answers are in the entries of its saves) and the profiles left.
              changes: { deletedVersion: input.expectedVersion, remainingProfiles: input.remaining },
            }),
          ],
          campaignId,
          vendorId,
          async (i) => {
            if (i === 0) {
              const current = await getItem<VendorProfileRecord>(db, K.profile(scope, campaignId, vendorId, profileId));
              return current ? new VersionConflictError('profile', current.version) : new NotFoundError('profile');
            }
            if (i === 1) return responseRefusal(campaignId, vendorId, 'edit');
            return undefined;
          },
        );
      },

      /**
       * Changes one facility's assignment (profile chosen, overridden cells) at its version, with the response
       * update (editable only, version + 1) and the audit entry, in one transaction.
       */
      async saveAssignment(
        input: {
          campaignId: string;
          vendorId: string;
          facilityId: string;
          expectedVersion: number;
          profileId: string | null;
          overrides: Answers;
          seenStatus: ResponseStatus;
        },
        actor: Actor,
        changes: unknown,
      ): Promise<VendorAssignmentRecord> {
        const { campaignId, vendorId, facilityId, expectedVersion } = input;
        const now = new Date().toISOString();
        await transact(
          [
            {
              Update: {
                TableName: T,
                Key: K.assignment(scope, campaignId, vendorId, facilityId),
                UpdateExpression: `SET overrides = :o, version = :next, updatedAt = :now${input.profileId ? ', profileId = :p' : ''}${input.profileId ? '' : ' REMOVE profileId'}`,
                ConditionExpression: 'attribute_exists(PK) AND version = :expected',
                ExpressionAttributeValues: {
                  ':o': input.overrides,
                  ':next': expectedVersion + 1,
                  ':expected': expectedVersion,
                  ':now': now,
                  ...(input.profileId ? { ':p': input.profileId } : {}),
                },
              },
            },
            responseEditUpdate(campaignId, vendorId, input.seenStatus, actor),
            auditItem(db, scope, actor, {
              action: 'vendorResponse.facility.save',
              target: `campaign/${campaignId}/vendor/${vendorId}/facility/${facilityId}`,
              orgId: vendorId,
              changes,
            }),
          ],
          campaignId,
          vendorId,
          async (i) => {
            if (i === 0) {
              const current = await getItem<VendorAssignmentRecord>(db, K.assignment(scope, campaignId, vendorId, facilityId));
              return current ? new VersionConflictError('assignment', current.version) : new NotFoundError('assignment');
            }
            if (i === 1) return responseRefusal(campaignId, vendorId, 'edit');
            return undefined;
          },
        );
        const saved = await getItem<VendorAssignmentRecord>(db, K.assignment(scope, campaignId, vendorId, facilityId));
        if (!saved) throw new NotFoundError('assignment');
        return saved;
      },

      /** Locks the response as submitted (round `round`) with its history item and the audit entry. */
      async submit(
        input: { campaignId: string; vendorId: string; expectedVersion: number; round: number; submissions: readonly SubmissionRef[] },
        actor: Actor,
      ): Promise<void> {
        const { campaignId, vendorId } = input;
        const at = new Date().toISOString();
        const ref: SubmissionRef = { round: input.round, at, by: actor.userId, byName: actor.name };
        await transact(
          [
            {
              Update: {
                TableName: T,
                Key: K.response(scope, campaignId, vendorId),
                UpdateExpression: 'SET #status = :submitted, version = :next, updatedAt = :now, updatedBy = :by, submissions = :subs',
                ConditionExpression: 'attribute_exists(PK) AND version = :expected AND #status IN (:s1, :s2, :s3)',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':submitted': 'submitted',
                  ':next': input.expectedVersion + 1,
                  ':expected': input.expectedVersion,
                  ':now': at,
                  ':by': actor.userId,
                  ':subs': latestPerRound([...input.submissions, ref]),
                  ':s1': 'not_started',
                  ':s2': 'in_progress',
                  ':s3': 'returned',
                },
              },
            },
            {
              Put: {
                TableName: T,
                Item: { ...K.log(scope, campaignId, vendorId, at, 'SUB'), type: 'VendorResponseLog', entry: 'submission', ...ref },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            auditItem(db, scope, actor, {
              action: 'vendorResponse.submit',
              target: `campaign/${campaignId}/vendor/${vendorId}`,
              orgId: vendorId,
              changes: { round: input.round },
            }),
          ],
          campaignId,
          vendorId,
          async (i) => (i === 0 ? responseRefusal(campaignId, vendorId, 'edit') : undefined),
        );
      },

      /** The prefecture's decision on a submitted response: confirmed (確認) or returned (差戻し), at its version. */
      async review(input: { campaignId: string; vendorId: string; expectedVersion: number; review: ReviewRecord }, actor: Actor): Promise<void> {
        const { campaignId, vendorId, review } = input;
        const short = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
        await transact(
          [
            {
              Update: {
                TableName: T,
                Key: K.response(scope, campaignId, vendorId),
                UpdateExpression: 'SET #status = :to, version = :next, updatedAt = :now, updatedBy = :by',
                ConditionExpression: 'attribute_exists(PK) AND version = :expected AND #status = :submitted',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':to': review.action,
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
                Item: { ...K.log(scope, campaignId, vendorId, review.at, 'REVIEW'), type: 'VendorResponseLog', entry: 'review', ...review },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            auditItem(db, scope, actor, {
              action: review.action === 'confirmed' ? 'vendorResponse.confirm' : 'vendorResponse.return',
              target: `campaign/${campaignId}/vendor/${vendorId}`,
              orgId: vendorId,
              changes: { round: review.round, message: short(review.message) },
            }),
          ],
          campaignId,
          vendorId,
          async (i) => (i === 0 ? responseRefusal(campaignId, vendorId, 'review') : undefined),
        );
      },

      // ── Creation (the campaign-creating job) ──

      /** Every contract of the tenant by facility: one Query per vendor (GSI2), never one per facility. */
      async contractsByFacility(): Promise<Map<string, ContractRecord[]>> {
        const vendors = await queryAll<{ id: string }>(db, {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': K.vendorsPartition(scope) },
        });
        const out = new Map<string, ContractRecord[]>();
        for (let i = 0; i < vendors.length; i += 10) {
          const lists = await Promise.all(vendors.slice(i, i + 10).map((v) => contractsOfVendor(v.id)));
          for (const c of lists.flat()) out.set(c.facilityId, [...(out.get(c.facilityId) ?? []), c]);
        }
        return out;
      },
      /**
       * Writes what one chunk of the target facilities brings: each new vendor's response (status not_started,
       * one default profile 「標準回答」, possibly with carried-forward answers) and one assignment per (vendor,
       * facility). Responses and profiles are only created when missing; assignments are plain puts of the same
       * items: a repeated chunk changes nothing (nobody edits before the campaign opens).
       */
      async putCreationChunk(
        c: CampaignRecord,
        vendors: readonly (NewVendorResponse & { answers?: Answers })[],
        assignments: readonly Omit<VendorAssignmentRecord, 'campaignId' | 'version' | 'updatedAt' | 'overrides'>[],
      ): Promise<void> {
        const now = new Date().toISOString();
        const existing = new Set(
          (
            await batchGet<VendorResponseRecord>(
              db,
              vendors.map((v) => K.response(scope, c.id, v.vendorId)),
            )
          ).map((r) => r.vendorId),
        );
        const fresh = vendors.filter((v) => !existing.has(v.vendorId));
        const items: Record<string, unknown>[] = [];
        for (const v of fresh) {
          items.push(
            profileItem({
              campaignId: c.id,
              vendorId: v.vendorId,
              profileId: DEFAULT_VENDOR_PROFILE.id,
              name: DEFAULT_VENDOR_PROFILE.name,
              systems: [],
              answers: v.answers ?? {},
              version: 1,
              updatedAt: now,
            }),
          );
        }
        for (const a of assignments) items.push(assignmentItem({ ...a, campaignId: c.id, overrides: {}, version: 1, updatedAt: now }));
        await batchPut(db, items);
        // The responses last: a response exists only once its default profile does.
        await batchPut(
          db,
          fresh.map((v) =>
            responseItem({
              campaignId: c.id,
              vendorId: v.vendorId,
              vendorName: v.vendorName,
              templateId: c.templateId,
              fiscalYear: c.fiscalYear,
              status: 'not_started',
              version: 0,
              profileIds: [DEFAULT_VENDOR_PROFILE.id],
              facilityCount: 0,
              submissions: [],
              updatedAt: now,
            }),
          ),
        );
      },
      /** Counts each vendor's assignments and stores the number on its response (the job's last step; repeatable). */
      async finishCreation(campaignId: string): Promise<number> {
        const responses = await queryAll<VendorResponseRecord>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': K.campaign(scope, campaignId).PK, ':sk': K.responsesOfCampaignPrefix },
          ConsistentRead: true,
        });
        for (let i = 0; i < responses.length; i += 10) {
          await Promise.all(
            responses.slice(i, i + 10).map(async (r) => {
              let count = 0;
              let ExclusiveStartKey: Record<string, unknown> | undefined;
              do {
                const page = await db.doc.send(
                  new QueryCommand({ TableName: T, ...partitionQuery(campaignId, r.vendorId, K.assignmentPrefix), Select: 'COUNT', ExclusiveStartKey }),
                );
                count += page.Count ?? 0;
                ExclusiveStartKey = page.LastEvaluatedKey;
              } while (ExclusiveStartKey);
              await db.doc.send(
                new UpdateCommand({
                  TableName: T,
                  Key: K.response(scope, campaignId, r.vendorId),
                  UpdateExpression: 'SET facilityCount = :n',
                  ExpressionAttributeValues: { ':n': count },
                }),
              );
            }),
          );
        }
        return responses.length;
      },

      /**
       * Keeps the assignments of a (facility, vendor) pair in step with its contract (put or deleted): the
       * contract's systems and remote maintenance, in every vendor campaign linking them (one per campaign).
       */
      async syncContract(facilityId: string, vendorId: string, contract: { systems: string[]; remoteMaintenance: boolean } | null): Promise<number> {
        const links = await queryAll<VendorAssignmentRecord>(db, {
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          FilterExpression: 'vendorId = :v',
          ExpressionAttributeValues: { ':pk': K.assignmentByFacility(scope, facilityId, '', '').GSI2PK, ':v': vendorId },
        });
        for (const a of links) {
          try {
            await db.doc.send(
              new UpdateCommand({
                TableName: T,
                Key: K.assignment(scope, a.campaignId, a.vendorId, a.facilityId),
                UpdateExpression: 'SET contractSystems = :s, remoteMaintenance = :r',
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeValues: { ':s': contract?.systems ?? [], ':r': contract?.remoteMaintenance ?? false },
              }),
            );
          } catch (err) {
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
          }
        }
        return links.length;
      },

      /** Campaign items by id (missing ones left out). */
      campaignsByIds: (ids: readonly string[]) =>
        batchGet<CampaignRecord>(
          db,
          [...new Set(ids)].map((id) => K.campaign(scope, id)),
        ),
      /** Facilities by id (missing ones left out). */
      facilitiesByIds: (ids: readonly string[]) =>
        batchGet<FacilityRecord>(
          db,
          [...new Set(ids)].map((id) => K.facility(scope, id)),
        ),
      /** How many facilities have a contract with the vendor (a counting Query on GSI2). */
      async contractCount(vendorId: string): Promise<number> {
        let count = 0;
        let ExclusiveStartKey: Record<string, unknown> | undefined;
        do {
          const page = await db.doc.send(
            new QueryCommand({
              TableName: T,
              IndexName: 'GSI2',
              KeyConditionExpression: 'GSI2PK = :pk',
              ExpressionAttributeValues: { ':pk': K.contractsOfVendor(scope, vendorId) },
              Select: 'COUNT',
              ExclusiveStartKey,
            }),
          );
          count += page.Count ?? 0;
          ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey);
        return count;
      },
      /** One page of a vendor's contracts (GSI2), in facility-id order. */
      async contractsPage(vendorId: string, query: { limit: number; cursor?: string | undefined }) {
        const pk = K.contractsOfVendor(scope, vendorId);
        const segment: Segment = {
          input: { IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': pk } },
          partition: { attr: 'GSI2PK', value: pk },
          keyAttrs: ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
        };
        const page = await queryPage(db, [segment], { limit: query.limit, cursor: query.cursor });
        return { items: page.items.map((i) => strip<ContractRecord>(i)), nextCursor: page.nextCursor };
      },
    },
  };
}

/** A new profile past the limit (HTTP 409 naming it). */
export class TooManyProfilesError extends Error {
  override readonly name = 'TooManyProfilesError';
  constructor(readonly limit: number) {
    super(`at most ${limit} profiles`);
  }
}

/**
 * What the vendors answer for one facility, alone: the cross-checks read only this, and a function that needs only
 * this bundles it without the rest of the vendor-response repository (decision 0025).
 */
export function facilityVendorAnswerRepositories(db: Db, scope: TenantScope) {
  const K = vendorKeys;
  return {
    facilityVendorAnswers: {
      /**
       * What every vendor answers for one facility, in every vendor campaign it is linked in: one Query on GSI2
       * (the assignments), one BatchGet of the vendor responses (status, profile order) and one of the profiles.
       */
      async effectiveForFacility(facilityId: string): Promise<EffectiveVendorAnswers[]> {
        const assignments = await queryAll<VendorAssignmentRecord>(db, {
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': K.assignmentByFacility(scope, facilityId, '', '').GSI2PK },
        });
        if (assignments.length === 0) return [];
        const responses = await batchGet<VendorResponseRecord>(
          db,
          assignments.map((a) => K.response(scope, a.campaignId, a.vendorId)),
        );
        const byPair = new Map(responses.map((r) => [`${r.campaignId}#${r.vendorId}`, r]));
        const profileKeys = responses.flatMap((r) => r.profileIds.map((p) => K.profile(scope, r.campaignId, r.vendorId, p)));
        const profiles = await batchGet<VendorProfileRecord>(db, profileKeys);
        const profilesOfPair = new Map<string, VendorProfileRecord[]>();
        for (const p of profiles) {
          const k = `${p.campaignId}#${p.vendorId}`;
          profilesOfPair.set(k, [...(profilesOfPair.get(k) ?? []), p]);
        }
        const out: EffectiveVendorAnswers[] = [];
        for (const a of assignments) {
          const k = `${a.campaignId}#${a.vendorId}`;
          const r = byPair.get(k);
          if (!r) continue;
          const rank = new Map(r.profileIds.map((id, i) => [id, i]));
          const list = (profilesOfPair.get(k) ?? []).map((p) => ({ ...p, id: p.profileId })).sort((x, y) => (rank.get(x.id) ?? 1e6) - (rank.get(y.id) ?? 1e6));
          const profile = profileFor(list, a, a.contractSystems);
          out.push({
            campaignId: a.campaignId,
            vendorId: a.vendorId,
            vendorName: r.vendorName,
            templateId: r.templateId,
            fiscalYear: r.fiscalYear,
            status: r.status,
            ...(profile ? { profileId: profile.id, profileName: profile.name } : {}),
            answers: effectiveVendorAnswers(profile, a.overrides),
            overriddenCells: overriddenCells(profile, a.overrides),
            contractSystems: a.contractSystems,
            remoteMaintenance: a.remoteMaintenance,
          });
        }
        return out;
      },
    },
  };
}
