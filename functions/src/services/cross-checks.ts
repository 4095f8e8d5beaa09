import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CampaignRecord,
  type ContractRecord,
  createDb,
  type Db,
  type DiscrepancyFacility,
  discrepancyRepositories,
  facilityVendorAnswerRepositories,
  fileRepositories,
  jobRepositories,
  keys,
  organisationRepositories,
  type ReconcileFinding,
  repositoriesOf,
  type ResponseRecord,
  type TenantScope,
  templateById,
} from '@mcr/data';
import { type CrossCheckVendor, crossCheck, type Item, type Template } from '@mcr/domain';
import { getBuiltInTemplate } from './built-in-templates.ts';
import type { Identity } from '../pipeline/auth.ts';
import { env } from '../pipeline/env.ts';
import { dispatchJob, enqueueJob, type JobRunner } from './jobs.ts';

/**
 * The re-check of one facility (docs/decisions/0012-vendors-documents-cross-checks.md, "Cross-checks"): reads
 * the facility's facility-form responses, its contracts, its vendors' effective answers from the vendor
 * campaigns of the mirrored template and their current MDS/SDS, runs the pure rules and reconciles the stored
 * discrepancies. Every read is bounded by the facility's few campaigns and vendors. Idempotent: running it
 * twice changes nothing.
 */

async function getItem<T>(db: Db, key: { PK: string; SK: string }): Promise<T | undefined> {
  const res = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }));
  return res.Item as T | undefined;
}

async function queryItems(db: Db, input: { IndexName?: string; pk: string; pkAttr: string; skPrefix?: string; skAttr?: string }) {
  const out: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        ...(input.IndexName ? { IndexName: input.IndexName } : {}),
        KeyConditionExpression: input.skPrefix ? `#pk = :pk AND begins_with(#sk, :sk)` : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': input.pkAttr, ...(input.skPrefix ? { '#sk': input.skAttr ?? 'SK' } : {}) },
        ExpressionAttributeValues: { ':pk': input.pk, ...(input.skPrefix ? { ':sk': input.skPrefix } : {}) },
        ExclusiveStartKey,
      }),
    );
    out.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey && out.length < 5000);
  return out;
}

const templateCache = new Map<string, Template | undefined>();
async function templateOf(db: Db, scope: TenantScope, templateId: string | undefined): Promise<Template | undefined> {
  if (!templateId) return undefined;
  const key = `${scope.tenantId}/${templateId}`;
  if (!templateCache.has(key)) templateCache.set(key, await templateById(db, scope, templateId, getBuiltInTemplate));
  return templateCache.get(key);
}

const itemIndex = (template: Template) => new Map<string, Item>(template.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));

export interface RecheckResult {
  facilityId: string;
  campaigns: number;
  findings: number;
  opened: number;
  reopened: number;
  cleared: number;
  updated: number;
}

export async function recheckFacility(db: Db, scope: TenantScope, facilityId: string): Promise<RecheckResult> {
  const repos = repositoriesOf(db, scope, organisationRepositories, facilityVendorAnswerRepositories, fileRepositories, discrepancyRepositories);
  const result: RecheckResult = { facilityId, campaigns: 0, findings: 0, opened: 0, reopened: 0, cleared: 0, updated: 0 };
  const facility = await repos.facilities.get(facilityId);
  if (!facility) return result;
  const [responses, contracts, effective] = await Promise.all([
    queryItems(db, { IndexName: 'GSI2', pk: keys.responseByFacility(scope, facilityId, '').GSI2PK, pkAttr: 'GSI2PK' }),
    repos.contracts.listOfFacility(facilityId) as Promise<ContractRecord[]>,
    // What each linked vendor answers for this facility, per vendor campaign (profile + overrides).
    repos.facilityVendorAnswers.effectiveForFacility(facilityId),
  ]);
  const facilityResponses = (responses as unknown as ResponseRecord[]).filter((r) => typeof r.campaignId === 'string' && r.facilityId === facilityId);
  const vendorIds = contracts.map((c) => c.vendorId);
  const documents = vendorIds.length ? await repos.documents.currentOfVendors(vendorIds) : new Map();
  const campaigns = new Map<string, CampaignRecord | undefined>();
  const campaignOf = async (id: string) => {
    if (!campaigns.has(id)) campaigns.set(id, await getItem<CampaignRecord>(db, keys.campaign(scope, id)));
    return campaigns.get(id);
  };

  const target: DiscrepancyFacility = {
    id: facility.id,
    name: facility.name,
    healthCenterId: facility.healthCenterId,
    kind: facility.kind,
    medicalAreaName: facility.medicalAreaName ?? '',
    beds: facility.beds ?? 0,
  };

  for (const response of facilityResponses) {
    const campaign = await campaignOf(response.campaignId);
    const template = await templateOf(db, scope, response.templateId ?? campaign?.templateId);
    if (template?.form !== 'facility') continue;
    result.campaigns++;
    const vendors: Record<string, CrossCheckVendor> = {};
    for (const contract of contracts) {
      // The vendor campaign of the mirrored form (of the latest fiscal year when there are several).
      const answered = effective
        .filter((e) => e.vendorId === contract.vendorId && !!template.mirrorTemplateId && e.templateId === template.mirrorTemplateId)
        .sort((a, b) => b.fiscalYear - a.fiscalYear || b.campaignId.localeCompare(a.campaignId))[0];
      const vendorTemplate = answered ? await templateOf(db, scope, answered.templateId) : undefined;
      vendors[contract.vendorId] = {
        template: vendorTemplate ?? template,
        answers: vendorTemplate && answered ? answered.answers : null,
        documents: (documents.get(contract.vendorId) ?? []).map((d: { systems?: string[] }) => ({ systems: d.systems ?? [] })),
      };
    }
    const items = itemIndex(template);
    const findings: ReconcileFinding[] = crossCheck({
      campaignId: response.campaignId,
      template,
      answers: response.answers ?? {},
      contracts: contracts.map((c) => ({ vendorId: c.vendorId, vendorName: c.vendorName, systems: c.systems ?? [], remoteMaintenance: !!c.remoteMaintenance })),
      vendors,
    }).map((f) => {
      const item = items.get(f.itemId);
      return { ...f, itemNumber: item?.number ?? '', itemText: item?.text ?? { ja: f.itemId, en: f.itemId } };
    });
    result.findings += findings.length;
    const r = await repos.discrepancies.reconcile(target, { id: response.campaignId, fiscalYear: campaign?.fiscalYear ?? template.fiscalYear }, findings);
    result.opened += r.opened;
    result.reopened += r.reopened;
    result.cleared += r.cleared;
    result.updated += r.updated;
  }
  return result;
}

/** Facilities of a vendor (its contracts, GSI2), one page at a time: the vendor job's unit of work. */
export async function facilitiesOfVendorPage(
  db: Db,
  scope: TenantScope,
  vendorId: string,
  options: { limit: number; after?: Record<string, unknown> | undefined },
): Promise<{ facilityIds: string[]; after: Record<string, unknown> | undefined }> {
  const page = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.contractByVendor(scope, vendorId, '').GSI2PK },
      ProjectionExpression: 'PK, SK, GSI2PK, GSI2SK, facilityId',
      Limit: options.limit,
      ...(options.after ? { ExclusiveStartKey: options.after } : {}),
    }),
  );
  return { facilityIds: (page.Items ?? []).map((i) => String(i.facilityId)), after: page.LastEvaluatedKey };
}

// ── Background re-checks: every facility of a vendor (after a profile, vendor response or document change). ──

export const CROSS_CHECK_VENDOR_JOB = 'crossChecks.vendor';
export const CROSS_CHECK_FACILITIES_JOB = 'crossChecks.facilities';

/** Facilities per page of the vendor's contracts; a job hands over to a new one after `JOB_BUDGET_MS`. */
const PAGE = 25;
const JOB_BUDGET_MS = 3 * 60_000;
const CONCURRENCY = 4;

export interface VendorRecheckInput {
  vendorId: string;
  /** Where the previous job of the same re-check stopped (the contracts' GSI2 key). */
  after?: Record<string, unknown>;
  /** Facilities re-checked by the previous jobs of the same re-check. */
  done?: number;
}
export interface FacilitiesRecheckInput {
  facilityIds: string[];
}

/** The identity a re-check job is written under: the system, never a user (no one reads these jobs). */
export function systemIdentity(tenantId: string): Identity {
  return {
    userId: 'system-cross-checks',
    email: 'system@mcr.invalid',
    displayName: 'システム',
    role: 'pref_admin',
    tenantId,
    orgKind: 'prefecture',
    orgId: 'system',
    orgName: 'システム',
  };
}

let workerDb: Db | undefined;
function jobDb(): Db {
  const e = env();
  workerDb ??= createDb({ tableName: e.TABLE_NAME, region: e.AWS_REGION, endpoint: e.DYNAMODB_ENDPOINT });
  return workerDb;
}

async function inParallel<T>(list: readonly T[], n: number, fn: (x: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, list.length) }, async () => {
      while (next < list.length) await fn(list[next++] as T);
    }),
  );
}

/**
 * Writes a queued re-check job with a deterministic id and starts the worker. The same id again (a retried
 * stream batch) starts the existing job if it is still queued, and writes nothing new.
 */
export async function enqueueRecheck<Input>(scope: TenantScope, db: Db, id: string, kind: string, input: Input, total: number): Promise<void> {
  const repos = repositoriesOf(db, scope, jobRepositories);
  try {
    await enqueueJob(repos, systemIdentity(scope.tenantId), { id, kind, input, total });
  } catch (err) {
    if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
    const job = await repos.jobs.get(id);
    if (job?.status === 'queued') await dispatchJob({ tenantId: scope.tenantId, jobId: id });
  }
}

export function recheckJobId(...parts: string[]): string {
  return `xc-${createHash('sha256').update(parts.join('/')).digest('hex').slice(0, 40)}`;
}

/** Re-checks every facility of a vendor, page by page; hands the rest over to a new job when its time is up. */
export const runVendorRecheck: JobRunner<VendorRecheckInput, { facilities: number; continuedBy: string | null }> = async (ctx) => {
  const db = jobDb();
  const scope = { tenantId: ctx.tenantId };
  const started = Date.now();
  let after = ctx.job.input.after;
  let done = ctx.job.input.done ?? 0;
  let mine = 0;
  do {
    const page = await facilitiesOfVendorPage(db, scope, ctx.job.input.vendorId, { limit: PAGE, after });
    await inParallel(page.facilityIds, CONCURRENCY, (id) => recheckFacility(db, scope, id));
    done += page.facilityIds.length;
    mine += page.facilityIds.length;
    after = page.after;
    await ctx.progress(done, done + (after ? PAGE : 0));
    if (after && Date.now() - started > JOB_BUDGET_MS) {
      const next = recheckJobId(ctx.job.id, 'next');
      await enqueueRecheck(scope, db, next, CROSS_CHECK_VENDOR_JOB, { vendorId: ctx.job.input.vendorId, after, done }, done + PAGE);
      return { result: { facilities: mine, continuedBy: next } };
    }
  } while (after);
  return { result: { facilities: mine, continuedBy: null }, progress: { processed: done, total: done } };
};

/** Re-checks a few facilities whose re-check failed inside the stream consumer. */
export const runFacilitiesRecheck: JobRunner<FacilitiesRecheckInput, { facilities: number }> = async (ctx) => {
  const db = jobDb();
  const ids = ctx.job.input.facilityIds;
  await inParallel(ids, CONCURRENCY, (id) => recheckFacility(db, { tenantId: ctx.tenantId }, id));
  return { result: { facilities: ids.length }, progress: { processed: ids.length, total: ids.length } };
};
