import { createLogger, type Logger, type LogLevel } from './logger.ts';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * The structured logger of a function outside the request pipeline (stream consumer, job worker, reminders;
 * decision 0024): the same JSON lines as the routes' (functions/src/pipeline/logger.ts), with the function's name and
 * the Lambda request id, so Logs Insights filters all of them by `requestId` and `tenantId` alike. It reads LOG_LEVEL
 * only: these functions must log even when the rest of their environment is wrong.
 */
export function backgroundLogger(fn: string, context?: { awsRequestId?: string }, fields: Record<string, unknown> = {}): Logger {
  const wanted = process.env.LOG_LEVEL as LogLevel | undefined;
  const level = wanted && LEVELS.includes(wanted) ? wanted : 'info';
  return createLogger(level, { fn, requestId: context?.awsRequestId ?? 'local', ...fields });
}

/** The tenants a batch of keys belongs to (every key starts with `T#<tenant>`), at most `max` of them, for a log line. */
export function tenantsOfKeys(keys: readonly (string | undefined)[], max = 20): string[] {
  const tenants = new Set<string>();
  for (const key of keys) {
    const m = key ? /^T#([^#]+)/.exec(key) : null;
    if (m?.[1]) tenants.add(m[1]);
    if (tenants.size >= max) break;
  }
  return [...tenants];
}

/** An error as log fields: its name and message (and the stack at debug level only would be noise in CloudWatch). */
export function errorFields(err: unknown): Record<string, unknown> {
  return err instanceof Error ? { error: err.name, message: err.message } : { error: String(err) };
}
