import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getFreePort } from '../services/index.ts';
import { REPO_ROOT, startStack } from '../stack.ts';

// This machine runs Node 20 (Lambda runs 22): the SDK's notice about Node 22 is known and only noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const HELP = `npm start [-- options]

  --persist           keep data between runs (in .local/data); default: fresh demo data each start
  --port N            front door port (default: $PORT or 8080)
  --random-ports      use free random ports for every service (tests)
  --ready-file FILE   write endpoints and demo logins as JSON once ready (tests)
  --no-build          do not build the SPA first
  --quiet             print only the ready line
  --scheduler MODE    tick: the daily 09:00 JST reminders run by themselves (default);
                      manual: only on POST /__local/scheduler/run {"now": ISO} (default with --ready-file: tests)
`;

const { values } = parseArgs({
  options: {
    persist: { type: 'boolean', default: false },
    port: { type: 'string' },
    'random-ports': { type: 'boolean', default: false },
    'ready-file': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    scheduler: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const port = Number(values.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}
const say = values.quiet ? () => undefined : (line: string) => console.log(line);

const distIndex = path.join(REPO_ROOT, 'frontend/dist/index.html');
if (!values['no-build']) {
  say('SPA をビルドしています / building the SPA …');
  const r = spawnSync('npm', ['run', '-s', 'build', '-w', 'frontend'], { cwd: REPO_ROOT, stdio: values.quiet ? 'ignore' : 'inherit' });
  if (r.status !== 0) {
    console.error('SPA build failed.');
    process.exit(1);
  }
} else if (!existsSync(distIndex)) {
  say('note: frontend/dist is missing; the API works, the SPA will not.');
}

const ports = values['random-ports']
  ? { dynamodb: await getFreePort(), cognito: await getFreePort(), s3: await getFreePort(), ses: await getFreePort() }
  : undefined;
const frontPort = values['random-ports'] && !values.port ? await getFreePort() : port;

const stack = await startStack({
  port: frontPort,
  ...(values.persist ? { persistDir: path.join(REPO_ROOT, '.local/data') } : {}),
  ...(ports ? { ports } : {}),
  scheduler: values.scheduler === 'tick' || values.scheduler === 'manual' ? values.scheduler : values['ready-file'] ? 'manual' : 'tick',
  log: values.quiet ? () => undefined : (line) => console.log(`  ${line}`),
});

// `npm run token` reads this file to find the running user pool; it is removed on stop.
const readyFile = values['ready-file'] ?? path.join(REPO_ROOT, '.local/running.json');
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  say(`\n${signal}: 停止しています / stopping …`);
  rmSync(readyFile, { force: true });
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

mkdirSync(path.dirname(readyFile), { recursive: true });
writeFileSync(
  readyFile,
  JSON.stringify(
    {
      url: stack.url,
      pid: process.pid,
      services: { ...stack.services, stop: undefined },
      logins: stack.logins,
      tableName: stack.tableName,
      timings: stack.timings,
    },
    null,
    2,
  ),
);

if (!values.quiet) {
  const rows = stack.logins.map((l) => `  ${l.role.padEnd(16)} ${l.email.padEnd(40)} TOTP secret ${l.totpSecret}   (${l.tenant} / ${l.organisation})`);
  console.log(`
医療機関サイバーセキュリティ対策 — local stack is up in ${(stack.timings.total ?? 0) / 1000} s
  アプリ / App:        ${stack.url}
  API:                 ${stack.url}/api/openapi.json
  DynamoDB Local:      ${stack.services.dynamodbEndpoint}
  User pool (Cognito): ${stack.services.cognitoEndpoint}  pool ${stack.services.userPoolId}
  S3:                  ${stack.services.s3Endpoint}   SES mail sink: ${stack.services.sesEndpoint}/store
  Data:                ${values.persist ? 'kept in .local/data (--persist)' : 'fresh each start (use `npm start -- --persist` to keep it)'}

デモ用ログイン / Demo logins — password for all: ${stack.logins[0]?.password}
${rows.join('\n')}

  Sign-in asks for a 6-digit code: add the TOTP secret to an authenticator app, or run
    npm run -s totp -- <email>      (prints the current code)
    npm run -s token -- <email>     (signs in for real and prints an access token for curl)
Ctrl-C で停止 / Ctrl-C stops everything.`);
} else {
  console.log(`ready ${stack.url}`);
}
