import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { localCredentials, LOCAL_REGION } from './services/constants.ts';

/**
 * The local counterpart of a Lambda event source mapping on the table's stream: it reads every shard of
 * DynamoDB Local's stream in order and calls the same consumer code the Lambda runs, one batch at a time per
 * shard, retrying a failed batch with the same records (as Lambda does) before it moves on.
 */
export interface StreamPoller {
  /** Resolves once every record written before the call has been processed. */
  settle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  stats(): { batches: number; records: number; errors: number; lastError?: string };
}

export type StreamConsumer = (records: DynamoDBRecord[]) => Promise<void>;

interface ShardState {
  iterator: string | undefined;
  closed: boolean;
}

export async function startStreamPoller(options: {
  endpoint: string;
  tableName: string;
  consume: StreamConsumer;
  /** Start from the oldest record (a fresh table) or only new ones (an existing table whose records were processed). */
  from: 'TRIM_HORIZON' | 'LATEST';
  intervalMs?: number;
  batchSize?: number;
  log?: (line: string) => void;
}): Promise<StreamPoller> {
  const clientOpts = { region: LOCAL_REGION, endpoint: options.endpoint, credentials: localCredentials() };
  const ddb = new DynamoDBClient(clientOpts);
  const streams = new DynamoDBStreamsClient(clientOpts);
  const table = await ddb.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);
  const interval = options.intervalMs ?? 50;
  const batchSize = options.batchSize ?? 100;
  const log = options.log ?? (() => undefined);

  const shards = new Map<string, ShardState>();
  const stats = { batches: 0, records: 0, errors: 0, lastError: undefined as string | undefined };
  let stopped = false;
  let cycle = 0;
  /** Cycles that began after a settle() call and found nothing to read. */
  const waiters: { afterCycle: number; resolve: () => void }[] = [];

  async function discover(from: 'TRIM_HORIZON' | 'LATEST'): Promise<void> {
    let ExclusiveStartShardId: string | undefined;
    do {
      const d = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId }));
      for (const shard of d.StreamDescription?.Shards ?? []) {
        const id = shard.ShardId as string;
        if (shards.has(id)) continue;
        // A child shard is read from its start: its parent's records came first and were read before.
        const type = shard.ParentShardId && shards.has(shard.ParentShardId) ? 'TRIM_HORIZON' : from;
        const it = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: type }));
        shards.set(id, { iterator: it.ShardIterator, closed: false });
      }
      ExclusiveStartShardId = d.StreamDescription?.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
  }

  await discover(options.from);

  async function readShard(id: string, state: ShardState): Promise<number> {
    if (!state.iterator) {
      state.closed = true;
      return 0;
    }
    const res = await streams.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: batchSize }));
    const records = (res.Records ?? []) as StreamRecord[];
    if (records.length > 0) {
      // The same records are retried until the consumer accepts them, as the Lambda event source does.
      for (let attempt = 0; ; attempt++) {
        try {
          await options.consume(records as unknown as DynamoDBRecord[]);
          break;
        } catch (err) {
          stats.errors++;
          stats.lastError = err instanceof Error ? err.message : String(err);
          log(`[streams] ${id}: batch failed (attempt ${attempt + 1}): ${stats.lastError}`);
          if (stopped) return 0;
          await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
        }
      }
      stats.batches++;
      stats.records += records.length;
    }
    state.iterator = res.NextShardIterator;
    if (!state.iterator) state.closed = true;
    return records.length;
  }

  let discoverEvery = 0;
  const loop = (async () => {
    while (!stopped) {
      const started = ++cycle;
      let read = 0;
      try {
        if (++discoverEvery % 40 === 0) await discover('TRIM_HORIZON');
        for (const [id, state] of shards) if (!state.closed) read += await readShard(id, state);
        for (const [id, state] of shards) if (state.closed) shards.delete(id);
      } catch (err) {
        stats.errors++;
        stats.lastError = err instanceof Error ? err.message : String(err);
        if (!stopped) log(`[streams] poll failed: ${stats.lastError}`);
        read = 1;
      }
      if (read === 0) {
        for (let i = waiters.length - 1; i >= 0; i--) {
          const w = waiters[i] as (typeof waiters)[number];
          if (started > w.afterCycle) {
            waiters.splice(i, 1);
            w.resolve();
          }
        }
        if (!stopped) await new Promise((r) => setTimeout(r, interval));
      }
    }
  })();

  return {
    settle(timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`stream consumer did not settle within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          afterCycle: cycle,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    async stop() {
      stopped = true;
      await loop;
      ddb.destroy();
      streams.destroy();
    },
    stats: () => ({ ...stats }),
  };
}
