import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';

/** A transaction lost to another one touching the same item (another stream shard adding to the same counters). */
export function isTransactionConflict(err: unknown): boolean {
  return (
    (err instanceof TransactionCanceledException && (err.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict')) ||
    (err as { name?: string }).name === 'TransactionConflictException'
  );
}

/**
 * Sends a read model's transaction, retrying conflicts with backoff and jitter (9 tries, ≤ 2 s apart). With the
 * same ClientRequestToken a try that did land is not applied twice. Other errors go to the caller (and the
 * stream retries the batch).
 */
export async function transactWithConflictRetry(db: Db, input: TransactWriteCommandInput): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.doc.send(new TransactWriteCommand(input));
      return;
    } catch (err) {
      if (!isTransactionConflict(err) || attempt >= 8) throw err;
      await new Promise((r) => setTimeout(r, Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}
