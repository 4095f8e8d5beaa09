import type { FacilityKind, ResponseStatus } from '@mcr/contract';
import type { Db } from '../client.ts';
import { nameKey, type TenantScope } from '../keys.ts';
import { queryPage, type Segment } from '../paging.ts';
import { batchWriteRequests, type WriteRequest } from '../repositories/shared.ts';

export type { WriteRequest };

/**
 * The campaign table's read model: one small row item per (campaign, facility, slice), kept in step with the
 * response by the stream consumer. A slice is a partition that holds only the rows of one filter value, so a
 * filtered, sorted page is one bounded Query whatever the size of the prefecture. See
 * docs/decisions/0008-paged-tables.md.
 *
 *   PK      = T#<t>#CAMP#<campaignId>#ROWS#<slice>   slice: ALL | HC#<id> | AREA#<name> | KIND#<kind> | SIZE#<band> | ST#<status>
 *   SK      = N#<name key>#<facilityId>             name order (GSI3 and GSI4 reuse PK as their partition)
 *   SCORESK = <score × 1000, 4 digits>#<facilityId>  or NULL#<facilityId> for 対象外 (last in both directions)
 *   UPDSK   = <updatedAt or 0000>#<facilityId>
 *   GSI2PK / GSI2SK = T#<t>#CAMP#<campaignId>#ROWCODE / <医療機関コード>#<facilityId>   (ALL slice only: code search)
 */
export interface RowSource {
  campaignId: string;
  facilityId: string;
  facilityName: string;
  kind: FacilityKind;
  healthCenterId: string;
  healthCenterName: string;
  medicalAreaName: string;
  sizeBand: string;
  medicalInstitutionCode: string;
  status: ResponseStatus;
  score: number | null;
  level: string;
  missing: number;
  missingFirstDates: number;
  earliestOpenTarget: string | null;
  updatedAt: string | null;
  round: number | null;
}

/** A row as the API reads it (the row item without its keys). */
export type RowRecord = RowSource;

export const ROW_SORTS = ['name', 'score', 'updated'] as const;
export type RowSort = (typeof ROW_SORTS)[number];

const NULL_SCORE = 'NULL';
const ROW_KEY_ATTRIBUTES = ['PK', 'SK', 'SCORESK', 'UPDSK', 'GSI2PK', 'GSI2SK', 'type', 'slice'] as const;

/** `0.734` → `0734`, `1` → `1000`; null (対象外) → `NULL`, which sorts after every digit. */
export function scoreKey(score: number | null): string {
  if (score === null || Number.isNaN(score)) return NULL_SCORE;
  return String(Math.round(Math.min(1, Math.max(0, score)) * 1000)).padStart(4, '0');
}

export function rowPartition(scope: TenantScope, campaignId: string, slice: string): string {
  return `T#${scope.tenantId}#CAMP#${campaignId}#ROWS#${slice}`;
}

export function rowCodePartition(scope: TenantScope, campaignId: string): string {
  return `T#${scope.tenantId}#CAMP#${campaignId}#ROWCODE`;
}

function slicesOf(src: RowSource): string[] {
  return ['ALL', `HC#${src.healthCenterId}`, `AREA#${src.medicalAreaName}`, `ST#${src.status}`, `KIND#${src.kind}`, `SIZE#${src.sizeBand}`];
}

function source(src: RowSource): RowSource {
  return {
    campaignId: src.campaignId,
    facilityId: src.facilityId,
    facilityName: src.facilityName,
    kind: src.kind,
    healthCenterId: src.healthCenterId,
    healthCenterName: src.healthCenterName,
    medicalAreaName: src.medicalAreaName,
    sizeBand: src.sizeBand,
    medicalInstitutionCode: src.medicalInstitutionCode,
    status: src.status,
    score: src.score,
    level: src.level,
    missing: src.missing,
    missingFirstDates: src.missingFirstDates,
    earliestOpenTarget: src.earliestOpenTarget,
    updatedAt: src.updatedAt,
    round: src.round,
  };
}

/** The complete row items of one facility in one campaign: one per slice. */
export function rowItems(scope: TenantScope, src: RowSource): Record<string, unknown>[] {
  const SK = `N#${nameKey(src.facilityName)}#${src.facilityId}`;
  const SCORESK = `${scoreKey(src.score)}#${src.facilityId}`;
  const UPDSK = `${src.updatedAt ?? '0000'}#${src.facilityId}`;
  return slicesOf(src).map((slice) => ({
    PK: rowPartition(scope, src.campaignId, slice),
    SK,
    SCORESK,
    UPDSK,
    ...(slice === 'ALL' ? { GSI2PK: rowCodePartition(scope, src.campaignId), GSI2SK: `${src.medicalInstitutionCode}#${src.facilityId}` } : {}),
    type: 'CampaignRow',
    slice,
    ...source(src),
  }));
}

type KeyOf = { PK: string; SK: string };
const keyOf = (item: Record<string, unknown>): KeyOf => ({ PK: item.PK as string, SK: item.SK as string });
const keyString = (k: KeyOf) => `${k.PK}\u0000${k.SK}`;

/**
 * What moves a facility's rows from `before` to `after` (either may be null: a new or a removed response):
 * deletes of the row items whose keys are no longer produced and puts of every new one. Applying it twice, or
 * with `before` already applied, leaves the same items.
 */
export function rowChangeRequests(scope: TenantScope, before: RowSource | null, after: RowSource | null): WriteRequest[] {
  const next = after ? rowItems(scope, after) : [];
  const keep = new Set(next.map((i) => keyString(keyOf(i))));
  const stale = (before ? rowItems(scope, before) : []).map(keyOf).filter((k) => !keep.has(keyString(k)));
  return [...stale.map((Key) => ({ DeleteRequest: { Key } })), ...next.map((Item) => ({ PutRequest: { Item } }))];
}

/**
 * Writes the row changes of a whole stream batch together (a few BatchWriteItem calls instead of one per
 * response). Requests are in record order; where two name the same key, the later one wins, as it would
 * have written one after the other.
 */
export async function writeRowChanges(db: Db, requests: WriteRequest[]): Promise<void> {
  const last = new Map<string, WriteRequest>();
  for (const r of requests) {
    const key = 'PutRequest' in r ? keyOf(r.PutRequest.Item) : (r.DeleteRequest.Key as KeyOf);
    const k = keyString(key);
    last.delete(k); // re-inserted at the end: the map keeps the final order
    last.set(k, r);
  }
  await batchWriteRequests(db, [...last.values()], 4);
}

/** Moves one facility's rows (see `rowChangeRequests`). */
export async function applyRowChanges(db: Db, scope: TenantScope, before: RowSource | null, after: RowSource | null): Promise<void> {
  await writeRowChanges(db, rowChangeRequests(scope, before, after));
}

export interface RowQuery {
  status?: ResponseStatus | undefined;
  healthCenterId?: string | undefined;
  medicalArea?: string | undefined;
  kind?: FacilityKind | undefined;
  sizeBand?: string | undefined;
  /** A readiness level id (`complete`, `mostly`, `partial`, `action-needed`, `not-applicable`). */
  scoreBand?: string | undefined;
  overdue?: boolean | undefined;
  missingFirst?: boolean | undefined;
  /** Digits: 医療機関コード prefix (code order); anything else: name prefix (name order). */
  q?: string | undefined;
  sort?: RowSort | undefined;
  dir?: 'asc' | 'desc' | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface RowPage {
  items: RowRecord[];
  nextCursor: string | null;
  /** The slice whose partition was read (`ALL`, `HC#…`, …): its aggregate gives the total. */
  slice: string;
  /** The order actually applied: a search is returned in name (or code) order. */
  sort: RowSort | 'code';
}

/** The slice a query reads: its most selective filter (保健所, 医療圏, status, kind, size), else ALL. */
export function sliceFor(q: Pick<RowQuery, 'status' | 'healthCenterId' | 'medicalArea' | 'kind' | 'sizeBand'>): string {
  if (q.healthCenterId) return `HC#${q.healthCenterId}`;
  if (q.medicalArea) return `AREA#${q.medicalArea}`;
  if (q.status) return `ST#${q.status}`;
  if (q.kind) return `KIND#${q.kind}`;
  if (q.sizeBand) return `SIZE#${q.sizeBand}`;
  return 'ALL';
}

function strip(item: Record<string, unknown>): RowRecord {
  const out: Record<string, unknown> = { ...item };
  for (const k of ROW_KEY_ATTRIBUTES) delete out[k];
  return out as unknown as RowRecord;
}

/**
 * One page of a campaign's rows: the partition of the most selective filter, the other filters as a
 * FilterExpression, at most 4 reads. `today` (Japan) decides what is overdue.
 */
export async function queryCampaignRows(db: Db, scope: TenantScope, campaignId: string, query: RowQuery, today: string): Promise<RowPage> {
  const q = query.q?.trim() ?? '';
  const byCode = /^\d+$/.test(q);
  const slice = byCode ? 'ALL' : sliceFor(query);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const filters: string[] = [];
  const eq = (attr: string, value: unknown, sliced: boolean) => {
    if (value === undefined || value === '' || sliced) return;
    names[`#${attr}`] = attr;
    values[`:${attr}`] = value;
    filters.push(`#${attr} = :${attr}`);
  };
  const sliceKind = slice.split('#')[0];
  eq('healthCenterId', query.healthCenterId, sliceKind === 'HC');
  eq('medicalAreaName', query.medicalArea, sliceKind === 'AREA');
  eq('status', query.status, sliceKind === 'ST');
  eq('kind', query.kind, sliceKind === 'KIND');
  eq('sizeBand', query.sizeBand, sliceKind === 'SIZE');
  eq('level', query.scoreBand, false);
  if (query.missingFirst) {
    names['#missingFirstDates'] = 'missingFirstDates';
    values[':zero'] = 0;
    filters.push('#missingFirstDates > :zero');
  }
  if (query.overdue) {
    names['#earliestOpenTarget'] = 'earliestOpenTarget';
    values[':today'] = today;
    filters.push('#earliestOpenTarget < :today');
  }
  const filter = filters.length
    ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values }
    : { ExpressionAttributeNames: names, ExpressionAttributeValues: values };
  const pk = rowPartition(scope, campaignId, slice);
  const forward = (query.dir ?? 'asc') === 'asc';
  const segments: Segment[] = [];
  const withValues = (extra: Record<string, unknown>, extraNames: Record<string, string> = {}) => ({
    ...filter,
    ExpressionAttributeNames: { ...filter.ExpressionAttributeNames, ...extraNames },
    ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ...extra },
  });
  let sort: RowPage['sort'] = query.sort ?? 'name';
  if (byCode) {
    sort = 'code';
    const code = rowCodePartition(scope, campaignId);
    segments.push({
      input: {
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :cpk AND begins_with(GSI2SK, :code)',
        ...withValues({ ':cpk': code, ':code': q }),
        ScanIndexForward: forward,
      },
      partition: { attr: 'GSI2PK', value: code },
      keyAttrs: ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
    });
  } else if (q || sort === 'name') {
    sort = 'name';
    segments.push({
      input: { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :n)', ...withValues({ ':pk': pk, ':n': `N#${nameKey(q)}` }), ScanIndexForward: forward },
      partition: { attr: 'PK', value: pk },
      keyAttrs: ['PK', 'SK'],
    });
  } else if (sort === 'score') {
    const keyAttrs = ['PK', 'SK', 'SCORESK'];
    if (forward) {
      segments.push({
        input: { IndexName: 'GSI3', KeyConditionExpression: 'PK = :pk', ...withValues({ ':pk': pk }) },
        partition: { attr: 'PK', value: pk },
        keyAttrs,
      });
    } else {
      // Highest first, then 対象外: a score-less row is neither weak nor strong, so it is last both ways.
      segments.push(
        {
          input: {
            IndexName: 'GSI3',
            KeyConditionExpression: 'PK = :pk AND SCORESK < :null',
            ...withValues({ ':pk': pk, ':null': NULL_SCORE }),
            ScanIndexForward: false,
          },
          partition: { attr: 'PK', value: pk },
          keyAttrs,
        },
        {
          input: {
            IndexName: 'GSI3',
            KeyConditionExpression: 'PK = :pk AND begins_with(SCORESK, :null)',
            ...withValues({ ':pk': pk, ':null': `${NULL_SCORE}#` }),
          },
          partition: { attr: 'PK', value: pk },
          keyAttrs,
        },
      );
    }
  } else {
    segments.push({
      input: { IndexName: 'GSI4', KeyConditionExpression: 'PK = :pk', ...withValues({ ':pk': pk }), ScanIndexForward: forward },
      partition: { attr: 'PK', value: pk },
      keyAttrs: ['PK', 'SK', 'UPDSK'],
    });
  }
  for (const s of segments) {
    // DynamoDB refuses empty name/value maps.
    if (s.input.ExpressionAttributeNames && Object.keys(s.input.ExpressionAttributeNames).length === 0) delete s.input.ExpressionAttributeNames;
  }
  // Without a filter every item read is kept: read one more than the page (to know whether another follows), not twice it.
  const page = await queryPage(db, segments, { limit: query.limit, cursor: query.cursor, ...(filters.length ? {} : { readLimit: query.limit + 1 }) });
  return { items: page.items.map(strip), nextCursor: page.nextCursor, slice, sort };
}

/** The rows as a tenant-bound repository (`repos().campaignRows.page(...)`). */
export function rowRepositories(db: Db, scope: TenantScope) {
  return {
    campaignRows: {
      page: (campaignId: string, query: RowQuery, today: string) => queryCampaignRows(db, scope, campaignId, query, today),
    },
  };
}
