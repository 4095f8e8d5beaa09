import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildOpenApi } from '@mcr/contract';
import { createDb, createRepositories } from '@mcr/data';
import { createAuthFlows } from './cognito/auth-flows.ts';
import { createFrontDoor } from './front-door.ts';
import { kagawa, tokushima } from './seed/demo-data.ts';
import { seedDemoDocuments } from './seed/demo-documents.ts';
// trainings:begin
import { seedDemoTrainings } from './seed/demo-trainings.ts';
// trainings:end
import { seedDemoVendorCampaign } from './seed/demo-vendor-campaign.ts';
import { type DemoLogin, ensureTable, seedOperator, seedTenant } from './seed/seed.ts';
import { type LocalServices, type ServiceName, startLocalServices } from './services/index.ts';
import { LOCAL_REGION } from './services/constants.ts';
// scheduler:begin
import { type LocalScheduler, startLocalScheduler } from './scheduler.ts';
// scheduler:end
import { type StreamPoller, startStreamPoller } from './streams.ts';
// iam:begin
import { asFunction, noteCall, startSdkRecording } from './sdk-recorder.ts';
// iam:end

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Writes the OpenAPI document where the openapi.get handler reads it (OPENAPI_FILE) and returns the path. */
function writeOpenApiDocument(persistDir: string | undefined): string {
  const dir = persistDir ?? mkdtempSync(path.join(tmpdir(), 'mcr-openapi-'));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(buildOpenApi()));
  return file;
}
const TABLE_NAME = 'mcr-local';

/**
 * The local stand-in for the asynchronous invoke of the job worker Lambda: the same worker module, run in this
 * process after the request that queued the job has answered (see functions/src/services/jobs.ts).
 */
/** Jobs started in-process and not finished yet: `/__local/settle` waits for them (and for what they write). */
const runningJobs = new Set<Promise<void>>();

async function registerLocalJobWorker(log: (line: string) => void): Promise<void> {
  const fn = (file: string) => pathToFileURL(path.join(REPO_ROOT, 'functions/src', file)).href;
  const jobs = (await import(fn('services/jobs.ts'))) as typeof import('../../../functions/src/services/jobs.ts');
  const worker = (await import(fn('workers/job-worker.ts'))) as typeof import('../../../functions/src/workers/job-worker.ts');
  jobs.setLocalJobInvoker((payload) => {
    // iam: in AWS the route invokes the worker function (lambda:InvokeFunction); the worker's calls are its own.
    noteCall('lambda:InvokeFunction', 'job-worker');
    const run: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => asFunction('jobWorker', () => worker.handler(JSON.parse(payload))))
      .catch((err: Error) => log(`[jobs] worker failed: ${err.message}`))
      .finally(() => runningJobs.delete(run));
    runningJobs.add(run);
  });
}

/**
 * Waits until the stream consumer has processed every earlier write and no in-process job is running: a record
 * may start a job (cross-checks of a vendor's facilities), whose writes are records again, so both are awaited
 * in turn until neither has anything left.
 */
async function settleAll(streams: StreamPoller): Promise<void> {
  for (;;) {
    await streams.settle();
    if (runningJobs.size === 0) return;
    await Promise.all([...runningJobs]);
  }
}

export interface StackOptions {
  port: number;
  /** Keep data between runs in this folder (DynamoDB, user pool, S3). */
  persistDir?: string;
  // scheduler:begin
  /** `tick`: the daily 09:00 JST reminders run by themselves (npm start); `manual` (default): only on `POST /__local/scheduler/run`. */
  scheduler?: 'tick' | 'manual';
  // scheduler:end
  ports?: Partial<Record<ServiceName, number>>;
  log?: (line: string) => void;
}

export interface RunningStack {
  url: string;
  services: LocalServices;
  logins: DemoLogin[];
  tableName: string;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Brings up the whole product on one machine: the AWS stand-ins, the table, the demo data and the
 * front door that serves the SPA and runs the real handlers.
 */
export async function startStack(opts: StackOptions): Promise<RunningStack> {
  const log = opts.log ?? (() => undefined);
  const t0 = performance.now();
  const url = `http://localhost:${opts.port}`;
  const services = await startLocalServices({
    ...(opts.persistDir ? { persistDir: opts.persistDir } : {}),
    ...(opts.ports ? { ports: opts.ports } : {}),
    allowedOrigins: [url, `http://127.0.0.1:${opts.port}`],
    log,
  });
  const timings: Record<string, number> = { services: Math.round(performance.now() - t0) };
  let server: Server | undefined;
  let poller: StreamPoller | undefined;
  let scheduler: LocalScheduler | undefined;
  try {
    // The handlers read their configuration from the environment once, exactly as in Lambda.
    Object.assign(process.env, {
      TABLE_NAME,
      AWS_REGION: LOCAL_REGION,
      COGNITO_ISSUER: services.issuer,
      COGNITO_CLIENT_ID: services.userPoolClientId,
      COGNITO_USER_POOL_ID: services.userPoolId,
      COGNITO_ENDPOINT: services.cognitoEndpoint,
      SES_ENDPOINT: services.sesEndpoint,
      MAIL_FROM: 'no-reply@mcr.example.jp',
      // ops:begin — as in AWS: every send names the configuration set (the SES sink accepts and ignores it), every
      // checked file gets its Object Lock retention on the copy (s3rver ignores it); decision 0024.
      MAIL_CONFIGURATION_SET: 'mcr-local-mail',
      FILES_RETENTION_DAYS: '1826',
      // ops:end
      APP_URL: url,
      JWKS_URI: services.jwksUri,
      DYNAMODB_ENDPOINT: services.dynamodbEndpoint,
      S3_ENDPOINT: services.s3Endpoint,
      // One local bucket; exports live under `exports/<tenant>/` in it, as in the exports bucket in AWS.
      EXPORTS_BUCKET: services.bucket,
      // Uploaded files too, under `quarantine/<tenant>/` and `files/<tenant>/` (a bucket of their own in AWS).
      FILES_BUCKET: services.bucket,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // Every answer is checked against the contract locally; the bench turns it off to measure as AWS runs.
      RESPONSE_VALIDATION: process.env.RESPONSE_VALIDATION === 'off' ? 'off' : 'on',
      // lean: the OpenAPI document the openapi.get function reads, written from the route table at each start (in AWS,
      // at bundling time beside its bundle; infra/lib/bundling.ts).
      OPENAPI_FILE: writeOpenApiDocument(opts.persistDir),
    });
    // iam:begin — the test stacks record every SDK call of the functions (MCR_SDK_RECORD, decision 0022).
    startSdkRecording(process.env.MCR_SDK_RECORD, TABLE_NAME);
    // iam:end
    const db = createDb({ tableName: TABLE_NAME, region: LOCAL_REGION, endpoint: services.dynamodbEndpoint });
    await registerLocalJobWorker(log);
    const created = await ensureTable(db);
    // The read-model consumer: the same code as the Lambda on the table's stream in AWS.
    const consumer = (await import(
      pathToFileURL(path.join(REPO_ROOT, 'functions/src/streams/read-models.ts')).href
    )) as typeof import('../../../functions/src/streams/read-models.ts');
    poller = await startStreamPoller({
      endpoint: services.dynamodbEndpoint,
      tableName: TABLE_NAME,
      // A kept table's earlier records were processed in an earlier run; its aggregates are verified below.
      from: created ? 'TRIM_HORIZON' : 'LATEST',
      consume: async (records) => {
        await asFunction('readModels', () => consumer.processStreamRecords(db, records, consumer.batchIdOf(records)));
      },
      log,
    });
    const t1 = performance.now();
    const loginsFile = opts.persistDir ? path.join(opts.persistDir, 'demo-logins.json') : undefined;
    let logins: DemoLogin[];
    const seeded = await createRepositories(db, { tenantId: '36' }).tenant.get();
    if (seeded && loginsFile && existsSync(loginsFile)) {
      logins = JSON.parse(readFileSync(loginsFile, 'utf8')) as DemoLogin[];
    } else {
      const auth = createAuthFlows(services);
      try {
        logins = [await seedOperator(auth), ...(await seedTenant(db, auth, tokushima(), { answeringFrom: 40 })), ...(await seedTenant(db, auth, kagawa()))];
        await seedDemoVendorCampaign(db, tokushima());
        await seedDemoDocuments(db, '36', { endpoint: services.s3Endpoint, bucket: services.bucket });
        // trainings:begin
        await seedDemoTrainings(db, tokushima(), logins);
        // trainings:end
      } finally {
        auth.destroy();
      }
      if (loginsFile) {
        mkdirSync(path.dirname(loginsFile), { recursive: true });
        writeFileSync(loginsFile, JSON.stringify(logins, null, 2));
      }
    }
    await poller.settle(120_000);
    timings.seed = Math.round(performance.now() - t1);
    const streams = poller;
    // scheduler:begin
    // The daily reminders: the same handler code as the Lambda EventBridge Scheduler invokes in AWS.
    const reminders = (await import(
      pathToFileURL(path.join(REPO_ROOT, 'functions/src/scheduled/reminders.ts')).href
    )) as typeof import('../../../functions/src/scheduled/reminders.ts');
    scheduler = startLocalScheduler({
      mode: opts.scheduler ?? 'manual',
      runReminders: (now) => asFunction('reminders', () => reminders.runReminders(db, { now })),
      log,
    });
    const dailyRun = scheduler;
    // scheduler:end
    server = createFrontDoor({
      port: opts.port,
      staticDir: path.join(REPO_ROOT, 'frontend/dist'),
      handlersDir: path.join(REPO_ROOT, 'functions/src/handlers'),
      spaConfig: {
        region: LOCAL_REGION,
        cognitoEndpoint: services.cognitoEndpoint,
        userPoolId: services.userPoolId,
        userPoolClientId: services.userPoolClientId,
        apiBase: '/api',
        stage: 'local',
      },
      // edge:begin — the CSP's connect-src: the browser posts uploads to the S3 stand-in (presigned POST)
      connectSources: [services.s3Endpoint],
      // edge:end
      log,
      localEndpoints: {
        // scheduler:begin
        '/__local/scheduler/run': async (body) => {
          const at = typeof body.now === 'string' ? new Date(body.now) : new Date();
          if (Number.isNaN(at.getTime())) throw Object.assign(new Error('now is not an ISO time'), { status: 400 });
          // What the run reads (a response just returned, a registration) is in the read models first.
          await settleAll(streams);
          const summary = await dailyRun.run(at);
          await settleAll(streams);
          return summary;
        },
        // scheduler:end
        '/__local/settle': async () => {
          await settleAll(streams);
          return { settled: true, ...streams.stats() };
        },
      },
    });
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject);
      server?.listen(opts.port, '127.0.0.1', () => resolve());
    });
    timings.total = Math.round(performance.now() - t0);
    const running = server;
    return {
      url,
      services,
      logins,
      tableName: TABLE_NAME,
      timings,
      async stop() {
        running.closeAllConnections();
        await new Promise<void>((resolve) => running.close(() => resolve()));
        await dailyRun.stop();
        await streams.stop();
        db.doc.destroy();
        await services.stop();
      },
    };
  } catch (err) {
    server?.close();
    await scheduler?.stop();
    await poller?.stop();
    await services.stop();
    throw err;
  }
}
