import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditAction } from '@mcr/contract';
import type { Db } from '../client.ts';
import { AlreadyExistsError, NotFoundError } from '../errors.ts';
import type { TenantScope } from '../keys.ts';
import { queryPage, type Segment } from '../paging.ts';
import { isTransactionConflict, transactWithConflictRetry } from '../read-models/transact.ts';
import type { Actor, IncidentEntryRecord, IncidentReportRecord } from '../records.ts';
import { auditItem, queryAll, strip, type TransactItem } from './shared.ts';

/**
 * Suspected-incident reports (issue 10, decision 0021). One partition per report, `T#<t>#INC#<id>`: `META` (the
 * report) and `TL#<at>#<entryId>` (its timeline, in time order). Lists: the prefecture's by status through GSI1
 * (`T#<t>#INCIDENTS#<status>`, newest first), a facility's through GSI2, a 保健所's through a copy of the list
 * fields in `T#<t>#INCHC#<hc>` / `<status>#<reportedAt>#<id>` written in the same transaction as the report.
 * Every write is one transaction: the report (condition: the version read), the 保健所 row, the new timeline
 * entries and the audit entry. The open-report counter is a read model kept by the stream consumer.
 */
const t = (s: TenantScope) => `T#${s.tenantId}`;
export const incidentKeys = {
  report: (s: TenantScope, id: string) => ({ PK: `${t(s)}#INC#${id}`, SK: 'META' }),
  byStatus: (s: TenantScope, status: string, reportedAt: string, id: string) => ({
    GSI1PK: `${t(s)}#INCIDENTS#${status}`,
    GSI1SK: `${reportedAt}#${id}`,
  }),
  statusPartition: (s: TenantScope, status: string) => `${t(s)}#INCIDENTS#${status}`,
  byFacility: (s: TenantScope, facilityId: string, reportedAt: string, id: string) => ({
    GSI2PK: `${t(s)}#FAC#${facilityId}#INCIDENTS`,
    GSI2SK: `${reportedAt}#${id}`,
  }),
  facilityPartition: (s: TenantScope, facilityId: string) => `${t(s)}#FAC#${facilityId}#INCIDENTS`,
  hcRow: (s: TenantScope, healthCenterId: string, status: string, reportedAt: string, id: string) => ({
    PK: `${t(s)}#INCHC#${healthCenterId}`,
    SK: `${status}#${reportedAt}#${id}`,
  }),
  hcPartition: (s: TenantScope, healthCenterId: string) => `${t(s)}#INCHC#${healthCenterId}`,
  entry: (s: TenantScope, id: string, at: string, entryId: string) => ({ PK: `${t(s)}#INC#${id}`, SK: `TL#${at}#${entryId}` }),
  /** The open/closed counter (read model, kept by the stream consumer). */
  counts: (s: TenantScope) => ({ PK: `${t(s)}#INCCOUNT`, SK: 'COUNTS' }),
};

/** Thrown by a mutation to refuse a write after reading the current report (mapped by the handler). */
export type IncidentMutation = (current: IncidentReportRecord) => {
  next: IncidentReportRecord;
  entries: IncidentEntryRecord[];
  audit: { action: Extract<AuditAction, `incident.${string}`>; changes: unknown };
};

/** What a report adds to the counter: `open`, `closed`, open ones by 診療への影響 and by 保健所. */
export function incidentCountContribution(r: { status?: unknown; careImpact?: unknown; healthCenterId?: unknown } | null): Record<string, number> {
  if (!r || (r.status !== 'open' && r.status !== 'closed') || typeof r.healthCenterId !== 'string') return {};
  if (r.status === 'closed') return { closed: 1, [`hcclosed:${r.healthCenterId}`]: 1 };
  const impact = String(r.careImpact);
  return { open: 1, [`open:${impact}`]: 1, [`hc:${r.healthCenterId}`]: 1, [`hcimpact:${r.healthCenterId}:${impact}`]: 1 };
}

export interface IncidentCountsRecord {
  open: number;
  closed: number;
  openByImpact: Record<string, number>;
  openByHealthCenter: Record<string, number>;
  /** `<healthCenterId>:<impact>` → open reports. */
  openByHealthCenterImpact: Record<string, number>;
  closedByHealthCenter: Record<string, number>;
}

/** Adds one stream batch's deltas; the token comes from the batch, so a retried batch counts once. */
export async function applyIncidentCountDeltas(db: Db, scope: TenantScope, delta: Record<string, number>, batchId: string): Promise<void> {
  const entries = Object.entries(delta).filter(([, v]) => v !== 0);
  for (let i = 0; i < entries.length; i += 80) {
    const part = entries.slice(i, i + 80);
    const names: Record<string, string> = { '#type': 'type' };
    const values: Record<string, unknown> = { ':type': 'IncidentCounts' };
    const terms = part.map(([k, v], j) => {
      names[`#a${j}`] = `n:${k}`;
      values[`:v${j}`] = v;
      return `#a${j} :v${j}`;
    });
    const token = createHash('sha256').update(`${scope.tenantId}/incident-counts/${batchId}/${i}`).digest('hex').slice(0, 36);
    await transactWithConflictRetry(db, {
      ClientRequestToken: token,
      TransactItems: [
        {
          Update: {
            TableName: db.tableName,
            Key: incidentKeys.counts(scope),
            UpdateExpression: `SET #type = :type ADD ${terms.join(', ')}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
      ],
    });
  }
}

const MAX_ATTEMPTS = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function incidentRepositories(db: Db, scope: TenantScope) {
  const T = db.tableName;
  const reportItem = (r: IncidentReportRecord) => ({
    ...incidentKeys.report(scope, r.incidentId),
    ...incidentKeys.byStatus(scope, r.status, r.reportedAt, r.incidentId),
    ...incidentKeys.byFacility(scope, r.facilityId, r.reportedAt, r.incidentId),
    type: 'IncidentReport',
    ...r,
  });
  const hcRowItem = (r: IncidentReportRecord) => {
    const { steps: _steps, ...listFields } = r;
    return { ...incidentKeys.hcRow(scope, r.healthCenterId, r.status, r.reportedAt, r.incidentId), type: 'IncidentRow', ...listFields };
  };
  const entryItem = (e: IncidentEntryRecord) => ({ ...incidentKeys.entry(scope, e.incidentId, e.at, e.entryId), type: 'IncidentEntry', ...e });
  const get = async (id: string) => {
    const res = await db.doc.send(new GetCommand({ TableName: T, Key: incidentKeys.report(scope, id), ConsistentRead: true }));
    return res.Item ? strip<IncidentReportRecord>(res.Item) : undefined;
  };
  const pageOf = async (segments: Segment[], options: { limit: number; cursor?: string | undefined }) => {
    const page = await queryPage(db, segments, options);
    return { items: page.items.map((i) => strip<Omit<IncidentReportRecord, 'steps'> & { steps?: unknown }>(i)), nextCursor: page.nextCursor };
  };
  const statuses = (status?: 'open' | 'closed') => (status ? [status] : (['open', 'closed'] as const));

  return {
    incidents: {
      get,
      /** The timeline in time order (bounded by INCIDENT_TIMELINE_MAX entries). */
      timeline: (id: string) =>
        queryAll<IncidentEntryRecord>(db, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': incidentKeys.report(scope, id).PK, ':sk': 'TL#' },
          ConsistentRead: true,
        }),
      /** Creates a report with its first timeline entry and (when an actor is given) its audit entry, in one transaction. */
      async create(r: IncidentReportRecord, first: IncidentEntryRecord, actor?: Actor): Promise<void> {
        const items: TransactItem[] = [
          { Put: { TableName: T, Item: reportItem(r), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName: T, Item: hcRowItem(r) } },
          { Put: { TableName: T, Item: entryItem(first), ConditionExpression: 'attribute_not_exists(PK)' } },
        ];
        if (actor) {
          items.push(
            auditItem(db, scope, actor, {
              action: 'incident.report',
              target: `incident/${r.incidentId}`,
              orgId: r.facilityId,
              changes: { facilityId: r.facilityId, careImpact: r.careImpact, noticedAt: r.noticedAt, contacted: r.contacted, systems: r.systems },
            }),
          );
        }
        try {
          await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
        } catch (err) {
          const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
          if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new AlreadyExistsError('incident');
          throw err;
        }
      },
      /**
       * Reads the report, lets `mutate` decide (it may throw to refuse), and writes the new report (condition: the
       * version it read), its 保健所 row, the new entries and the audit entry in one transaction. A write that lost
       * a race with another one is tried again on the new state, so appends from both sides never collide; a
       * mutation that depends on what the caller saw (an expected version, a step's state) refuses by itself.
       */
      async write(id: string, mutate: IncidentMutation, actor: Actor): Promise<{ report: IncidentReportRecord; entries: IncidentEntryRecord[] }> {
        for (let attempt = 0; ; attempt++) {
          const current = await get(id);
          if (!current) throw new NotFoundError('incident');
          const { next, entries, audit } = mutate(current);
          const items: TransactItem[] = [
            {
              Put: {
                TableName: T,
                Item: reportItem(next),
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': current.version },
              },
            },
            ...(current.status !== next.status
              ? [{ Delete: { TableName: T, Key: incidentKeys.hcRow(scope, current.healthCenterId, current.status, current.reportedAt, current.incidentId) } }]
              : []),
            { Put: { TableName: T, Item: hcRowItem(next) } },
            ...entries.map((e) => ({ Put: { TableName: T, Item: entryItem(e), ConditionExpression: 'attribute_not_exists(PK)' } })),
            auditItem(db, scope, actor, { action: audit.action, target: `incident/${id}`, orgId: current.facilityId, changes: audit.changes }),
          ];
          try {
            await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
            return { report: next, entries };
          } catch (err) {
            const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
            const raced = isTransactionConflict(err) || reasons[0]?.Code === 'ConditionalCheckFailed';
            if (!raced || attempt + 1 >= MAX_ATTEMPTS) throw err;
            await sleep(Math.random() * (30 + 40 * attempt));
          }
        }
      },
      /** The prefecture's list: open ones first (newest first), then closed; or one status. */
      listByStatus: (options: { status?: 'open' | 'closed' | undefined; limit: number; cursor?: string | undefined }) =>
        pageOf(
          statuses(options.status).map((status) => {
            const pk = incidentKeys.statusPartition(scope, status);
            return {
              input: { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false },
              partition: { attr: 'GSI1PK', value: pk },
              keyAttrs: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
            };
          }),
          options,
        ),
      /** One 保健所's reports (its row copies): open ones first, then closed; or one status. */
      listOfHealthCenter: (healthCenterId: string, options: { status?: 'open' | 'closed' | undefined; limit: number; cursor?: string | undefined }) =>
        pageOf(
          statuses(options.status).map((status) => {
            const pk = incidentKeys.hcPartition(scope, healthCenterId);
            return {
              input: {
                KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
                ExpressionAttributeValues: { ':pk': pk, ':sk': `${status}#` },
                ScanIndexForward: false,
              },
              partition: { attr: 'PK', value: pk },
              keyAttrs: ['PK', 'SK'],
            };
          }),
          options,
        ),
      /** A facility's own reports (GSI2, a handful): open ones first, then closed, newest first in each. */
      listOfFacility: (facilityId: string, options: { status?: 'open' | 'closed' | undefined; limit: number; cursor?: string | undefined }) => {
        const pk = incidentKeys.facilityPartition(scope, facilityId);
        return pageOf(
          statuses(options.status).map((status) => ({
            input: {
              IndexName: 'GSI2',
              KeyConditionExpression: 'GSI2PK = :pk',
              FilterExpression: '#s = :s',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':pk': pk, ':s': status },
              ScanIndexForward: false,
            },
            partition: { attr: 'GSI2PK', value: pk },
            keyAttrs: ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
          })),
          options,
        );
      },
      /** The counter read model (one item). */
      async counts(): Promise<IncidentCountsRecord> {
        const got = await db.doc.send(new GetCommand({ TableName: T, Key: incidentKeys.counts(scope) }));
        const out: IncidentCountsRecord = {
          open: 0,
          closed: 0,
          openByImpact: {},
          openByHealthCenter: {},
          openByHealthCenterImpact: {},
          closedByHealthCenter: {},
        };
        for (const [k, v] of Object.entries(got.Item ?? {})) {
          if (!k.startsWith('n:') || typeof v !== 'number') continue;
          const name = k.slice(2);
          if (name === 'open') out.open = v;
          else if (name === 'closed') out.closed = v;
          else if (name.startsWith('open:')) out.openByImpact[name.slice(5)] = v;
          else if (name.startsWith('hc:')) out.openByHealthCenter[name.slice(3)] = v;
          else if (name.startsWith('hcimpact:')) out.openByHealthCenterImpact[name.slice(9)] = v;
          else if (name.startsWith('hcclosed:')) out.closedByHealthCenter[name.slice(9)] = v;
        }
        return out;
      },
    },
  };
}
