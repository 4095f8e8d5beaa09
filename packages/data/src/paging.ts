import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.ts';
import { BadCursorError } from './errors.ts';

/**
 * Bounded, cursor-paged reads. A page costs at most `maxReads` Query calls of `readLimit` items whatever the
 * size of the partition, and stops before `maxBytes` of items: no response grows with the prefecture.
 */

/** One key range read in order; a list may chain several (e.g. scored rows, then the unscored ones). */
export interface Segment {
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>;
  /** The partition attribute (PK, or the index's) and its value: a cursor must name exactly this partition. */
  partition: { attr: string; value: string };
  /** Attributes of a LastEvaluatedKey for this segment (table keys plus the index keys). */
  keyAttrs: readonly string[];
}

export interface PageOptions {
  limit: number;
  cursor?: string | undefined;
  /** Query calls per page (default 4). */
  maxReads?: number;
  /** Items asked of DynamoDB per call (default 2 × limit, at least 20). */
  readLimit?: number;
  /** Stop before the page's items exceed this many bytes of JSON (default 800 kB). */
  maxBytes?: number;
  /** What an item weighs in the response (default: its JSON length). */
  sizeOf?: (item: Record<string, unknown>) => number;
}

export interface Page {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

type Key = Record<string, string>;
interface CursorBody {
  s: number;
  k: Key | null;
}

export function encodeCursor(segment: number, key: Key | null): string {
  return Buffer.from(JSON.stringify({ s: segment, k: key } satisfies CursorBody)).toString('base64url');
}

/** Reads a cursor back and checks that it belongs to these segments: same partition, same key shape. */
export function decodeCursor(cursor: string, segments: readonly Segment[]): CursorBody {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw new BadCursorError('format');
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError('format');
  }
  if (typeof body !== 'object' || body === null) throw new BadCursorError('format');
  const { s, k } = body as { s?: unknown; k?: unknown };
  if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s >= segments.length) throw new BadCursorError('segment');
  const segment = segments[s] as Segment;
  if (k === null) return { s, k: null };
  if (typeof k !== 'object' || k === undefined || Array.isArray(k)) throw new BadCursorError('key');
  const entries = Object.entries(k as Record<string, unknown>);
  const expected = [...segment.keyAttrs].sort();
  const names = entries.map(([n]) => n).sort();
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) throw new BadCursorError('key');
  if (entries.some(([, v]) => typeof v !== 'string' || v.length === 0 || v.length > 1024)) throw new BadCursorError('key');
  if ((k as Key)[segment.partition.attr] !== segment.partition.value) throw new BadCursorError('partition');
  return { s, k: k as Key };
}

const pick = (item: Record<string, unknown>, attrs: readonly string[]): Key => Object.fromEntries(attrs.map((a) => [a, String(item[a])]));

/** Reads one page across the segments, from the cursor on. Returned items still carry their keys. */
export async function queryPage(db: Db, segments: readonly Segment[], options: PageOptions): Promise<Page> {
  const maxReads = options.maxReads ?? 4;
  const readLimit = options.readLimit ?? Math.max(20, 2 * options.limit);
  const maxBytes = options.maxBytes ?? 800_000;
  const sizeOf = options.sizeOf ?? ((item) => Buffer.byteLength(JSON.stringify(item)));
  const start = options.cursor ? decodeCursor(options.cursor, segments) : { s: 0, k: null };
  const items: Record<string, unknown>[] = [];
  let bytes = 0;
  let s = start.s;
  let startKey: Key | null = start.k;
  for (let reads = 0; reads < maxReads; reads++) {
    const segment = segments[s] as Segment;
    const page = await db.doc.send(
      new QueryCommand({ TableName: db.tableName, ...segment.input, Limit: readLimit, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }),
    );
    const found = page.Items ?? [];
    for (let i = 0; i < found.length; i++) {
      const item = found[i] as Record<string, unknown>;
      const size = sizeOf(item);
      if (items.length >= options.limit || (items.length > 0 && bytes + size > maxBytes)) {
        // The page is full in the middle of what DynamoDB returned: resume right after the last item kept.
        return { items, nextCursor: encodeCursor(s, pick(items[items.length - 1] as Record<string, unknown>, segment.keyAttrs)) };
      }
      items.push(item);
      bytes += size;
    }
    if (page.LastEvaluatedKey) {
      startKey = page.LastEvaluatedKey as Key;
    } else if (s + 1 < segments.length) {
      s++;
      startKey = null;
    } else {
      return { items, nextCursor: null };
    }
    if (items.length >= options.limit) break;
  }
  return { items, nextCursor: encodeCursor(s, startKey) };
}
