/**
 * Mutation testing only (vitest.mutation.config.ts): a front door inside the test worker, so that the handlers, the
 * pipeline, the services and the repositories run in the process where Stryker switches its mutants on.
 *
 * The local stack (test/support/global-stack.ts) still provides DynamoDB Local, cognito-local, s3rver, the SES sink,
 * the demo data and the read-model consumer; only the API's handlers run here instead of in the stack's process.
 * `stackInfo().url` is pointed at this door for the test file, so `api()` and every helper reach the code under
 * mutation without a change. `POST /__local/settle` and `/__local/scheduler/run` are passed on to the stack.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildOpenApi } from '@mcr/contract';
import { afterAll, beforeAll } from 'vitest';
import { createFrontDoor } from '../../packages/local/src/front-door.ts';
import { LOCAL_REGION } from '../../packages/local/src/services/constants.ts';
import { setLocalJobInvoker } from '../../functions/src/services/jobs.ts';
import { stackInfo } from '../support/stack-info.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const info = stackInfo();
const stackUrl = info.url;
const s = info.services;

/** The OpenAPI document openapi.get serves, written as the stack writes its own at start. */
const openApiFile = path.join(mkdtempSync(path.join(tmpdir(), 'mcr-mutation-openapi-')), 'openapi.json');
writeFileSync(openApiFile, JSON.stringify(buildOpenApi()));

// As packages/local/src/stack.ts configures the handlers (they read the environment once per process).
Object.assign(process.env, {
  TABLE_NAME: info.tableName,
  AWS_REGION: LOCAL_REGION,
  COGNITO_ISSUER: s.issuer,
  COGNITO_CLIENT_ID: s.userPoolClientId,
  COGNITO_USER_POOL_ID: s.userPoolId,
  COGNITO_ENDPOINT: s.cognitoEndpoint,
  SES_ENDPOINT: s.sesEndpoint,
  MAIL_FROM: 'no-reply@mcr.example.jp',
  MAIL_CONFIGURATION_SET: 'mcr-local-mail',
  FILES_RETENTION_DAYS: '1826',
  APP_URL: stackUrl,
  JWKS_URI: s.jwksUri,
  DYNAMODB_ENDPOINT: s.dynamodbEndpoint,
  S3_ENDPOINT: s.s3Endpoint,
  EXPORTS_BUCKET: s.bucket,
  FILES_BUCKET: s.bucket,
  LOG_LEVEL: 'error',
  RESPONSE_VALIDATION: 'on',
  OPENAPI_FILE: openApiFile,
});

/** Jobs the handlers here started: run here too (as the stack runs its own), awaited by settle. */
const runningJobs = new Set<Promise<void>>();
setLocalJobInvoker((payload) => {
  const run: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      const worker = await import('../../functions/src/workers/job-worker.ts');
      await worker.handler(JSON.parse(payload));
    })
    .catch(() => undefined)
    .finally(() => runningJobs.delete(run));
  runningJobs.add(run);
});

async function passOn(pathname: string, body: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${stackUrl}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw Object.assign(new Error(`${pathname}: ${res.status}`), { status: res.status });
  return res.json();
}

async function settle(): Promise<unknown> {
  for (;;) {
    const answer = await passOn('/__local/settle', {});
    if (runningJobs.size === 0) return answer;
    await Promise.all([...runningJobs]);
  }
}

let server: Server | undefined;

beforeAll(async () => {
  const door = createFrontDoor({
    port: 0,
    handlersDir: path.join(REPO, 'functions/src/handlers'),
    spaConfig: {},
    localEndpoints: {
      '/__local/settle': () => settle(),
      '/__local/scheduler/run': async (body) => {
        await settle();
        return passOn('/__local/scheduler/run', body);
      },
    },
  });
  // Counts the requests it answers: test/mutation/door.test.ts checks that the API calls come here.
  door.on('request', () => {
    (globalThis as { __inProcessRequests?: number }).__inProcessRequests = ((globalThis as { __inProcessRequests?: number }).__inProcessRequests ?? 0) + 1;
  });
  server = door;
  await new Promise<void>((resolve, reject) => {
    door.once('error', reject);
    door.listen(0, '127.0.0.1', () => resolve());
  });
  info.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all([...runningJobs]);
  info.url = stackUrl;
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});
