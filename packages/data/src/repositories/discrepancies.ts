import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalizedText } from '@mcr/contract';
import type { Finding } from '@mcr/domain';
import type { Db } from '../client.ts';
import { NotFoundError, StateConflictError, VersionConflictError } from '../errors.ts';
import type { TenantScope } from '../keys.ts';
import { queryPage, type Segment } from '../paging.ts';
import type { Actor, DiscrepancyRecord, DiscrepancyRule, DiscrepancyState } from '../records.ts';
import { auditItem, strip } from './shared.ts';

/**
 * Cross-check discrepancies (docs/decisions/0012-vendors-documents-cross-checks.md, "Cross-checks"). One item per
 * finding id `<campaignId>#<rule>#<vendorId>#<cell or item>`, under its facility; the re-check reconciles the
 * stored items with the findings of the moment (open, clear, reopen), people explain and resolve. Only open and
 * explained items sit in the sparse GSI2 partition (the prefecture's work list) and count in the read models.
 */

/** History entries kept inline (the oldest drop out), and the longest text of one. */
export const DISCREPANCY_HISTORY_MAX = 30;
export const DISCREPANCY_TEXT_MAX = 1000;
const SYSTEM_NAME = 'システム';

const t = (s: TenantScope) => `T#${s.tenantId}`;

export const discrepancyKeys = {
  item: (s: TenantScope, facilityId: string, findingId: string) => ({ PK: `${t(s)}#FAC#${facilityId}`, SK: `DISC#${findingId}` }),
  prefix: 'DISC#',
  ofCampaignPrefix: (campaignId: string) => `DISC#${campaignId}#`,
  /** GSI1: every discrepancy of a vendor, by facility and campaign. */
  byVendor: (s: TenantScope, vendorId: string, facilityId: string, findingId: string) => ({
    GSI1PK: `${t(s)}#VEN#${vendorId}#DISC`,
    GSI1SK: `${facilityId}#${findingId}`,
  }),
  vendorPartition: (s: TenantScope, vendorId: string) => `${t(s)}#VEN#${vendorId}#DISC`,
  /** Sparse GSI2 while open or explained: the tenant's work list, by 保健所 and facility. */
  open: (s: TenantScope, healthCenterId: string, facilityId: string, findingId: string) => ({
    GSI2PK: `${t(s)}#DISC#OPEN`,
    GSI2SK: `${healthCenterId}#${facilityId}#${findingId}`,
  }),
  openPartition: (s: TenantScope) => `${t(s)}#DISC#OPEN`,
};

/** The URL-safe id of a discrepancy: base64url of its finding id (deterministic, reversible). */
export function discrepancyIdOf(findingId: string): string {
  return Buffer.from(findingId, 'utf8').toString('base64url');
}

const FINDING_ID = /^[A-Za-z0-9_-]{1,64}#[a-z_]{1,40}#[A-Za-z0-9_-]{1,64}#[a-z0-9:-]{1,80}$/;

/** The finding id of a discrepancy id from a path; undefined when it is not one (→ 404, never a key built from junk). */
export function findingIdOf(discrepancyId: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(discrepancyId)) return undefined;
  const decoded = Buffer.from(discrepancyId, 'base64url').toString('utf8');
  return FINDING_ID.test(decoded) && discrepancyIdOf(decoded) === discrepancyId ? decoded : undefined;
}

/** What the facility is (for slices and lists), copied onto its discrepancies. */
export interface DiscrepancyFacility {
  id: string;
  name: string;
  healthCenterId: string;
  kind: string;
  medicalAreaName: string;
  beds: number;
}

/** A finding with what a list shows of its facility-form item. */
export interface ReconcileFinding extends Finding {
  itemNumber: string;
  itemText: LocalizedText;
}

/** The stored item's record: the shared record plus what lists and read models read without lookups. */
export interface StoredDiscrepancy extends DiscrepancyRecord {
  findingId: string;
  fiscalYear: number | null;
  itemNumber: string;
  itemText: LocalizedText;
  facilityKind: string;
  medicalAreaName: string;
  beds: number;
}

type History = DiscrepancyRecord['history'];
type HistoryEntry = History[number];

const isActive = (state: DiscrepancyState) => state === 'open' || state === 'explained';
const capText = (text: string | undefined) => (text === undefined ? undefined : text.slice(0, DISCREPANCY_TEXT_MAX));
const appendHistory = (history: History, entry: HistoryEntry): History =>
  [...history, { ...entry, ...(entry.text !== undefined ? { text: capText(entry.text) } : {}) }].slice(-DISCREPANCY_HISTORY_MAX);

/** Stable comparison of two details (key order does not matter). */
function sameDetail(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const norm = (d: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(d)
        .sort()
        .map((k) => [k, d[k]]),
    );
  return norm(a) === norm(b);
}

const FACILITY_FIELDS = ['facilityName', 'healthCenterId', 'facilityKind', 'medicalAreaName', 'beds', 'fiscalYear', 'itemNumber', 'vendorName'] as const;

export interface ReconcileResult {
  opened: number;
  reopened: number;
  cleared: number;
  updated: number;
  unchanged: number;
}

export function discrepancyRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;

  /** The item with its keys: GSI2 only while open or explained. */
  const itemOf = (r: StoredDiscrepancy): Record<string, unknown> => ({
    ...discrepancyKeys.item(scope, r.facilityId, r.findingId),
    ...discrepancyKeys.byVendor(scope, r.vendorId, r.facilityId, r.findingId),
    ...(isActive(r.state) ? discrepancyKeys.open(scope, r.healthCenterId, r.facilityId, r.findingId) : {}),
    type: 'Discrepancy',
    ...r,
  });

  const get = async (facilityId: string, findingId: string): Promise<StoredDiscrepancy | undefined> => {
    const res = await db.doc.send(new GetCommand({ TableName: T, Key: discrepancyKeys.item(scope, facilityId, findingId), ConsistentRead: true }));
    return res.Item ? strip<StoredDiscrepancy>(res.Item) : undefined;
  };

  /** Every discrepancy of a facility (of one campaign when given): a facility has few vendors, so few items. */
  const ofFacility = async (facilityId: string, campaignId?: string): Promise<StoredDiscrepancy[]> => {
    const out: StoredDiscrepancy[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await db.doc.send(
        new QueryCommand({
          TableName: T,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: {
            ':pk': discrepancyKeys.item(scope, facilityId, '').PK,
            ':sk': campaignId ? discrepancyKeys.ofCampaignPrefix(campaignId) : discrepancyKeys.prefix,
          },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const i of page.Items ?? []) out.push(strip<StoredDiscrepancy>(i));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey && out.length < 2000);
    return out;
  };

  /** Replaces the stored item if its version is still `expected` (or creates it when `expected` is 0). */
  const write = async (next: StoredDiscrepancy, expected: number, extra: object[] = []): Promise<boolean> => {
    const put = {
      TableName: T,
      Item: itemOf(next),
      ConditionExpression: expected === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
      ...(expected === 0 ? {} : { ExpressionAttributeValues: { ':v': expected } }),
    };
    try {
      if (extra.length === 0) await db.doc.send(new PutCommand(put));
      else await db.doc.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...(extra as never[])] }));
      return true;
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'ConditionalCheckFailedException') return false;
      if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
      throw err;
    }
  };

  /**
   * What the re-check found → stored state. New finding → open; finding gone → cleared (GSI2 removed); a cleared
   * finding back → reopened; a resolved one stays resolved unless its detail changed (then reopened). Facility
   * data and detail are kept current on active items. Idempotent: the same findings again change nothing.
   * Each item is written with a condition on its version; a concurrent explanation makes it re-read and retry.
   */
  async function reconcile(
    facility: DiscrepancyFacility,
    campaign: { id: string; fiscalYear: number | null },
    findings: readonly ReconcileFinding[],
    now = new Date().toISOString(),
  ): Promise<ReconcileResult> {
    const result: ReconcileResult = { opened: 0, reopened: 0, cleared: 0, updated: 0, unchanged: 0 };
    const found = new Map(findings.map((f) => [f.id, f]));
    const stored = new Map((await ofFacility(facility.id, campaign.id)).map((d) => [d.findingId, d]));
    const system = (action: HistoryEntry['action']): HistoryEntry => ({ at: now, by: SYSTEM_NAME, byOrg: 'system', action });

    const decide = (
      current: StoredDiscrepancy | undefined,
      finding: ReconcileFinding | undefined,
    ): { next: StoredDiscrepancy; kind: keyof ReconcileResult } | null => {
      if (finding) {
        const base = {
          findingId: finding.id,
          discrepancyId: discrepancyIdOf(finding.id),
          facilityId: facility.id,
          facilityName: facility.name,
          healthCenterId: facility.healthCenterId,
          facilityKind: facility.kind,
          medicalAreaName: facility.medicalAreaName,
          beds: facility.beds,
          campaignId: campaign.id,
          fiscalYear: campaign.fiscalYear,
          vendorId: finding.vendorId,
          vendorName: finding.vendorName,
          rule: finding.rule as DiscrepancyRule,
          itemId: finding.itemId,
          ...(finding.cell ? { cell: finding.cell } : {}),
          itemNumber: finding.itemNumber,
          itemText: finding.itemText,
          detail: finding.detail,
        };
        if (!current) {
          return { kind: 'opened', next: { ...base, state: 'open', version: 1, firstSeenAt: now, updatedAt: now, history: [system('opened')] } };
        }
        const detailChanged = !sameDetail(current.detail, finding.detail);
        if (current.state === 'cleared' || (current.state === 'resolved' && detailChanged)) {
          return {
            kind: 'reopened',
            next: {
              ...current,
              ...base,
              state: 'open',
              version: current.version + 1,
              updatedAt: now,
              history: appendHistory(current.history, system('reopened')),
            },
          };
        }
        if (current.state === 'resolved') return null;
        const factsChanged = detailChanged || FACILITY_FIELDS.some((f) => JSON.stringify(current[f]) !== JSON.stringify(base[f]));
        if (!factsChanged) return null;
        return { kind: 'updated', next: { ...current, ...base, version: current.version + 1, updatedAt: now } };
      }
      if (current && isActive(current.state)) {
        return {
          kind: 'cleared',
          next: { ...current, state: 'cleared', version: current.version + 1, updatedAt: now, history: appendHistory(current.history, system('cleared')) },
        };
      }
      return null;
    };

    for (const id of new Set([...found.keys(), ...stored.keys()])) {
      let current = stored.get(id);
      for (let attempt = 0; ; attempt++) {
        const step = decide(current, found.get(id));
        if (!step) {
          result.unchanged++;
          break;
        }
        if (await write(step.next, current?.version ?? 0)) {
          result[step.kind]++;
          break;
        }
        if (attempt >= 5) throw new VersionConflictError('discrepancy', current?.version);
        current = await get(facility.id, id);
      }
    }
    return result;
  }

  /** A discrepancy of a facility by its URL id; undefined when there is none (or the id is not one). */
  const find = async (facilityId: string, discrepancyId: string) => {
    const findingId = findingIdOf(discrepancyId);
    return findingId ? get(facilityId, findingId) : undefined;
  };

  /** Explanation (either side) or resolution (prefecture): one transaction with the audit entry. */
  async function act(
    facilityId: string,
    discrepancyId: string,
    input: { expectedVersion: number; action: 'explained' | 'resolved'; text?: string | undefined; byOrg: HistoryEntry['byOrg'] },
    actor: Actor,
    allowed: (d: StoredDiscrepancy) => boolean,
  ): Promise<StoredDiscrepancy> {
    const current = await find(facilityId, discrepancyId);
    if (!current || !allowed(current)) throw new NotFoundError('discrepancy');
    if (current.version !== input.expectedVersion) throw new VersionConflictError('discrepancy', current.version);
    if (!isActive(current.state)) throw new StateConflictError('discrepancy', current.state, 'review');
    const now = new Date().toISOString();
    const entry: HistoryEntry = { at: now, by: actor.name, byOrg: input.byOrg, action: input.action, ...(input.text ? { text: input.text } : {}) };
    const next: StoredDiscrepancy = {
      ...current,
      state: input.action,
      version: current.version + 1,
      updatedAt: now,
      history: appendHistory(current.history, entry),
    };
    const audit = auditItem(db, scope, actor, {
      action: input.action === 'explained' ? 'discrepancy.explain' : 'discrepancy.resolve',
      target: `facility/${facilityId}/discrepancy/${current.findingId}`,
      orgId: actor.orgId,
      changes: { state: { from: current.state, to: next.state }, ...(input.text ? { text: capText(input.text) } : {}) },
    });
    if (!(await write(next, current.version, [audit]))) {
      const again = await get(facilityId, current.findingId);
      throw new VersionConflictError('discrepancy', again?.version);
    }
    return next;
  }

  const pageOf = async (segment: Segment, cursor: string | undefined, limit: number) => {
    const page = await queryPage(db, [segment], { limit, cursor, maxReads: 6 });
    return { items: page.items.map((i) => strip<StoredDiscrepancy>(i)), nextCursor: page.nextCursor };
  };

  return {
    discrepancies: {
      get,
      find,
      ofFacility,
      reconcile,
      explain: (
        facilityId: string,
        discrepancyId: string,
        input: { expectedVersion: number; text: string; byOrg: 'facility' | 'vendor' },
        actor: Actor,
        allowed: (d: StoredDiscrepancy) => boolean,
      ) => act(facilityId, discrepancyId, { ...input, action: 'explained' }, actor, allowed),
      resolve: (facilityId: string, discrepancyId: string, input: { expectedVersion: number; text?: string | undefined }, actor: Actor) =>
        act(facilityId, discrepancyId, { ...input, action: 'resolved', byOrg: 'prefecture' }, actor, () => true),
      /** A vendor's discrepancies (GSI1), one page at a time; `state` narrows. */
      ofVendor(vendorId: string, options: { cursor?: string | undefined; state?: DiscrepancyState | undefined; limit: number }) {
        const partition = discrepancyKeys.vendorPartition(scope, vendorId);
        return pageOf(
          {
            input: {
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk',
              ...(options.state ? { FilterExpression: '#state = :state', ExpressionAttributeNames: { '#state': 'state' } } : {}),
              ExpressionAttributeValues: { ':pk': partition, ...(options.state ? { ':state': options.state } : {}) },
            },
            partition: { attr: 'GSI1PK', value: partition },
            keyAttrs: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
          },
          options.cursor,
          options.limit,
        );
      },
      /** Open and explained discrepancies of the tenant (sparse GSI2), of one 保健所 when given; `rule` narrows. */
      open(options: { cursor?: string | undefined; healthCenterId?: string | undefined; rule?: DiscrepancyRule | undefined; limit: number }) {
        const partition = discrepancyKeys.openPartition(scope);
        const values: Record<string, unknown> = { ':pk': partition };
        let condition = 'GSI2PK = :pk';
        if (options.healthCenterId) {
          condition += ' AND begins_with(GSI2SK, :hc)';
          values[':hc'] = `${options.healthCenterId}#`;
        }
        if (options.rule) values[':rule'] = options.rule;
        return pageOf(
          {
            input: {
              IndexName: 'GSI2',
              KeyConditionExpression: condition,
              ...(options.rule ? { FilterExpression: '#rule = :rule', ExpressionAttributeNames: { '#rule': 'rule' } } : {}),
              ExpressionAttributeValues: values,
            },
            partition: { attr: 'GSI2PK', value: partition },
            keyAttrs: ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
          },
          options.cursor,
          options.limit,
        );
      },
      /** The stored item with its keys (tests check the sparse GSI2 attributes). */
      rawItem: async (facilityId: string, findingId: string) =>
        (await db.doc.send(new GetCommand({ TableName: T, Key: discrepancyKeys.item(scope, facilityId, findingId), ConsistentRead: true }))).Item,
      /** Every open or explained discrepancy of a campaign (GSI2, filtered): the read models' recount reads these. */
      async activeOfCampaign(campaignId: string): Promise<StoredDiscrepancy[]> {
        return activeOfCampaign(db, scope, campaignId);
      },
    },
  };
}

/** Every open or explained discrepancy of a campaign, from the sparse GSI2 partition. */
export async function activeOfCampaign(db: Db, scope: TenantScope, campaignId: string): Promise<StoredDiscrepancy[]> {
  const out: StoredDiscrepancy[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        FilterExpression: 'campaignId = :c',
        ExpressionAttributeValues: { ':pk': discrepancyKeys.openPartition(scope), ':c': campaignId },
        ExclusiveStartKey,
      }),
    );
    for (const i of page.Items ?? []) out.push(strip<StoredDiscrepancy>(i));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}
