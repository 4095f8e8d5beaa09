import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditAction, ChartPerson, ContactEntry, VendorContactOverride } from '@mcr/contract';
import type { Db } from '../client.ts';
import { VersionConflictError } from '../errors.ts';
import type { TenantScope } from '../keys.ts';
import { transactWithConflictRetry } from '../read-models/transact.ts';
import type { Actor } from '../records.ts';
import { auditItem, batchGet, getItem, queryAll, type TransactItem } from './shared.ts';

/**
 * 連絡体制図 (issue 10, checklist 3(1)).
 * - the chart: one item under the facility (`T#t#FAC#<id>` / `CONTACTCHART`), versioned; it carries the facility's
 *   保健所 and `currentFy`, the latest fiscal year in which it was saved or confirmed, for the coverage read model;
 * - the outside bodies: one item per tenant (`T#t#SETTINGS` / `OUTSIDECONTACTS`), kept by the prefecture;
 * - a vendor's incident contact: one item under the vendor (`T#t#VEN#<id>` / `INCIDENTCONTACT`), kept by the vendor;
 * - coverage per fiscal year (`T#t#CCHARTCOV#<fy>`): a `FAC#<id>` marker per facility counted and `SLICE#pref`,
 *   `SLICE#hc#<id>` counters, written only by the stream consumer.
 */
export interface ContactChartRecord {
  facilityId: string;
  facilityName: string;
  healthCenterId: string;
  director: ChartPerson;
  securityOfficer: ChartPerson;
  systemStaff: ChartPerson[];
  vendorOverrides: VendorContactOverride[];
  notes: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  confirmedOn: string | null;
  confirmedBy: string | null;
  /** The latest fiscal year in which the chart was saved or confirmed. */
  currentFy: number;
}

export interface StoredOutsideContacts {
  prefecture: ContactEntry;
  police: ContactEntry;
  mhlw: ContactEntry;
  healthCenters: Array<ContactEntry & { healthCenterId: string }>;
  desks: ContactEntry[];
  version: number;
  updatedAt: string;
}

export interface StoredVendorIncidentContact extends ContactEntry {
  vendorId: string;
  version: number;
  updatedAt: string;
}

const t = (s: TenantScope) => `T#${s.tenantId}`;
export const contactChartKeys = {
  chart: (s: TenantScope, facilityId: string) => ({ PK: `${t(s)}#FAC#${facilityId}`, SK: 'CONTACTCHART' }),
  outside: (s: TenantScope) => ({ PK: `${t(s)}#SETTINGS`, SK: 'OUTSIDECONTACTS' }),
  vendorContact: (s: TenantScope, vendorId: string) => ({ PK: `${t(s)}#VEN#${vendorId}`, SK: 'INCIDENTCONTACT' }),
  coverage: (s: TenantScope, fiscalYear: number) => `${t(s)}#CCHARTCOV#${fiscalYear}`,
};

/** Versioned put with its audit entry in one transaction: stale (or, at 0, already existing) → VersionConflictError. */
async function versionedPut(
  db: Db,
  key: { PK: string; SK: string },
  item: Record<string, unknown>,
  expectedVersion: number,
  audit: TransactItem,
  entity: string,
): Promise<void> {
  try {
    await db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: { ...key, ...item, version: expectedVersion + 1 },
              ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
              ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
            },
          },
          audit,
        ],
      }),
    );
  } catch (err) {
    if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
      const current = await getItem<{ version: number }>(db, key);
      throw new VersionConflictError(entity, current?.version ?? 0);
    }
    throw err;
  }
}

export function contactChartRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  return {
    contactCharts: {
      get: (facilityId: string) => getItem<ContactChartRecord>(db, contactChartKeys.chart(scope, facilityId)),
      /** The chart heads of a page of facilities (≤ 200 ids: two BatchGets of small projections' items). */
      async heads(facilityIds: readonly string[]): Promise<Map<string, Pick<ContactChartRecord, 'facilityId' | 'updatedAt' | 'confirmedOn' | 'currentFy'>>> {
        const found = await batchGet<ContactChartRecord>(
          db,
          facilityIds.map((id) => contactChartKeys.chart(scope, id)),
        );
        return new Map(
          found.map((c) => [c.facilityId, { facilityId: c.facilityId, updatedAt: c.updatedAt, confirmedOn: c.confirmedOn, currentFy: c.currentFy }]),
        );
      },
      /** Saves the whole chart at `expectedVersion` (0: first save) with its audit entry; stale → 409. */
      async save(
        record: Omit<ContactChartRecord, 'version'>,
        expectedVersion: number,
        actor: Actor,
        action: Extract<AuditAction, `contactChart.${string}`>,
        changes: unknown,
      ): Promise<ContactChartRecord> {
        const key = contactChartKeys.chart(scope, record.facilityId);
        await versionedPut(
          db,
          key,
          { type: 'ContactChart', ...record },
          expectedVersion,
          auditItem(db, scope, actor, { action, target: `facility/${record.facilityId}/contact-chart`, orgId: record.facilityId, changes }),
          'contactChart',
        );
        return { ...record, version: expectedVersion + 1 };
      },
    },
    outsideContacts: {
      get: () => getItem<StoredOutsideContacts>(db, contactChartKeys.outside(scope)),
      async put(value: Omit<StoredOutsideContacts, 'version'>, expectedVersion: number, actor: Actor): Promise<StoredOutsideContacts> {
        await versionedPut(
          db,
          contactChartKeys.outside(scope),
          { type: 'OutsideContacts', ...value },
          expectedVersion,
          auditItem(db, scope, actor, { action: 'outsideContacts.put', target: 'settings/outside-contacts', orgId: actor.orgId, changes: value }),
          'outsideContacts',
        );
        return { ...value, version: expectedVersion + 1 };
      },
    },
    vendorIncidentContacts: {
      get: (vendorId: string) => getItem<StoredVendorIncidentContact>(db, contactChartKeys.vendorContact(scope, vendorId)),
      async many(vendorIds: readonly string[]): Promise<Map<string, StoredVendorIncidentContact>> {
        const found = await batchGet<StoredVendorIncidentContact>(
          db,
          vendorIds.map((id) => contactChartKeys.vendorContact(scope, id)),
        );
        return new Map(found.map((c) => [c.vendorId, c]));
      },
      async put(value: Omit<StoredVendorIncidentContact, 'version'>, expectedVersion: number, actor: Actor): Promise<StoredVendorIncidentContact> {
        await versionedPut(
          db,
          contactChartKeys.vendorContact(scope, value.vendorId),
          { type: 'VendorIncidentContact', ...value },
          expectedVersion,
          auditItem(db, scope, actor, {
            action: 'vendor.incidentContact',
            target: `vendor/${value.vendorId}/incident-contact`,
            orgId: value.vendorId,
            changes: value,
          }),
          'vendorIncidentContact',
        );
        return { ...value, version: expectedVersion + 1 };
      },
    },
    contactChartCoverage: {
      /** Covered-facility counts of a fiscal year: `pref` and `hc#<id>` → count. */
      async slices(fiscalYear: number): Promise<Map<string, number>> {
        const items = await queryAll<{ slice: string; covered: number }>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': contactChartKeys.coverage(scope, fiscalYear), ':sk': 'SLICE#' },
        });
        return new Map(items.map((i) => [i.slice, Number(i.covered ?? 0)]));
      },
      async isCounted(fiscalYear: number, facilityId: string): Promise<boolean> {
        const res = await db.doc.send(new GetCommand({ TableName: T, Key: { PK: contactChartKeys.coverage(scope, fiscalYear), SK: `FAC#${facilityId}` } }));
        return Boolean(res.Item);
      },
      /**
       * The stream consumer's change: the facility's chart became current in `fiscalYear`. Counted once per facility
       * and year (the marker's condition), so a retried batch or a second save in the same year changes nothing.
       */
      async markCurrent(fiscalYear: number, facilityId: string, healthCenterId: string): Promise<boolean> {
        const pk = contactChartKeys.coverage(scope, fiscalYear);
        const slice = (name: string): TransactItem => ({
          Update: {
            TableName: T,
            Key: { PK: pk, SK: `SLICE#${name}` },
            UpdateExpression: 'SET #t = :t, slice = :slice ADD covered :one',
            ExpressionAttributeNames: { '#t': 'type' },
            ExpressionAttributeValues: { ':t': 'ContactChartCoverage', ':slice': name, ':one': 1 },
          },
        });
        try {
          await transactWithConflictRetry(db, {
            TransactItems: [
              {
                Put: {
                  TableName: T,
                  Item: { PK: pk, SK: `FAC#${facilityId}`, type: 'ContactChartCoverageFacility', facilityId, healthCenterId },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              slice('pref'),
              slice(`hc#${healthCenterId}`),
            ],
          });
          return true;
        } catch (err) {
          if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
          throw err;
        }
      },
    },
  };
}
