import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditAction } from '@mcr/contract';
import type { Db } from '../client.ts';
import { AlreadyExistsError, NotFoundError } from '../errors.ts';
import { keys, nameKey, type TenantScope } from '../keys.ts';
import { queryPage, type Segment } from '../paging.ts';
import type { Actor, ContractRecord, FacilityRecord, HealthCenterRecord, MembershipRecord, TenantRecord, VendorRecord } from '../records.ts';
import { auditItem, batchGet, getItem, queryAll, strip } from './shared.ts';

export interface FacilityPageQuery {
  healthCenterId?: string | undefined;
  kind?: FacilityRecord['kind'] | undefined;
  /** A name prefix, a 医療機関コード prefix, or a whole code. */
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface MembershipPageQuery {
  orgId?: string | undefined;
  role?: MembershipRecord['role'] | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Reads the membership that names a user's role and organisation. Called by the auth middleware
 * with the tenant taken from the verified token, before any other repository exists.
 */
export async function loadMembership(db: Db, scope: TenantScope, userId: string): Promise<MembershipRecord | undefined> {
  return getItem<MembershipRecord>(db, keys.membership(scope, userId));
}

/** A membership as stored: by user, by organisation (GSI1) and in the tenant's e-mail-ordered list (GSI2). */
export function membershipItemOf(scope: TenantScope, r: MembershipRecord) {
  return {
    ...keys.membership(scope, r.userId),
    ...keys.membershipByOrg(scope, r.orgId),
    GSI1SK: `USER#${r.email}`,
    GSI2PK: keys.membershipsPartition(scope),
    GSI2SK: `USER#${r.email}`,
    type: 'Membership',
    ...r,
  };
}

export function organisationRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  const put = (Item: Record<string, unknown>) => db.doc.send(new PutCommand({ TableName: T, Item }));
  const membershipItem = (r: MembershipRecord) => membershipItemOf(scope, r);
  const contractItem = (r: ContractRecord) => ({
    ...keys.contract(scope, r.facilityId, r.vendorId),
    ...keys.contractByVendor(scope, r.vendorId, r.facilityId),
    type: 'Contract',
    ...r,
  });
  const codeItem = (r: FacilityRecord) => ({ ...keys.facilityCode(scope, r.medicalInstitutionCode), type: 'FacilityCode', facilityId: r.id });
  const facilityItem = (r: FacilityRecord) => ({
    ...keys.facility(scope, r.id),
    ...keys.facilityIndex(scope, r.healthCenterId, r.id, r.name),
    ...keys.facilityByName(scope, r.name, r.id),
    type: 'Facility',
    ...r,
  });
  return {
    tenant: {
      get: () => getItem<TenantRecord>(db, keys.tenant(scope)),
      put: (r: TenantRecord) => put({ ...keys.tenant(scope), type: 'Tenant', ...r }),
      /**
       * Creates the tenant together with its first memberships and their audit entries in one transaction, so that
       * a tenant never exists without an administrator (decision 0004). The profile is conditional on not existing:
       * of two concurrent creates of one tenant exactly one commits; the others get AlreadyExistsError.
       */
      async create(r: TenantRecord, members: MembershipRecord[], actor: Actor): Promise<void> {
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: T, Item: { ...keys.tenant(scope), type: 'Tenant', ...r }, ConditionExpression: 'attribute_not_exists(PK)' } },
                auditItem(db, scope, actor, { action: 'tenant.create', target: `tenant/${scope.tenantId}`, orgId: 'pref', changes: r, seq: 0 }),
                ...members.flatMap((m, i) => [
                  { Put: { TableName: T, Item: membershipItem(m), ConditionExpression: 'attribute_not_exists(PK)' } },
                  auditItem(db, scope, actor, {
                    action: 'user.invite',
                    target: `user/${m.userId}`,
                    orgId: m.orgId,
                    changes: { email: m.email, role: m.role, orgId: m.orgId },
                    seq: i + 1,
                  }),
                ]),
              ],
            }),
          );
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
            throw new AlreadyExistsError('tenant');
          throw err;
        }
      },
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
      /**
       * One page of users in e-mail order, of the tenant (GSI2) or of one organisation (GSI1); `q` is an e-mail
       * prefix when it looks like one, otherwise it is matched inside the display name; `role` is filtered.
       */
      async page(query: MembershipPageQuery): Promise<{ items: MembershipRecord[]; nextCursor: string | null }> {
        const q = query.q?.trim() ?? '';
        const emailPrefix = /^[\x21-\x7e]+$/.test(q) ? q.toLowerCase() : '';
        const filters: string[] = [];
        const names: Record<string, string> = {};
        const values: Record<string, unknown> = {};
        if (query.role) {
          filters.push('#role = :role');
          names['#role'] = 'role';
          values[':role'] = query.role;
        }
        if (q && !emailPrefix) {
          filters.push('contains(#displayName, :q)');
          names['#displayName'] = 'displayName';
          values[':q'] = q;
        }
        const filter = filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {};
        const [index, pk] = query.orgId ? ['GSI1', keys.membershipByOrg(scope, query.orgId).GSI1PK] : ['GSI2', keys.membershipsPartition(scope)];
        const segment: Segment = {
          input: {
            IndexName: index,
            KeyConditionExpression: `${index}PK = :pk AND begins_with(${index}SK, :sk)`,
            ...filter,
            ExpressionAttributeValues: { ...values, ':pk': pk, ':sk': `USER#${emailPrefix}` },
          },
          partition: { attr: `${index}PK`, value: pk },
          keyAttrs: ['PK', 'SK', `${index}PK`, `${index}SK`],
        };
        const page = await queryPage(db, [segment], { limit: query.limit, cursor: query.cursor });
        return { items: page.items.map((i) => strip<MembershipRecord>(i)), nextCursor: page.nextCursor };
      },
      /** Creates or changes a membership together with its audit entry. */
      async write(r: MembershipRecord, actor: Actor, action: Extract<AuditAction, `user.${string}`>, changes: unknown): Promise<void> {
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
      /**
       * One page of facilities in name order (within a 保健所 when one is given): a name prefix or a 医療機関コード
       * narrows the key range; the kind is filtered. A page costs at most four reads at any size of the list.
       */
      async page(query: FacilityPageQuery): Promise<{ items: FacilityRecord[]; nextCursor: string | null }> {
        const q = query.q?.trim() ?? '';
        const matches = (f: FacilityRecord) => (!query.healthCenterId || f.healthCenterId === query.healthCenterId) && (!query.kind || f.kind === query.kind);
        if (/^\d{10}$/.test(q)) {
          // A whole 医療機関コード: two reads by key.
          if (query.cursor) return { items: [], nextCursor: null };
          const found = await getItem<{ facilityId: string }>(db, keys.facilityCode(scope, q));
          const f = found ? await getItem<FacilityRecord>(db, keys.facility(scope, found.facilityId)) : undefined;
          return { items: f && matches(f) ? [f] : [], nextCursor: null };
        }
        const digits = /^\d+$/.test(q);
        const name = digits ? '' : nameKey(q);
        const filters: string[] = [];
        const values: Record<string, unknown> = {};
        const names: Record<string, string> = {};
        if (query.kind) {
          filters.push('#kind = :kind');
          names['#kind'] = 'kind';
          values[':kind'] = query.kind;
        }
        if (digits) {
          filters.push('begins_with(#code, :code)');
          names['#code'] = 'medicalInstitutionCode';
          values[':code'] = q;
        }
        const filter = filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {};
        const segment: Segment = query.healthCenterId
          ? {
              input: {
                IndexName: 'GSI1',
                KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)',
                ...filter,
                ExpressionAttributeValues: {
                  ...values,
                  ':pk': keys.facilitiesPartition(scope),
                  ':sk': `${keys.facilitiesOfHealthCenterPrefix(query.healthCenterId)}${name}`,
                },
              },
              partition: { attr: 'GSI1PK', value: keys.facilitiesPartition(scope) },
              keyAttrs: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
            }
          : {
              input: {
                IndexName: 'GSI2',
                KeyConditionExpression: name ? 'GSI2PK = :pk AND begins_with(GSI2SK, :sk)' : 'GSI2PK = :pk',
                ...filter,
                ExpressionAttributeValues: { ...values, ':pk': keys.facilityNamesPartition(scope), ...(name ? { ':sk': name } : {}) },
              },
              partition: { attr: 'GSI2PK', value: keys.facilityNamesPartition(scope) },
              keyAttrs: ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
            };
        const page = await queryPage(db, [segment], { limit: query.limit, cursor: query.cursor });
        return { items: page.items.map((i) => strip<FacilityRecord>(i)), nextCursor: page.nextCursor };
      },
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
      /**
       * Writes an import (new 保健所 first, then facilities) in transactions of at most 100 items, each carrying its
       * own audit entry (part i of n, with the 保健所 and 医療機関コード it wrote): an entry exists exactly when its
       * part's data does. A request that fails half way leaves whole parts written and audited; the import is by
       * 医療機関コード, so running it again writes the rest (docs/decisions/0028-audit-per-write.md).
       */
      async importBatch(
        healthCenters: HealthCenterRecord[],
        facilities: FacilityRecord[],
        actor: Actor,
        summary: { created: number; updated: number },
      ): Promise<void> {
        type Unit = { items: Record<string, unknown>[]; healthCenter?: string; code?: string };
        const units: Unit[] = [
          ...healthCenters.map((h) => ({ items: [{ ...keys.healthCenter(scope, h.id), type: 'HealthCenter', ...h }], healthCenter: h.name })),
          ...facilities.map((f) => ({ items: [facilityItem(f), codeItem(f)], code: f.medicalInstitutionCode })),
        ];
        // 100 actions per transaction: 99 data items at most, and the part's audit entry.
        const parts: Unit[][] = [];
        let size = Number.POSITIVE_INFINITY;
        for (const u of units) {
          if (size + u.items.length > 99) {
            parts.push([]);
            size = 0;
          }
          parts.at(-1)?.push(u);
          size += u.items.length;
        }
        for (const [i, part] of parts.entries()) {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                ...part.flatMap((u) => u.items.map((Item) => ({ Put: { TableName: T, Item } }))),
                auditItem(db, scope, actor, {
                  action: 'facilities.import',
                  target: 'facilities',
                  orgId: actor.orgId,
                  seq: i,
                  changes: {
                    ...summary,
                    part: i + 1,
                    parts: parts.length,
                    healthCenters: part.flatMap((u) => (u.healthCenter ? [u.healthCenter] : [])),
                    codes: part.flatMap((u) => (u.code ? [u.code] : [])),
                  },
                }),
              ],
            }),
          );
        }
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
        // The audit entry says what was removed (systems, remote maintenance), not only which pair.
        const current = await getItem<ContractRecord>(db, keys.contract(scope, facilityId, vendorId));
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Delete: { TableName: T, Key: keys.contract(scope, facilityId, vendorId), ConditionExpression: 'attribute_exists(PK)' } },
                auditItem(db, scope, actor, {
                  action: 'contract.delete',
                  target: `facility/${facilityId}/vendor/${vendorId}`,
                  orgId: facilityId,
                  changes: { removed: current ?? null },
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
