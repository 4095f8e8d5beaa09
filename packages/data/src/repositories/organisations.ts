import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import { NotFoundError } from '../errors.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { Actor, ContractRecord, FacilityRecord, HealthCenterRecord, MembershipRecord, TenantRecord, VendorRecord } from '../records.ts';
import { auditItem, batchGet, batchPut, getItem, queryAll } from './shared.ts';

/**
 * Reads the membership that names a user's role and organisation. Called by the auth middleware
 * with the tenant taken from the verified token, before any other repository exists.
 */
export async function loadMembership(db: Db, scope: TenantScope, userId: string): Promise<MembershipRecord | undefined> {
  return getItem<MembershipRecord>(db, keys.membership(scope, userId));
}

export function organisationRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  const put = (Item: Record<string, unknown>) => db.doc.send(new PutCommand({ TableName: T, Item }));
  const membershipItem = (r: MembershipRecord) => ({
    ...keys.membership(scope, r.userId),
    ...keys.membershipByOrg(scope, r.orgId),
    GSI1SK: `USER#${r.email}`,
    GSI2PK: keys.membershipsPartition(scope),
    GSI2SK: `USER#${r.email}`,
    type: 'Membership',
    ...r,
  });
  const contractItem = (r: ContractRecord) => ({
    ...keys.contract(scope, r.facilityId, r.vendorId),
    ...keys.contractByVendor(scope, r.vendorId, r.facilityId),
    type: 'Contract',
    ...r,
  });
  const codeItem = (r: FacilityRecord) => ({ ...keys.facilityCode(scope, r.medicalInstitutionCode), type: 'FacilityCode', facilityId: r.id });
  const facilityItem = (r: FacilityRecord) => ({ ...keys.facility(scope, r.id), ...keys.facilityIndex(scope, r.healthCenterId, r.id), type: 'Facility', ...r });
  const audit = (actor: Actor, entry: Parameters<typeof auditItem>[3]) =>
    db.doc.send(new TransactWriteCommand({ TransactItems: [auditItem(db, scope, actor, entry)] }));
  return {
    tenant: {
      get: () => getItem<TenantRecord>(db, keys.tenant(scope)),
      put: (r: TenantRecord) => put({ ...keys.tenant(scope), type: 'Tenant', ...r }),
    },
    memberships: {
      get: (userId: string) => loadMembership(db, scope, userId),
      put: (r: MembershipRecord) => put(membershipItem(r)),
      /** Every user of the tenant (GSI2), or of one organisation (GSI1). */
      list: (orgId?: string) =>
        orgId
          ? queryAll<MembershipRecord>(db, {
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': keys.membershipByOrg(scope, orgId).GSI1PK },
            })
          : queryAll<MembershipRecord>(db, {
              IndexName: 'GSI2',
              KeyConditionExpression: 'GSI2PK = :pk',
              ExpressionAttributeValues: { ':pk': keys.membershipsPartition(scope) },
            }),
      /** Creates or changes a membership together with its audit entry. */
      async write(r: MembershipRecord, actor: Actor, action: string, changes: unknown): Promise<void> {
        await db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: T, Item: membershipItem(r) } },
              auditItem(db, scope, actor, { action, target: `user/${r.userId}`, orgId: r.orgId, changes }),
            ],
          }),
        );
      },
    },
    healthCenters: {
      list: () => queryAll<HealthCenterRecord>(db, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.healthCenters(scope).PK } }),
      put: (r: HealthCenterRecord) => put({ ...keys.healthCenter(scope, r.id), type: 'HealthCenter', ...r }),
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
      put: async (r: FacilityRecord) => {
        await put(facilityItem(r));
        await put(codeItem(r));
      },
      /** Facilities by 医療機関コード (two batched reads, whatever the size of the tenant). */
      async byCodes(codes: readonly string[]): Promise<Map<string, FacilityRecord>> {
        const found = await batchGet<{ facilityId: string }>(
          db,
          [...new Set(codes)].map((c) => keys.facilityCode(scope, c)),
        );
        const facilities = await batchGet<FacilityRecord>(
          db,
          found.map((f) => keys.facility(scope, f.facilityId)),
        );
        return new Map(facilities.map((f) => [f.medicalInstitutionCode, f]));
      },
      /** Writes an imported chunk (new 保健所 first, then facilities) and records it in the audit log. */
      async importBatch(
        healthCenters: HealthCenterRecord[],
        facilities: FacilityRecord[],
        actor: Actor,
        summary: { created: number; updated: number },
      ): Promise<void> {
        await batchPut(db, [
          ...healthCenters.map((h) => ({ ...keys.healthCenter(scope, h.id), type: 'HealthCenter', ...h })),
          ...facilities.map(facilityItem),
          ...facilities.map(codeItem),
        ]);
        await audit(actor, {
          action: 'facilities.import',
          target: 'facilities',
          orgId: actor.orgId,
          changes: { ...summary, healthCenters: healthCenters.map((h) => h.name), codes: facilities.map((f) => f.medicalInstitutionCode) },
        });
      },
    },
    vendors: {
      list: () =>
        queryAll<VendorRecord>(db, {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.vendorsPartition(scope) },
        }),
      get: (id: string) => getItem<VendorRecord>(db, keys.vendor(scope, id)),
      put: (r: VendorRecord) => put({ ...keys.vendor(scope, r.id), ...keys.vendorIndex(scope, r.id), type: 'Vendor', ...r }),
      async create(r: VendorRecord, actor: Actor): Promise<void> {
        await db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: T,
                  Item: { ...keys.vendor(scope, r.id), ...keys.vendorIndex(scope, r.id), type: 'Vendor', ...r },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              auditItem(db, scope, actor, { action: 'vendor.create', target: `vendor/${r.id}`, orgId: actor.orgId, changes: r }),
            ],
          }),
        );
      },
    },
    contracts: {
      listOfFacility: (facilityId: string) =>
        queryAll<ContractRecord>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': keys.facility(scope, facilityId).PK, ':sk': 'CONTRACT#' },
        }),
      /** Facilities that have at least one vendor contract: one query per vendor, not per facility. */
      async facilitiesWithAnyContract(): Promise<Set<string>> {
        const vendors = await queryAll<VendorRecord>(db, {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.vendorsPartition(scope) },
        });
        const found = new Set<string>();
        for (const v of vendors) {
          const rows = await queryAll<{ facilityId: string }>(db, {
            IndexName: 'GSI2',
            KeyConditionExpression: 'GSI2PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.contractByVendor(scope, v.id, '').GSI2PK },
            ProjectionExpression: 'facilityId',
          });
          for (const r of rows) found.add(r.facilityId);
        }
        return found;
      },
      put: (r: ContractRecord) => put(contractItem(r)),
      async write(r: ContractRecord, actor: Actor): Promise<void> {
        await db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: T, Item: contractItem(r) } },
              auditItem(db, scope, actor, { action: 'contract.put', target: `facility/${r.facilityId}/vendor/${r.vendorId}`, orgId: r.facilityId, changes: r }),
            ],
          }),
        );
      },
      async remove(facilityId: string, vendorId: string, actor: Actor): Promise<void> {
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Delete: { TableName: T, Key: keys.contract(scope, facilityId, vendorId), ConditionExpression: 'attribute_exists(PK)' } },
                auditItem(db, scope, actor, {
                  action: 'contract.delete',
                  target: `facility/${facilityId}/vendor/${vendorId}`,
                  orgId: facilityId,
                  changes: null,
                }),
              ],
            }),
          );
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
            throw new NotFoundError('contract');
          throw err;
        }
      },
    },
  };
}
