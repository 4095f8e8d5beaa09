import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CognitoLocal, startCognitoLocal } from './cognito.ts';
import { DEFAULT_BUCKET, DEFAULT_PORTS, DEFAULT_SPA_ORIGIN } from './constants.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb.ts';
import { type Log, onParentExit } from './process.ts';
import { type S3Local, startS3Local } from './s3.ts';
import { type SesLocal, startSesLocal } from './ses.ts';

export {
  DEFAULT_BUCKET,
  DEFAULT_PORTS,
  DEFAULT_SPA_ORIGIN,
  LOCAL_AWS_CREDENTIALS,
  LOCAL_REGION,
  localCredentials,
} from './constants.ts';
export { getFreePort } from './process.ts';

export type ServiceName = keyof typeof DEFAULT_PORTS;

export interface LocalServicesOptions {
  /** Keep DynamoDB tables, Cognito users/pool and S3 objects here across restarts. */
  persistDir?: string;
  ports?: Partial<Record<ServiceName, number>>;
  log?: Log;
  /** Default `mcr-local-uploads`. */
  bucket?: string;
  /** Origins allowed by the bucket's CORS rule. Default `http://localhost:8080`. */
  allowedOrigins?: readonly string[];
  /** Where the DynamoDB Local jar is cached. Default `<repo>/.local/dynamodb-local`. */
  dynamodbInstallDir?: string;
}

export interface LocalServiceEndpoints {
  dynamodbEndpoint: string;
  cognitoEndpoint: string;
  userPoolId: string;
  userPoolClientId: string;
  /** Token `iss`: `${cognitoEndpoint}/${userPoolId}`. */
  issuer: string;
  jwksUri: string;
  s3Endpoint: string;
  bucket: string;
  sesEndpoint: string;
}

export interface LocalServices extends LocalServiceEndpoints {
  /** Child processes (S3 and SES run in-process). */
  pids: { dynamodb: number; cognito: number };
  /** Start-up time per service in ms (they start in parallel). */
  startupMs: Record<ServiceName | 'total', number>;
  /** Stops everything started here; safe to call more than once. */
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface ResolvedOptions {
  ports: Record<ServiceName, number>;
  persistDir: string | undefined;
  bucket: string;
  allowedOrigins: readonly string[];
  dynamodbInstallDir: string;
  log: Log;
}

/** All option checks in one place, before anything is started. */
function resolveOptions(opts: LocalServicesOptions): ResolvedOptions {
  const ports = { ...DEFAULT_PORTS, ...opts.ports };
  for (const [name, port] of Object.entries(ports)) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`startLocalServices: invalid ${name} port ${String(port)}`);
    }
  }
  if (new Set(Object.values(ports)).size !== Object.keys(ports).length) {
    throw new Error(`startLocalServices: ports must differ: ${JSON.stringify(ports)}`);
  }
  const bucket = opts.bucket ?? DEFAULT_BUCKET;
  // S3 bucket naming rules (the subset that matters for path-style local use).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new Error(`startLocalServices: invalid bucket name "${bucket}"`);
  }
  const allowedOrigins = opts.allowedOrigins ?? [DEFAULT_SPA_ORIGIN];
  for (const origin of allowedOrigins) {
    if (origin !== '*' && new URL(origin).origin !== origin) {
      throw new Error(`startLocalServices: "${origin}" is not an origin (scheme://host[:port])`);
    }
  }
  const toAbsolute = (p: string): string => (isAbsolute(p) ? p : resolve(p));
  return {
    ports,
    persistDir: opts.persistDir === undefined ? undefined : toAbsolute(opts.persistDir),
    bucket,
    allowedOrigins,
    dynamodbInstallDir: toAbsolute(opts.dynamodbInstallDir ?? join(REPO_ROOT, '.local', 'dynamodb-local')),
    log: opts.log ?? (() => {}),
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - started) };
}

export async function startLocalServices(opts: LocalServicesOptions = {}): Promise<LocalServices> {
  const o = resolveOptions(opts);
  const started = performance.now();
  // Without persistDir, Cognito and S3 still need a directory: a fresh one per run.
  const scratch = o.persistDir ? undefined : await mkdtemp(join(tmpdir(), 'mcr-local-'));
  const cancelScratchCleanup = scratch ? onParentExit(() => rmSync(scratch, { recursive: true, force: true })) : () => {};
  const dataRoot = o.persistDir ?? scratch ?? '';

  const results = await Promise.allSettled([
    timed(() =>
      startDynamoDbLocal({
        port: o.ports.dynamodb,
        installDir: o.dynamodbInstallDir,
        ...(o.persistDir ? { dataDir: join(o.persistDir, 'dynamodb') } : {}),
        log: o.log,
      }),
    ),
    timed(() => startCognitoLocal({ port: o.ports.cognito, dataDir: join(dataRoot, 'cognito'), log: o.log })),
    timed(() =>
      startS3Local({
        port: o.ports.s3,
        bucket: o.bucket,
        dataDir: join(dataRoot, 's3'),
        allowedOrigins: o.allowedOrigins,
        log: o.log,
      }),
    ),
    timed(() => startSesLocal({ port: o.ports.ses, log: o.log })),
  ]);
  const [ddb, cognito, s3, ses] = results;
  const stoppables = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.value] : []));

  const stopAll = async (): Promise<void> => {
    await Promise.allSettled(stoppables.map((s) => s.stop()));
    if (scratch) {
      cancelScratchCleanup();
      await rm(scratch, { recursive: true, force: true });
    }
  };

  if (ddb.status !== 'fulfilled' || cognito.status !== 'fulfilled' || s3.status !== 'fulfilled' || ses.status !== 'fulfilled') {
    await stopAll();
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    throw new AggregateError(reasons, `local services failed to start: ${reasons.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')}`);
  }

  const d: DynamoDbLocal = ddb.value.value;
  const c: CognitoLocal = cognito.value.value;
  const s: S3Local = s3.value.value;
  const e: SesLocal = ses.value.value;
  const startupMs = {
    dynamodb: ddb.value.ms,
    cognito: cognito.value.ms,
    s3: s3.value.ms,
    ses: ses.value.ms,
    total: Math.round(performance.now() - started),
  };
  o.log(`[local] all services up in ${startupMs.total} ms ${JSON.stringify(startupMs)}`);

  let stopping: Promise<void> | undefined;
  return {
    dynamodbEndpoint: d.endpoint,
    cognitoEndpoint: c.endpoint,
    userPoolId: c.userPoolId,
    userPoolClientId: c.userPoolClientId,
    issuer: c.issuer,
    jwksUri: c.jwksUri,
    s3Endpoint: s.endpoint,
    bucket: s.bucket,
    sesEndpoint: e.endpoint,
    pids: { dynamodb: d.pid, cognito: c.pid },
    startupMs,
    stop() {
      stopping ??= timed(stopAll).then(({ ms }) => o.log(`[local] all services stopped in ${ms} ms`));
      return stopping;
    },
  };
}
