import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  addInto,
  type Contribution,
  discrepancySliceDeltas,
  type ResponseImage,
  readCellCounts,
  readSliceSummary,
  responseFacts,
  type SliceSummary,
  sliceDeltas,
  type Template,
} from '@mcr/domain';
import type { Db } from '../client.ts';
import { keys, type TenantScope } from '../keys.ts';
import type { Actor, CampaignRecord, TemplateRecord } from '../records.ts';
import { activeOfCampaign } from '../repositories/discrepancies.ts';
import { auditItem, getItem, type TransactItem } from '../repositories/shared.ts';
import { transactWithConflictRetry } from './transact.ts';

/**
 * Per-slice campaign aggregates (docs/decisions/0009-read-models.md). Two items per slice under the campaign:
 * `AGG#<slice>` holds the summary numbers as `n:<name>` attributes, `AGGCELLS#<slice>` the item × cell counts
 * as `c:<cellKey>|<y|n|u>`. Only the stream consumer and the recount write them; readers never count.
 */
const SUMMARY_PREFIX = 'AGG#';
const CELLS_PREFIX = 'AGGCELLS#';
/** Cross slices (`X#…`) live under their own prefixes, so that a Query of `AGG#` reads only the plain slices. */
const CROSS_SUMMARY_PREFIX = 'AGGX#';
const CROSS_CELLS_PREFIX = 'AGGCELLSX#';

function skOf(part: 'summary' | 'cells', slice: string): string {
  const cross = slice.startsWith('X#');
  if (part === 'summary') return cross ? `${CROSS_SUMMARY_PREFIX}${slice.slice(2)}` : `${SUMMARY_PREFIX}${slice}`;
  return cross ? `${CROSS_CELLS_PREFIX}${slice.slice(2)}` : `${CELLS_PREFIX}${slice}`;
}

function sliceOfSk(sk: string): string {
  for (const [prefix, add] of [
    [CROSS_CELLS_PREFIX, 'X#'],
    [CROSS_SUMMARY_PREFIX, 'X#'],
    [CELLS_PREFIX, ''],
    [SUMMARY_PREFIX, ''],
  ] as const)
    if (sk.startsWith(prefix)) return `${add}${sk.slice(prefix.length)}`;
  return sk;
}

/** `X#HC#hc1#` → the SK prefix that selects those slices. */
function skPrefixOf(part: 'summary' | 'cells', slicePrefix: string): string {
  return skOf(part, slicePrefix);
}
/** Terms per UpdateExpression: DynamoDB caps an expression at 4 KB. */
const TERMS_PER_UPDATE = 80;
/** Actions per TransactWriteItems. */
const ACTIONS_PER_TRANSACTION = 100;

export const aggregateKeys: {
  partition: (s: TenantScope, campaignId: string) => string;
  summary: (s: TenantScope, campaignId: string, slice: string) => { PK: string; SK: string };
  cells: (s: TenantScope, campaignId: string, slice: string) => { PK: string; SK: string };
} = {
  /**
   * Their own partition, apart from the campaign's 15,000 responses: a Query of the summaries reads only them,
   * and the consumer's writes do not share a partition's throughput with the facilities' saves.
   */
  partition: (s: TenantScope, campaignId: string) => `${keys.campaign(s, campaignId).PK}#AGG`,
  summary: (s: TenantScope, campaignId: string, slice: string) => ({ PK: aggregateKeys.partition(s, campaignId), SK: skOf('summary', slice) }),
  cells: (s: TenantScope, campaignId: string, slice: string) => ({ PK: aggregateKeys.partition(s, campaignId), SK: skOf('cells', slice) }),
};

/**
 * The built-in templates, passed in by the caller: they are ~110 KB of data, and every handler bundles this
 * module through `createRepositories`, so only the consumer and the verify route should carry them.
 */
export type BuiltInTemplates = (id: string) => Template | undefined;

/** A template by id: built-in, or loaded by the tenant. Cached per container (versions are immutable). */
const templateCache = new Map<string, Template>();
export async function templateById(db: Db, scope: TenantScope, templateId: string, builtIns: BuiltInTemplates): Promise<Template | undefined> {
  const builtIn = builtIns(templateId);
  if (builtIn) return builtIn;
  const cacheKey = `${scope.tenantId}/${templateId}`;
  const cached = templateCache.get(cacheKey);
  if (cached) return cached;
  const template = (await getItem<TemplateRecord>(db, keys.template(scope, templateId)))?.template;
  if (template) templateCache.set(cacheKey, template);
  return template;
}

/** The template of a campaign (older response items do not carry their template id). */
export async function campaignTemplate(db: Db, scope: TenantScope, campaignId: string, builtIns: BuiltInTemplates): Promise<Template | undefined> {
  const campaign = await getItem<CampaignRecord>(db, keys.campaign(scope, campaignId));
  return campaign ? templateById(db, scope, campaign.templateId, builtIns) : undefined;
}

/** Deltas of many responses of one campaign, merged per slice. */
export type CampaignDeltas = Map<string, Contribution>;

export function mergeDeltas(into: CampaignDeltas, add: CampaignDeltas): CampaignDeltas {
  for (const [slice, c] of add) {
    const cur = into.get(slice) ?? { summary: {}, cells: {} };
    addInto(cur.summary, c.summary);
    addInto(cur.cells, c.cells);
    into.set(slice, cur);
  }
  return into;
}

/** The deltas one response change makes; the template is that of the response's campaign. */
export function responseDeltas(template: Template, before: ResponseImage | null, after: ResponseImage | null): CampaignDeltas {
  return sliceDeltas(
    before ? { image: before, facts: responseFacts(template, before) } : null,
    after ? { image: after, facts: responseFacts(template, after) } : null,
  );
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function updatesFor(
  db: Db,
  key: { PK: string; SK: string },
  prefix: 'n:' | 'c:',
  kind: string,
  slice: string,
  numbers: Record<string, number>,
): TransactItem[] {
  const entries = Object.entries(numbers).filter(([, v]) => v !== 0);
  return chunks(entries, TERMS_PER_UPDATE).map((part) => {
    const names: Record<string, string> = { '#type': 'type', '#slice': 'slice' };
    const values: Record<string, unknown> = { ':type': kind, ':slice': slice };
    const terms = part.map(([k, v], i) => {
      names[`#a${i}`] = `${prefix}${k}`;
      values[`:v${i}`] = v;
      return `#a${i} :v${i}`;
    });
    return {
      Update: {
        TableName: db.tableName,
        Key: key,
        UpdateExpression: `SET #type = :type, #slice = :slice ADD ${terms.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}

/**
 * Adds the deltas to the stored aggregates. Each chunk of an item goes into a different transaction (a
 * transaction may touch an item once); every transaction carries a ClientRequestToken derived from `batchId`,
 * so a retried stream batch (same records, same id) is applied once on AWS within its 10-minute idempotency
 * window. Conflicts with another shard's transaction are retried here, never shown to a user.
 */
export async function applyDeltas(db: Db, scope: TenantScope, campaignId: string, deltas: CampaignDeltas, batchId: string): Promise<number> {
  // Per item, its update chunks; transaction k takes chunk k of every item.
  const perItem: TransactItem[][] = [];
  for (const [slice, c] of deltas) {
    const s = updatesFor(db, aggregateKeys.summary(scope, campaignId, slice), 'n:', 'SliceSummary', slice, c.summary);
    const cells = updatesFor(db, aggregateKeys.cells(scope, campaignId, slice), 'c:', 'SliceCells', slice, c.cells);
    if (s.length) perItem.push(s);
    if (cells.length) perItem.push(cells);
  }
  const rounds = Math.max(0, ...perItem.map((l) => l.length));
  const transactions: TransactItem[][] = [];
  for (let k = 0; k < rounds; k++) {
    const actions = perItem.flatMap((l) => l.slice(k, k + 1));
    transactions.push(...chunks(actions, ACTIONS_PER_TRANSACTION));
  }
  for (const [i, actions] of transactions.entries()) {
    const token = createHash('sha256').update(`${scope.tenantId}/${campaignId}/${batchId}/${i}`).digest('hex').slice(0, 36);
    await transactWithConflictRetry(db, { TransactItems: actions, ClientRequestToken: token });
  }
  return transactions.length;
}

function numbersOf(item: Record<string, unknown>, prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(item)) if (k.startsWith(prefix) && typeof v === 'number') out[k.slice(prefix.length)] = v;
  return out;
}

async function queryItems(db: Db, pk: string, skPrefix: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        ExclusiveStartKey,
      }),
    );
    out.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

/** Stored summary numbers per slice (`slicePrefix` narrows, e.g. `HC#`). */
export async function readStoredSummaries(db: Db, scope: TenantScope, campaignId: string, slicePrefix = ''): Promise<Map<string, Record<string, number>>> {
  const items = await queryItems(db, aggregateKeys.partition(scope, campaignId), skPrefixOf('summary', slicePrefix));
  return new Map(items.map((i) => [sliceOfSk(String(i.SK)), numbersOf(i, 'n:')]));
}

export async function readStoredCells(db: Db, scope: TenantScope, campaignId: string, slicePrefix = ''): Promise<Map<string, Record<string, number>>> {
  const items = await queryItems(db, aggregateKeys.partition(scope, campaignId), skPrefixOf('cells', slicePrefix));
  return new Map(items.map((i) => [sliceOfSk(String(i.SK)), numbersOf(i, 'c:')]));
}

/** The summaries the dashboard shows: every slice of the campaign, or those under a prefix. */
export async function readSummaries(db: Db, scope: TenantScope, campaignId: string, today: string, slicePrefix = ''): Promise<SliceSummary[]> {
  const stored = await readStoredSummaries(db, scope, campaignId, slicePrefix);
  return [...stored].map(([slice, n]) => readSliceSummary(slice, n, today));
}

export async function readSummary(db: Db, scope: TenantScope, campaignId: string, slice: string, today: string): Promise<SliceSummary> {
  const item = await getItem<Record<string, unknown>>(db, aggregateKeys.summary(scope, campaignId, slice));
  return readSliceSummary(slice, numbersOf(item ?? {}, 'n:'), today);
}

export async function readCells(db: Db, scope: TenantScope, campaignId: string, slicePrefix: string) {
  const stored = await readStoredCells(db, scope, campaignId, slicePrefix);
  return [...stored].map(([slice, c]) => ({ slice, cells: readCellCounts(c) }));
}

export interface RecountDifference {
  slice: string;
  part: 'summary' | 'cells';
  name: string;
  stored: number;
  recounted: number;
}

export interface RecountResult {
  responses: number;
  slices: number;
  /** Every number that differs (the first 200). */
  differences: RecountDifference[];
  differenceCount: number;
  repaired: boolean;
}

function compare(
  slice: string,
  part: 'summary' | 'cells',
  stored: Record<string, number>,
  recounted: Record<string, number>,
  out: RecountDifference[],
): number {
  let n = 0;
  const names = new Set([...Object.keys(stored), ...Object.keys(recounted)]);
  for (const name of names) {
    const a = stored[name] ?? 0;
    const b = recounted[name] ?? 0;
    if (a === b) continue;
    n++;
    if (out.length < 200) out.push({ slice, part, name, stored: a, recounted: b });
  }
  return n;
}

/** What a repair records: its audit entry, built from what the recount found. */
export type RepairAudit = (found: Pick<RecountResult, 'differenceCount' | 'differences'>) => TransactItem;

/** Bytes of rewritten items per repair transaction, well under DynamoDB's 4 MB per transaction. */
const REPAIR_BYTES_PER_TRANSACTION = 2_000_000;

/**
 * Sums every response's contribution from scratch and compares it with the stored aggregates. With `repair`,
 * each differing item is rewritten with the recounted numbers, in transactions of at most 100 items, the first
 * of which carries the repair's audit entry. Run it when the stream is quiet: a response change still travelling
 * through the stream at that moment is applied on top of the repaired numbers.
 */
export async function recountCampaign(
  db: Db,
  scope: TenantScope,
  campaignId: string,
  template: Template,
  options: { repair: false } | { repair: true; audit: RepairAudit },
): Promise<RecountResult> {
  const recount: CampaignDeltas = new Map();
  let responses = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': keys.campaign(scope, campaignId).PK, ':sk': keys.responsesOfCampaignPrefix },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      responses++;
      mergeDeltas(recount, responseDeltas(template, null, item as unknown as ResponseImage));
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  // Open and explained cross-check discrepancies of the campaign (issue 8) count in the summaries too.
  for (const d of await activeOfCampaign(db, scope, campaignId)) mergeDeltas(recount, discrepancySliceDeltas(null, d));

  const [plainSummaries, crossSummaries, plainCells, crossCells] = await Promise.all([
    readStoredSummaries(db, scope, campaignId),
    readStoredSummaries(db, scope, campaignId, 'X#'),
    readStoredCells(db, scope, campaignId),
    readStoredCells(db, scope, campaignId, 'X#'),
  ]);
  const storedSummaries = new Map([...plainSummaries, ...crossSummaries]);
  const storedCells = new Map([...plainCells, ...crossCells]);
  const differences: RecountDifference[] = [];
  let differenceCount = 0;
  const toRewrite: { key: { PK: string; SK: string }; type: string; slice: string; prefix: string; numbers: Record<string, number> }[] = [];
  const slices = new Set([...recount.keys(), ...storedSummaries.keys(), ...storedCells.keys()]);
  for (const slice of slices) {
    const r = recount.get(slice) ?? { summary: {}, cells: {} };
    const ds = compare(slice, 'summary', storedSummaries.get(slice) ?? {}, r.summary, differences);
    const dc = compare(slice, 'cells', storedCells.get(slice) ?? {}, r.cells, differences);
    differenceCount += ds + dc;
    if (ds) toRewrite.push({ key: aggregateKeys.summary(scope, campaignId, slice), type: 'SliceSummary', slice, prefix: 'n:', numbers: r.summary });
    if (dc) toRewrite.push({ key: aggregateKeys.cells(scope, campaignId, slice), type: 'SliceCells', slice, prefix: 'c:', numbers: r.cells });
  }
  if (options.repair && toRewrite.length) {
    // The entry goes into the first transaction, not the last: a repair that stops half way has then recorded
    // what it set out to rewrite, and no rewritten item is ever without an entry. Rewriting is idempotent, so a
    // second repair finishes the job (and records itself); a verify shows whether anything is left.
    const transactions: TransactItem[][] = [[options.audit({ differenceCount, differences })]];
    let bytes = 0;
    for (const w of toRewrite) {
      const item: Record<string, unknown> = { ...w.key, type: w.type, slice: w.slice };
      for (const [k, v] of Object.entries(w.numbers)) if (v !== 0) item[`${w.prefix}${k}`] = v;
      const size = JSON.stringify(item).length;
      let current = transactions.at(-1) as TransactItem[];
      if (current.length >= ACTIONS_PER_TRANSACTION || (current.length > 1 && bytes + size > REPAIR_BYTES_PER_TRANSACTION)) {
        current = [];
        transactions.push(current);
        bytes = 0;
      }
      current.push({ Put: { TableName: db.tableName, Item: item } });
      bytes += size;
    }
    // A stream batch adding to the same item at that moment cancels the transaction: retried, never shown.
    for (const items of transactions) await transactWithConflictRetry(db, { TransactItems: items });
  }
  return { responses, slices: slices.size, differences, differenceCount, repaired: options.repair && differenceCount > 0 };
}

/** The read models of one tenant, for handlers (the scope comes from the verified identity). */
export function readModelRepositories(db: Db, scope: TenantScope) {
  return {
    readModels: {
      summary: (campaignId: string, slice: string, today: string) => readSummary(db, scope, campaignId, slice, today),
      summaries: (campaignId: string, slicePrefix: string, today: string) => readSummaries(db, scope, campaignId, today, slicePrefix),
      cells: (campaignId: string, slicePrefix: string) => readCells(db, scope, campaignId, slicePrefix),
      /**
       * Verifies the campaign's aggregates; with `repair` (which needs the actor), rewrites what differs and records
       * `readModels.repair` in the audit log, in the repair's first transaction.
       */
      recount(campaignId: string, template: Template, options: { repair: boolean }, actor?: Actor): Promise<RecountResult> {
        if (!options.repair) return recountCampaign(db, scope, campaignId, template, { repair: false });
        if (!actor) throw new Error('a repair of the read models is recorded in the audit log: it needs the actor');
        return recountCampaign(db, scope, campaignId, template, {
          repair: true,
          audit: (found) =>
            auditItem(db, scope, actor, {
              action: 'readModels.repair',
              target: `campaign/${campaignId}`,
              orgId: actor.orgId,
              changes: { differenceCount: found.differenceCount, differences: found.differences.slice(0, 20) },
            }),
        });
      },
    },
  };
}
