import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import { NotFoundError, VersionConflictError } from '../errors.ts';
import { keys, type TenantScope } from '../keys.ts';
import { queryPage } from '../paging.ts';
import type { Actor, CampaignRecord } from '../records.ts';
import { auditItem, batchGet, getItem, queryAll, strip, type TransactItem } from './shared.ts';

/**
 * The prefecture's changes to a running campaign (docs/decisions/0016-campaign-dates-and-lifecycle.md): its
 * deadlines and status on the campaign item (versioned: `version`, absent = 0), and per-facility deadline
 * extensions as items of their own under the campaign (`EXT#<facility>`), each versioned. Every change writes its
 * audit entry in the same transaction. Extensions never touch the response item, so the read models (which move
 * with responses) are not disturbed by them.
 */
export interface DeadlineExtensionRecord {
  campaignId: string;
  facilityId: string;
  facilityName: string;
  extendedTo: string;
  reason?: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export const extensionKeys = {
  extension: (s: TenantScope, campaignId: string, facilityId: string) => ({ PK: keys.campaign(s, campaignId).PK, SK: `EXT#${facilityId}` }),
  prefix: 'EXT#',
};

export type CampaignStatusValue = 'open' | 'closed' | 'archived';

/** The status of a campaign as stored (absent = open). */
export const campaignStatusOf = (c: Pick<CampaignRecord, 'status'>): CampaignStatusValue => c.status ?? 'open';

export function campaignLifecycleRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;

  /** Runs a transaction whose first item is conditioned on the campaign's version; a refusal says why. */
  const onCampaign = async (id: string, items: TransactItem[]) => {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
        const current = await getItem<CampaignRecord>(db, keys.campaign(scope, id));
        if (!current) throw new NotFoundError('campaign');
        throw new VersionConflictError('campaign', current.version ?? 0);
      }
      throw err;
    }
  };

  const campaignUpdate = (id: string, expectedVersion: number, set: string, values: Record<string, unknown>, names: Record<string, string> = {}) => ({
    Update: {
      TableName: T,
      Key: keys.campaign(scope, id),
      UpdateExpression: `SET ${set}, version = :next`,
      ConditionExpression:
        expectedVersion === 0 ? 'attribute_exists(PK) AND (attribute_not_exists(version) OR version = :zero)' : 'attribute_exists(PK) AND version = :expected',
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: { ...values, ':next': expectedVersion + 1, ...(expectedVersion === 0 ? { ':zero': 0 } : { ':expected': expectedVersion }) },
    },
  });

  return {
    campaignLifecycle: {
      /** New deadlines, at the expected version, audited with what they were. */
      async setDeadlines(
        c: CampaignRecord,
        input: { expectedVersion: number; deadline: string; roundDeadlines: { '2'?: string; '3'?: string } },
        actor: Actor,
      ): Promise<void> {
        await onCampaign(c.id, [
          campaignUpdate(c.id, input.expectedVersion, 'deadline = :d, roundDeadlines = :r', { ':d': input.deadline, ':r': input.roundDeadlines }),
          auditItem(db, scope, actor, {
            action: 'campaign.deadlines.update',
            target: `campaign/${c.id}`,
            orgId: actor.orgId,
            changes: {
              from: { deadline: c.deadline, roundDeadlines: c.roundDeadlines ?? {} },
              to: { deadline: input.deadline, roundDeadlines: input.roundDeadlines },
            },
          }),
        ]);
      },
      /** Closes, reopens, archives or unarchives, at the expected version, audited. */
      async setStatus(c: CampaignRecord, input: { expectedVersion: number; status: CampaignStatusValue }, actor: Actor): Promise<void> {
        const at = new Date().toISOString();
        const stamp = input.status === 'closed' ? ', closedAt = :at' : input.status === 'archived' ? ', archivedAt = :at' : '';
        await onCampaign(c.id, [
          campaignUpdate(c.id, input.expectedVersion, `#st = :s${stamp}`, { ':s': input.status, ...(stamp ? { ':at': at } : {}) }, { '#st': 'status' }),
          auditItem(db, scope, actor, {
            action: `campaign.status.${input.status}`,
            target: `campaign/${c.id}`,
            orgId: actor.orgId,
            changes: { from: campaignStatusOf(c), to: input.status },
          }),
        ]);
      },
      getExtension: (campaignId: string, facilityId: string) => getItem<DeadlineExtensionRecord>(db, extensionKeys.extension(scope, campaignId, facilityId)),
      /** Extensions of some campaigns for one facility (the facility's task list), by campaign id. */
      async extensionsOfFacility(facilityId: string, campaignIds: readonly string[]): Promise<Map<string, DeadlineExtensionRecord>> {
        const found = await batchGet<DeadlineExtensionRecord>(
          db,
          campaignIds.map((id) => extensionKeys.extension(scope, id, facilityId)),
        );
        return new Map(found.map((e) => [e.campaignId, e]));
      },
      /** Every extension of a campaign (the daily reminders: a handful per campaign, paged by DynamoDB). */
      allExtensions: (campaignId: string) =>
        queryAll<DeadlineExtensionRecord>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': keys.campaign(scope, campaignId).PK, ':sk': extensionKeys.prefix },
        }),
      /** One page of a campaign's extensions, in facility id order. */
      async extensionPage(campaignId: string, limit: number, cursor?: string) {
        const pk = keys.campaign(scope, campaignId).PK;
        const page = await queryPage(
          db,
          [
            {
              input: { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)', ExpressionAttributeValues: { ':pk': pk, ':sk': extensionKeys.prefix } },
              partition: { attr: 'PK', value: pk },
              keyAttrs: ['PK', 'SK'],
            },
          ],
          { limit, cursor },
        );
        return { items: page.items.map((i) => strip<DeadlineExtensionRecord>(i)), nextCursor: page.nextCursor };
      },
      /**
       * Grants (expectedVersion 0) or changes a facility's extension. The campaign item is checked unchanged in
       * the same transaction (its deadline is what the extension is measured against).
       */
      async putExtension(
        c: CampaignRecord,
        input: { expectedVersion: number; facilityId: string; facilityName: string; extendedTo: string; reason?: string },
        actor: Actor,
      ): Promise<DeadlineExtensionRecord> {
        const key = extensionKeys.extension(scope, c.id, input.facilityId);
        const before = input.expectedVersion > 0 ? await getItem<DeadlineExtensionRecord>(db, key) : undefined;
        const record: DeadlineExtensionRecord = {
          campaignId: c.id,
          facilityId: input.facilityId,
          facilityName: input.facilityName,
          extendedTo: input.extendedTo,
          ...(input.reason ? { reason: input.reason } : {}),
          version: input.expectedVersion + 1,
          updatedAt: new Date().toISOString(),
          updatedBy: actor.userId,
        };
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: T,
                    Item: { ...key, type: 'DeadlineExtension', ...record },
                    ConditionExpression: input.expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
                    ...(input.expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': input.expectedVersion } }),
                  },
                },
                {
                  ConditionCheck: {
                    TableName: T,
                    Key: keys.campaign(scope, c.id),
                    ConditionExpression: c.version === undefined ? 'attribute_not_exists(version)' : 'version = :cv',
                    ...(c.version === undefined ? {} : { ExpressionAttributeValues: { ':cv': c.version } }),
                  },
                },
                auditItem(db, scope, actor, {
                  action: input.expectedVersion === 0 ? 'campaign.extension.grant' : 'campaign.extension.update',
                  target: `campaign/${c.id}/facility/${input.facilityId}`,
                  orgId: input.facilityId,
                  changes: { from: before?.extendedTo ?? c.deadline, to: input.extendedTo, ...(input.reason ? { reason: input.reason } : {}) },
                }),
              ],
            }),
          );
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
            const [ext, camp] = err.CancellationReasons ?? [];
            if (camp?.Code === 'ConditionalCheckFailed') throw new VersionConflictError('campaign', undefined);
            const current = await getItem<DeadlineExtensionRecord>(db, key);
            if (ext?.Code === 'ConditionalCheckFailed') throw new VersionConflictError('extension', current?.version ?? 0);
          }
          throw err;
        }
        return record;
      },
      async removeExtension(c: CampaignRecord, facilityId: string, expectedVersion: number, actor: Actor): Promise<void> {
        const key = extensionKeys.extension(scope, c.id, facilityId);
        const before = await getItem<DeadlineExtensionRecord>(db, key);
        if (!before) throw new NotFoundError('extension');
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Delete: { TableName: T, Key: key, ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } } },
                auditItem(db, scope, actor, {
                  action: 'campaign.extension.remove',
                  target: `campaign/${c.id}/facility/${facilityId}`,
                  orgId: facilityId,
                  changes: { from: before.extendedTo, to: c.deadline },
                }),
              ],
            }),
          );
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
            const current = await getItem<DeadlineExtensionRecord>(db, key);
            if (!current) throw new NotFoundError('extension');
            throw new VersionConflictError('extension', current.version);
          }
          if (err instanceof ConditionalCheckFailedException) throw new VersionConflictError('extension', undefined);
          throw err;
        }
      },
    },
  };
}
