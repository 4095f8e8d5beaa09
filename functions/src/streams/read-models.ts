import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  applyDeltas,
  applyFacilityCountDeltas,
  rowChangeRequests,
  type WriteRequest,
  writeRowChanges,
  type CampaignDeltas,
  campaignTemplate,
  createDb,
  type Db,
  facilityCountContribution,
  keys,
  mergeDeltas,
  type RowSource,
  responseDeltas,
  type TenantScope,
  templateById,
} from '@mcr/data';
import { addInto, type ResponseImage, responseFacts, sizeBand, type Template } from '@mcr/domain';
import { getBuiltInTemplate } from '../services/built-in-templates.ts';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { backgroundLogger, errorFields, tenantsOfKeys } from '../pipeline/background-log.ts'; // ops
import { collectCrossCheckTargets, discrepancyDeltas, newCrossCheckTargets, runCrossChecks } from './cross-checks.ts';
// trainings:begin
import { applyCoverage, type CoverageChange, collectCoverage } from './trainings.ts';
// contact-charts:begin
import { applyChartCoverage, type ChartCoverageChange, collectChartCoverage } from './contact-charts.ts';
// contact-charts:end
// trainings:end
// notifications:begin
import { collectNotifications, deliverNotifications, type NotificationsResult, type PendingNotification } from './notifications.ts';
// notifications:end
// incidents:begin
import {
  applyIncidentCounts,
  collectIncidentCounts,
  collectIncidentNotices,
  deliverIncidentNotices,
  type IncidentCountDeltas,
  type IncidentNoticesResult,
  type PendingIncidentNotice,
} from './incidents.ts';
// incidents:end

/**
 * The read-model consumer of the table's stream (docs/decisions/0009-read-models.md). For every response
 * change it adds `contribution(new) − contribution(old)` to the campaign's slice aggregates (merged over the
 * batch, one transaction per chunk, idempotent per batch) and moves the response's table rows; for a facility
 * whose name, 保健所, 医療圏, beds or code changed it copies the change onto the facility's responses, whose own
 * stream records then move their aggregates and rows. Writers never touch aggregates, so a deadline rush of
 * submissions never conflicts on a hot item in a user's request.
 *
 * In AWS a Lambda event source mapping invokes `handler`; in the local stack a poller
 * (packages/local/src/streams.ts) calls `processStreamRecords` with the same records.
 */

type Item = Record<string, unknown>;

const image = (img: Record<string, unknown> | undefined): Item | null =>
  img ? unmarshall(img as Record<string, AttributeValue>, { wrapNumbers: false }) : null;

/** The tenant of an item, from its own key: every key starts with `T#<tenant>`. */
function tenantOf(item: Item): TenantScope | null {
  const m = /^T#(\d{2})#/.exec(String(item.PK ?? ''));
  return m ? { tenantId: m[1] as string } : null;
}

const isResponse = (i: Item | null) =>
  i?.type === 'Response' && typeof i.campaignId === 'string' && String(i.SK ?? '').startsWith(keys.responsesOfCampaignPrefix);
const isFacility = (i: Item | null) => i?.type === 'Facility' && i.SK === 'PROFILE';

async function templateFor(db: Db, scope: TenantScope, response: Item): Promise<Template | undefined> {
  return typeof response.templateId === 'string'
    ? templateById(db, scope, response.templateId, getBuiltInTemplate)
    : campaignTemplate(db, scope, String(response.campaignId), getBuiltInTemplate);
}

/** The table row of one response image. */
export function rowSourceOf(response: Item, template: Template): RowSource {
  const r = response as unknown as ResponseImage & {
    facilityName: string;
    healthCenterName: string;
    medicalInstitutionCode?: string;
    evaluation?: { missing?: number };
    updatedAt: string | null;
    submissions?: { round: number }[];
  };
  const facts = responseFacts(template, r);
  const rounds = (r.submissions ?? []).map((s) => s.round);
  return {
    campaignId: r.campaignId,
    facilityId: r.facilityId,
    facilityName: r.facilityName,
    kind: r.facilityKind as RowSource['kind'],
    healthCenterId: r.healthCenterId,
    healthCenterName: r.healthCenterName,
    medicalAreaName: r.medicalAreaName ?? '',
    sizeBand: sizeBand(r.beds),
    medicalInstitutionCode: r.medicalInstitutionCode ?? '',
    status: r.status as RowSource['status'],
    score: facts.score,
    level: facts.level,
    missing: r.evaluation?.missing ?? 0,
    missingFirstDates: facts.missingFirstDates,
    earliestOpenTarget: facts.earliestOpenTarget,
    updatedAt: r.updatedAt ?? null,
    round: rounds.length ? Math.max(...rounds) : null,
  };
}

const FACILITY_FIELDS = ['name', 'healthCenterId', 'healthCenterName', 'medicalAreaName', 'beds', 'medicalInstitutionCode', 'kind'] as const;

/** Copies a facility's changed master data onto every response of it (not a user's edit: no version bump). */
async function propagateFacility(db: Db, scope: TenantScope, facility: Item): Promise<number> {
  let n = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.responseByFacility(scope, String(facility.id), '').GSI2PK },
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey,
      }),
    );
    for (const k of page.Items ?? []) {
      await db.doc
        .send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: { PK: k.PK, SK: k.SK },
            UpdateExpression:
              'SET facilityName = :name, facilityKind = :kind, healthCenterId = :hc, healthCenterName = :hcName, medicalAreaName = :area, beds = :beds, medicalInstitutionCode = :code',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: {
              ':name': facility.name,
              ':kind': facility.kind,
              ':hc': facility.healthCenterId,
              ':hcName': facility.healthCenterName,
              ':area': facility.medicalAreaName ?? '',
              ':beds': facility.beds ?? 0,
              ':code': facility.medicalInstitutionCode ?? '',
            },
          }),
        )
        .catch((err: { name?: string }) => {
          if (err.name !== 'ConditionalCheckFailedException') throw err;
        });
      n++;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return n;
}

export interface ProcessResult {
  responses: number;
  facilities: number;
  transactions: number;
  /** Cross-checks (issue 8): discrepancy records counted, facilities re-checked, vendor re-check jobs queued. */
  discrepancies?: number;
  rechecked?: number;
  vendorJobs?: number;
  // trainings:begin
  /** Training coverage changes applied (attended registrations gained or lost). */
  trainingCoverage?: number;
  // trainings:end
  // contact-charts:begin
  /** Facilities whose 連絡体制図 became current in a fiscal year. */
  contactCharts?: number;
  // contact-charts:end
  // notifications:begin
  /** Notifications (issue 9): events resolved, mails sent, skipped by preference, already sent, failed. */
  notifications?: NotificationsResult;
  // notifications:end
  // incidents:begin
  /** Suspected-incident reports (issue 10): tenants whose counter moved, and the notices delivered. */
  incidentCounts?: number;
  incidentNotices?: IncidentNoticesResult;
  // incidents:end
}

/**
 * Applies one batch of stream records. `batchId` must be the same when the same batch is retried (the Lambda
 * runtime retries a failed batch with the same records): it makes the aggregate writes idempotent.
 */
export async function processStreamRecords(db: Db, records: readonly DynamoDBRecord[], batchId: string): Promise<ProcessResult> {
  const deltas = new Map<string, { scope: TenantScope; campaignId: string; deltas: CampaignDeltas }>();
  const facilityCounts = new Map<string, { scope: TenantScope; delta: Record<string, number> }>();
  const result: ProcessResult = { responses: 0, facilities: 0, transactions: 0 };
  const crossChecks = newCrossCheckTargets();
  const rowRequests: WriteRequest[] = [];
  // trainings:begin
  const coverage: CoverageChange[] = [];
  // trainings:end
  // contact-charts:begin
  const chartCoverage: ChartCoverageChange[] = [];
  // contact-charts:end
  // notifications:begin
  const notifications: PendingNotification[] = [];
  // notifications:end
  // incidents:begin
  const incidentCounts: IncidentCountDeltas = new Map();
  const incidentNotices: PendingIncidentNotice[] = [];
  // incidents:end
  for (const record of records) {
    const before = image(record.dynamodb?.OldImage);
    const after = image(record.dynamodb?.NewImage);
    const any = after ?? before;
    if (!any) continue;
    const scope = tenantOf(any);
    if (!scope) continue;
    if (isResponse(before) || isResponse(after)) {
      const template = await templateFor(db, scope, any);
      if (!template) throw new Error(`read models: no template for ${String(any.PK)} ${String(any.SK)}`);
      const campaignId = String(any.campaignId);
      const b = isResponse(before) ? (before as unknown as ResponseImage) : null;
      const a = isResponse(after) ? (after as unknown as ResponseImage) : null;
      const key = `${scope.tenantId}/${campaignId}`;
      const entry = deltas.get(key) ?? { scope, campaignId, deltas: new Map() };
      mergeDeltas(entry.deltas, responseDeltas(template, b, a));
      deltas.set(key, entry);
      // Rows move in record order (a later change of the same response wins), written once for the batch below.
      rowRequests.push(...rowChangeRequests(scope, before && b ? rowSourceOf(before, template) : null, after && a ? rowSourceOf(after, template) : null));
      result.responses++;
    } else if (isFacility(before) || isFacility(after)) {
      const counts = facilityCounts.get(scope.tenantId) ?? { scope, delta: {} };
      addInto(counts.delta, facilityCountContribution(isFacility(after) ? after : null));
      for (const [k, v] of Object.entries(facilityCountContribution(isFacility(before) ? before : null))) counts.delta[k] = (counts.delta[k] ?? 0) - v;
      facilityCounts.set(scope.tenantId, counts);
      if (isFacility(after) && isFacility(before) && FACILITY_FIELDS.some((f) => JSON.stringify(before?.[f]) !== JSON.stringify(after?.[f]))) {
        await propagateFacility(db, scope, after as Item);
      }
      result.facilities++;
    } else {
      const disc = discrepancyDeltas(before, after);
      if (disc) {
        const key = `${scope.tenantId}/${disc.campaignId}`;
        const entry = deltas.get(key) ?? { scope, campaignId: disc.campaignId, deltas: new Map() };
        mergeDeltas(entry.deltas, disc.deltas);
        deltas.set(key, entry);
        result.discrepancies = (result.discrepancies ?? 0) + 1;
      }
    }
    collectCrossCheckTargets(crossChecks, scope, before, after);
    // trainings:begin
    collectCoverage(coverage, scope, before, after, record.eventID ?? `${String(any.PK)}/${String(any.SK)}/${String(after?.version ?? '')}`);
    // trainings:end
    // contact-charts:begin
    collectChartCoverage(chartCoverage, scope, before, after);
    // contact-charts:end
    // notifications:begin
    collectNotifications(notifications, scope, before, after);
    // notifications:end
    // incidents:begin
    collectIncidentCounts(incidentCounts, scope, before, after);
    collectIncidentNotices(incidentNotices, scope, before, after);
    // incidents:end
  }
  await writeRowChanges(db, rowRequests);
  // Re-checks first: if handing one over fails, the batch is retried before any aggregate moved.
  if (crossChecks.facilities.size || crossChecks.vendors.size) {
    const r = await runCrossChecks(db, crossChecks, batchId, (msg, extra) => console.log(JSON.stringify({ level: 'warn', msg, ...extra })));
    result.rechecked = r.facilities;
    result.vendorJobs = r.vendorJobs;
  }
  for (const e of deltas.values()) result.transactions += await applyDeltas(db, e.scope, e.campaignId, e.deltas, batchId);
  for (const c of facilityCounts.values()) await applyFacilityCountDeltas(db, c.scope, c.delta, batchId);
  // trainings:begin
  if (coverage.length) result.trainingCoverage = await applyCoverage(db, coverage);
  // trainings:end
  // incidents:begin
  if (incidentCounts.size) result.incidentCounts = await applyIncidentCounts(db, incidentCounts, batchId);
  // incidents:end
  // contact-charts:begin
  if (chartCoverage.length) result.contactCharts = await applyChartCoverage(db, chartCoverage);
  // contact-charts:end
  // notifications:begin
  // Last: once the batch's own writes are done, so that a retried batch re-delivers (deduplicated) rather than mails first.
  const sent = await deliverNotifications(db, notifications);
  if (sent) result.notifications = sent;
  // notifications:end
  // incidents:begin
  const notices = await deliverIncidentNotices(db, incidentNotices);
  if (notices) result.incidentNotices = notices;
  // incidents:end
  return result;
}

/** Same records → same id, so a retried batch reuses its idempotency tokens. */
export function batchIdOf(records: readonly DynamoDBRecord[]): string {
  const first = records[0];
  const last = records[records.length - 1];
  return `${first?.eventID ?? ''}:${first?.dynamodb?.SequenceNumber ?? ''}:${last?.eventID ?? ''}:${last?.dynamodb?.SequenceNumber ?? ''}:${records.length}`;
}

let db: Db | undefined;

export async function handler(event: DynamoDBStreamEvent, context?: Context): Promise<void> {
  db ??= createDb({
    tableName: process.env.TABLE_NAME ?? '',
    region: process.env.AWS_REGION ?? 'ap-northeast-1',
    endpoint: process.env.DYNAMODB_ENDPOINT,
  });
  const started = Date.now();
  const batchId = batchIdOf(event.Records);
  // ops: one structured line per batch with the Lambda request id and the batch's tenants; a failed batch (retried
  // whole, decision 0009) says which one and why before Lambda records the error (decision 0024).
  const log = backgroundLogger('read-models', context, { batchId, tenantIds: tenantsOfKeys(event.Records.map((r) => r.dynamodb?.Keys?.PK?.S)) });
  try {
    const r = await processStreamRecords(db, event.Records, batchId);
    log.info('read models updated', { records: event.Records.length, ...r, ms: Date.now() - started });
  } catch (err) {
    log.error('stream batch failed (it will be retried whole)', { records: event.Records.length, ...errorFields(err), ms: Date.now() - started });
    throw err;
  }
}
