import { BatchGetCommand, BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../packages/data/src/client.ts';
import { auditItem, batchGet, batchPut, batchWriteRequests, getItem, queryAll, strip } from '../../../packages/data/src/repositories/shared.ts';

/**
 * The data layer's shared helpers (packages/data/src/repositories/shared.ts): paging to the end, chunking to
 * DynamoDB's limits, retrying what DynamoDB leaves unprocessed, and the audit item's shape. DynamoDB Local never
 * leaves items unprocessed nor pages small reads, so these paths are driven here by a table that answers from a
 * script; the integration suite runs the same helpers against DynamoDB Local.
 */
type Sent = { name: string; input: Record<string, unknown> };

/** A Db whose client records each command and answers with the next scripted output. */
function scripted(outputs: Record<string, unknown>[]): { db: Db; sent: Sent[] } {
  const sent: Sent[] = [];
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: structuredClone(command.input) });
    return outputs.shift() ?? {};
  };
  return { db: { tableName: 'mcr', doc: { send } } as unknown as Db, sent };
}

const item = (n: number) => ({
  PK: `T#36#X#${n}`,
  SK: 'P',
  GSI1PK: 'g1',
  GSI1SK: 's1',
  GSI2PK: 'g2',
  GSI2SK: 's2',
  type: 'X',
  expiresAt: 9,
  n,
  name: `名前${n}`,
});

describe('strip', () => {
  it('removes every storage attribute and keeps the record', () => {
    expect(strip(item(1))).toEqual({ n: 1, name: '名前1' });
    const original = item(2);
    strip(original);
    expect(original.PK).toBe('T#36#X#2');
  });
});

describe('queryAll', () => {
  it('follows LastEvaluatedKey to the last page, on the table, with the caller’s input', async () => {
    const { db, sent } = scripted([
      { Items: [item(1), item(2)], LastEvaluatedKey: { PK: 'a', SK: 'b' } },
      { Items: [], LastEvaluatedKey: { PK: 'c', SK: 'd' } },
      { Items: [item(3)] },
    ]);
    const out = await queryAll(db, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'T#36#X' } });
    expect(out).toEqual([
      { n: 1, name: '名前1' },
      { n: 2, name: '名前2' },
      { n: 3, name: '名前3' },
    ]);
    expect(sent.map((s) => s.name)).toEqual([QueryCommand.name, QueryCommand.name, QueryCommand.name]);
    expect(sent.map((s) => s.input.ExclusiveStartKey)).toEqual([undefined, { PK: 'a', SK: 'b' }, { PK: 'c', SK: 'd' }]);
    expect(sent.every((s) => s.input.TableName === 'mcr' && s.input.KeyConditionExpression === 'PK = :pk')).toBe(true);
  });

  it('answers an empty list for a page without Items', async () => {
    const { db, sent } = scripted([{}]);
    expect(await queryAll(db, {})).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});

describe('getItem', () => {
  it('reads one key and strips it, or answers undefined', async () => {
    const { db, sent } = scripted([{ Item: item(4) }, {}]);
    expect(await getItem(db, { PK: 'T#36#X#4', SK: 'P' })).toEqual({ n: 4, name: '名前4' });
    expect(await getItem(db, { PK: 'T#36#X#5', SK: 'P' })).toBeUndefined();
    expect(sent[0]).toEqual({ name: GetCommand.name, input: { TableName: 'mcr', Key: { PK: 'T#36#X#4', SK: 'P' } } });
  });
});

describe('batchWriteRequests', () => {
  it('writes 25 requests per call, in order, and nothing for no requests', async () => {
    const { db, sent } = scripted([]);
    await batchPut(
      db,
      Array.from({ length: 51 }, (_, i) => ({ PK: `p${i}`, SK: 's' })),
    );
    expect(sent.map((s) => s.name)).toEqual([BatchWriteCommand.name, BatchWriteCommand.name, BatchWriteCommand.name]);
    const chunks = sent.map((s) => (s.input.RequestItems as Record<string, { PutRequest: { Item: { PK: string } } }[]>).mcr ?? []);
    expect(chunks.map((c) => c.length)).toEqual([25, 25, 1]);
    expect(chunks.flat().map((r) => r?.PutRequest.Item.PK)).toEqual(Array.from({ length: 51 }, (_, i) => `p${i}`));
    const none = scripted([]);
    await batchWriteRequests(none.db, []);
    expect(none.sent).toEqual([]);
  });

  it('retries what DynamoDB leaves unprocessed, with backoff, until nothing is left', async () => {
    vi.useFakeTimers();
    try {
      const left = { mcr: [{ DeleteRequest: { Key: { PK: 'p1', SK: 's' } } }] };
      const { db, sent } = scripted([{ UnprocessedItems: left }, { UnprocessedItems: left }, { UnprocessedItems: {} }]);
      const done = batchWriteRequests(db, [{ PutRequest: { Item: { PK: 'p0', SK: 's' } } }, { DeleteRequest: { Key: { PK: 'p1', SK: 's' } } }]);
      await vi.advanceTimersByTimeAsync(0);
      expect(sent).toHaveLength(1);
      // The first retry waits 100 ms (50 × 2¹), the second 200 ms.
      await vi.advanceTimersByTimeAsync(99);
      expect(sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(sent).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(199);
      expect(sent).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      await done;
      expect(sent).toHaveLength(3);
      expect(sent[1]!.input.RequestItems).toEqual(left);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends `parallel` calls at a time', async () => {
    let inFlight = 0;
    let most = 0;
    let calls = 0;
    const db = {
      tableName: 'mcr',
      doc: {
        send: async () => {
          calls++;
          inFlight++;
          most = Math.max(most, inFlight);
          await new Promise((r) => setTimeout(r, 5));
          inFlight--;
          return {};
        },
      },
    } as unknown as Db;
    const requests = Array.from({ length: 125 }, (_, i) => ({ PutRequest: { Item: { PK: `p${i}`, SK: 's' } } }));
    await batchWriteRequests(db, requests, 3);
    expect([most, calls]).toEqual([3, 5]);
    most = 0;
    calls = 0;
    await batchWriteRequests(db, requests);
    expect([most, calls]).toEqual([1, 5]);
  });
});

describe('batchGet', () => {
  it('reads 100 keys per call, and no empty call after a full hundred', async () => {
    const { db, sent } = scripted([{ Responses: { mcr: [item(1)] } }, {}]);
    const out = await batchGet(
      db,
      Array.from({ length: 100 }, (_, i) => ({ PK: `p${i}`, SK: 's' })),
    );
    expect(out).toEqual([{ n: 1, name: '名前1' }]);
    expect(sent).toHaveLength(1);
    expect((sent[0]!.input.RequestItems as Record<string, { Keys: unknown[] }>).mcr?.Keys).toHaveLength(100);
    const none = scripted([]);
    expect(await batchGet(none.db, [])).toEqual([]);
    expect(none.sent).toEqual([]);
  });

  it('retries unprocessed keys with backoff, then goes on with the next hundred', async () => {
    vi.useFakeTimers();
    try {
      const keyList = Array.from({ length: 150 }, (_, i) => ({ PK: `p${i}`, SK: 's' }));
      const { db, sent } = scripted([
        { Responses: { mcr: [item(1)] }, UnprocessedKeys: { mcr: { Keys: [{ PK: 'p7', SK: 's' }] } } },
        { Responses: { mcr: [item(7)] }, UnprocessedKeys: { mcr: { Keys: [{ PK: 'p8', SK: 's' }] } } },
        { UnprocessedKeys: {} },
        { Responses: { mcr: [item(120)] } },
      ]);
      const done = batchGet(db, keyList);
      await vi.advanceTimersByTimeAsync(0);
      expect(sent).toHaveLength(1);
      // The first retry waits 100 ms (50 × 2¹), the second 200 ms; the next hundred starts at once.
      await vi.advanceTimersByTimeAsync(99);
      expect(sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(sent).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(199);
      expect(sent).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(sent).toHaveLength(4);
      expect(await done).toEqual([
        { n: 1, name: '名前1' },
        { n: 7, name: '名前7' },
        { n: 120, name: '名前120' },
      ]);
      expect(sent.map((s) => s.name)).toEqual(Array(4).fill(BatchGetCommand.name));
      const asked = sent.map((s) => (s.input.RequestItems as Record<string, { Keys: { PK: string }[] }>).mcr?.Keys.map((k) => k.PK));
      expect(asked.map((a) => a?.length)).toEqual([100, 1, 1, 50]);
      expect([asked[1], asked[2], asked[3]?.[0]]).toEqual([['p7'], ['p8'], 'p100']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits at most a second between retries', async () => {
    vi.useFakeTimers();
    try {
      const left = { UnprocessedKeys: { mcr: { Keys: [{ PK: 'p0', SK: 's' }] } } };
      const { db, sent } = scripted([left, left, left, left, left, left, {}]);
      const done = batchGet(db, [{ PK: 'p0', SK: 's' }]);
      // 100, 200, 400, 800, then 1000 (not 1600) and 1000 (not 3200).
      await vi.advanceTimersByTimeAsync(100 + 200 + 400 + 800 + 1000 + 999);
      expect(sent).toHaveLength(6);
      await vi.advanceTimersByTimeAsync(1);
      await done;
      expect(sent).toHaveLength(7);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('auditItem', () => {
  it('is a Put of an entry that can never be overwritten, under the tenant, by month and by organisation', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T01:02:03.456Z') });
    try {
      const actor = { userId: 'u1', name: '徳島 太郎', role: 'pref_admin', orgId: 'pref', requestId: 'req-9' };
      const entry = auditItem({ tableName: 'mcr' } as Db, { tenantId: '36' }, actor as never, {
        action: 'contract.put',
        target: 'facility/f001/vendor/v1',
        orgId: 'f001',
        changes: { systems: ['電子カルテ'] },
      });
      expect(entry).toEqual({
        Put: {
          TableName: 'mcr',
          Item: {
            PK: 'T#36#AUDIT#2026-12',
            SK: '2026-12-07T01:02:03.456Z#req-9#0',
            GSI1PK: 'T#36#AUDIT#ORG#f001',
            GSI1SK: '2026-12-07T01:02:03.456Z',
            type: 'Audit',
            at: '2026-12-07T01:02:03.456Z',
            actor,
            action: 'contract.put',
            target: 'facility/f001/vendor/v1',
            changes: { systems: ['電子カルテ'] },
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
      const second = auditItem({ tableName: 'mcr' } as Db, { tenantId: '36' }, actor as never, {
        action: 'contract.put',
        target: 't',
        orgId: 'o',
        changes: null,
        seq: 2,
      });
      expect((second.Put!.Item as { SK: string }).SK).toBe('2026-12-07T01:02:03.456Z#req-9#2');
    } finally {
      vi.useRealTimers();
    }
  });
});
