import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import { NotFoundError } from '../errors.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { ContractRecord, FacilityRecord, HealthCenterRecord, MembershipRecord, TenantRecord, VendorRecord } from '../records.ts';
import { getItem, queryAll } from './shared.ts';

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
  return {
    tenant: {
      get: () => getItem<TenantRecord>(db, keys.tenant(scope)),
      put: (r: TenantRecord) => put({ ...keys.tenant(scope), type: 'Tenant', ...r }),
    },
    memberships: {
      get: (userId: string) => loadMembership(db, scope, userId),
      put: (r: MembershipRecord) =>
        put({ ...keys.membership(scope, r.userId), ...keys.membershipByOrg(scope, r.orgId), GSI1SK: `USER#${r.email}`, type: 'Membership', ...r }),
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
      put: (r: FacilityRecord) => put({ ...keys.facility(scope, r.id), ...keys.facilityIndex(scope, r.healthCenterId, r.id), type: 'Facility', ...r }),
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
      put: (r: ContractRecord) =>
        put({ ...keys.contract(scope, r.facilityId, r.vendorId), ...keys.contractByVendor(scope, r.vendorId, r.facilityId), type: 'Contract', ...r }),
    },
  };
}
