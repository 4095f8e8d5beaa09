import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { InspectionResult, InspectionStatus } from '@mcr/contract';
import type { Db } from '../client.ts';
import { AlreadyExistsError, NotFoundError, VersionConflictError } from '../errors.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { Actor } from '../records.ts';
import { auditItem, queryAll, strip, type TransactItem } from './shared.ts';

/** One 立入検査 of one facility, planned or recorded by its 保健所 (or the prefecture). */
export interface InspectionRecord {
  id: string;
  facilityId: string;
  facilityName: string;
  healthCenterId: string;
  healthCenterName: string;
  date: string;
  status: InspectionStatus;
  result: InspectionResult | null;
  findings: string;
  followUpDue: string | null;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

/** Where a page of a 保健所's inspections stopped: the last item's table and index keys (the partition is rebuilt by the caller's scope). */
export interface InspectionPageKey {
  facilityId: string;
  date: string;
  id: string;
}

export function inspectionRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  const item = (r: InspectionRecord) => ({
    ...keys.inspection(scope, r.facilityId, r.date, r.id),
    ...keys.inspectionIndex(scope, r.healthCenterId, r.date, r.id),
    type: 'Inspection',
    ...r,
  });
  const listOfFacility = (facilityId: string) =>
    queryAll<InspectionRecord>(db, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.facility(scope, facilityId).PK, ':sk': keys.inspectionsOfFacilityPrefix },
    });
  /** A facility holds a handful of inspections: one query of its partition finds one by id, whatever its date. */
  const find = async (facilityId: string, id: string) => (await listOfFacility(facilityId)).find((r) => r.id === id);

  const transact = async (facilityId: string, id: string, items: TransactItem[]) => {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (err instanceof TransactionCanceledException && err.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
        const current = await find(facilityId, id);
        if (!current) throw new NotFoundError('inspection');
        throw new VersionConflictError('inspection', current.version);
      }
      throw err;
    }
  };

  return {
    inspections: {
      listOfFacility,
      find,
      /**
       * One 保健所's inspections between two dates (inclusive), in date order, one page at a time. The partition
       * of the start key is always the 保健所's own: a cursor names only the last item's facility, date and id.
       */
      async listOfHealthCenter(
        healthCenterId: string,
        range: { from: string; to: string; limit: number; after?: InspectionPageKey | undefined },
      ): Promise<{ items: InspectionRecord[]; last: InspectionPageKey | undefined }> {
        const index = keys.inspectionIndex(scope, healthCenterId, '', '');
        const start = range.after
          ? {
              ...keys.inspection(scope, range.after.facilityId, range.after.date, range.after.id),
              ...keys.inspectionIndex(scope, healthCenterId, range.after.date, range.after.id),
            }
          : undefined;
        const page = await db.doc.send(
          new QueryCommand({
            TableName: T,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': index.GSI1PK, ':from': `${range.from}#`, ':to': `${range.to}#\uffff` },
            Limit: range.limit,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        const items = (page.Items ?? []).map((i) => strip<InspectionRecord>(i));
        const lastItem = items[items.length - 1];
        return { items, last: page.LastEvaluatedKey && lastItem ? { facilityId: lastItem.facilityId, date: lastItem.date, id: lastItem.id } : undefined };
      },
      /** Creates an inspection together with its audit entry. */
      async create(r: InspectionRecord, actor: Actor): Promise<void> {
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: T, Item: item(r), ConditionExpression: 'attribute_not_exists(PK)' } },
                auditItem(db, scope, actor, {
                  action: 'inspection.create',
                  target: `facility/${r.facilityId}/inspection/${r.id}`,
                  orgId: r.facilityId,
                  changes: { date: r.date, status: r.status, result: r.result, findings: r.findings, followUpDue: r.followUpDue },
                }),
              ],
            }),
          );
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
            throw new AlreadyExistsError('inspection');
          }
          throw err;
        }
      },
      /**
       * Replaces an inspection if, and only if, the stored version is still `expectedVersion`. The date is part of
       * the key, so a new date moves the item (delete + put) in the same transaction as the audit entry.
       */
      async update(previous: InspectionRecord, next: InspectionRecord, expectedVersion: number, actor: Actor, changes: unknown): Promise<void> {
        const oldKey = keys.inspection(scope, previous.facilityId, previous.date, previous.id);
        const moved = previous.date !== next.date;
        const condition = {
          ConditionExpression: 'attribute_exists(PK) AND version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        };
        const writes: TransactItem[] = moved
          ? [
              { Delete: { TableName: T, Key: oldKey, ...condition } },
              { Put: { TableName: T, Item: item(next), ConditionExpression: 'attribute_not_exists(PK)' } },
            ]
          : [{ Put: { TableName: T, Item: item(next), ...condition } }];
        await transact(previous.facilityId, previous.id, [
          ...writes,
          auditItem(db, scope, actor, {
            action: 'inspection.update',
            target: `facility/${next.facilityId}/inspection/${next.id}`,
            orgId: next.facilityId,
            changes,
          }),
        ]);
      },
    },
  };
}
