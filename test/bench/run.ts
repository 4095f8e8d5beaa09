import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { routeList } from '@mcr/contract';
import { createDb, createRepositories } from '@mcr/data';
import { build } from 'esbuild';
import { bundlingOf, esbuildOptionsOf, routeEntry, WORKER_ENTRIES } from '../../infra/lib/bundling.ts';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import type { RunningStackInfo } from '../support/stack-info.ts';
import { inspectionsBench } from './inspections-bench.ts';
import { type Baseline, baseline, scaleBench } from './scale-bench.ts';
import { exportBench } from './export-bench.ts';

/**
 * `npm run bench`: measures, never asserts. Lambda bundle sizes (as CDK bundles them), local stack
 * start-up, and API latency through the front door against DynamoDB Local. Bounded loops on loopback only.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const REPO = path.resolve(import.meta.dirname, '../..');

async function bundleSizes() {
  // Exactly as the stack bundles each function (infra/lib/bundling.ts); test/infra/bundles.test.ts holds them to 150 KB.
  console.log('\nLambda bundles (esbuild, minified ESM, as in the CDK stack: @aws-sdk external, exceljs beside the xlsx functions)');
  const functions = [
    ...routeList.map((r) => [`route/${r.id}`, routeEntry(REPO, r.handler)] as const),
    ...Object.entries(WORKER_ENTRIES).map(([name, entry]) => [`worker/${name}`, path.join(REPO, entry)] as const),
  ];
  for (const [name, entry] of functions) {
    const r = await build({ ...esbuildOptionsOf(bundlingOf(name)), entryPoints: [entry], write: false, sourcemap: false, logLevel: 'silent' });
    console.log(`  ${name.padEnd(40)} ${((r.outputFiles[0]?.contents.length ?? 0) / 1024).toFixed(1).padStart(7)} KiB`);
  }
}

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function measure(label: string, n: number, fn: (i: number) => Promise<Response>, yardstick?: { name: string; ms: number }) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fn(i);
    await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`${label}: HTTP ${res.status}`);
    times.push(performance.now() - t);
  }
  console.log(
    `  ${label.padEnd(44)} n=${n}  p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  max ${Math.max(...times).toFixed(1)} ms${yardstick ? `  (${(percentile(times, 50) / yardstick.ms).toFixed(1)}× ${yardstick.name})` : ''}`,
  );
}

async function api() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcr-bench-'));
  const ready = path.join(dir, 'ready.json');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO, 'packages/local/src/cli/start.ts'), '--random-ports', '--no-build', '--quiet', '--ready-file', ready],
    { cwd: REPO, stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'error', RESPONSE_VALIDATION: 'off' } },
  );
  try {
    while (!existsSync(ready)) {
      if (child.exitCode !== null) throw new Error('stack exited');
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 100));
    console.log(
      `\nLocal stack: ready in ${((performance.now() - started) / 1000).toFixed(1)} s (services, table, seed of 125 facilities and 9 users, front door)`,
    );
    const info = JSON.parse(readFileSync(ready, 'utf8')) as RunningStackInfo;
    const flows = new CognitoAuthFlows({
      endpoint: info.services.cognitoEndpoint,
      userPoolId: info.services.userPoolId,
      clientId: info.services.userPoolClientId,
    });
    const tokenOf = async (email: string) => {
      const l = info.logins.find((x) => x.email === email);
      if (!l) throw new Error(email);
      return (await flows.signIn(l)).accessToken;
    };
    const facility = await tokenOf('hospital-admin@tokushima.example.jp');
    const pref = await tokenOf('pref-admin@tokushima.example.jp');
    flows.destroy();
    const get = (p: string, t: string) => fetch(`${info.url}${p}`, { headers: { authorization: `Bearer ${t}` } });
    const resp = '/api/campaigns/r6-facility/facilities/f001/response';
    console.log('API through the local front door (one client, sequential; DynamoDB Local, not AWS — compare runs, not absolutes)');
    const base: Baseline = await baseline(info);
    await measure('GET /api/me', 200, () => get('/api/me', facility));
    await measure('GET response (R6 template + answers)', 200, () => get(resp, facility));
    let version = ((await (await get(resp, facility)).json()) as { version: number }).version;
    await measure(
      'PUT answers (conditional write + audit)',
      200,
      async (i) => {
        const res = await fetch(`${info.url}${resp}/answers`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${facility}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            expectedVersion: version,
            changes: [
              {
                itemId: '1-1',
                deviceClass: 'system',
                round: 1,
                answer: { value: i % 2 ? 'yes' : 'no', checkedOn: '2024-07-01', ...(i % 2 ? {} : { targetDate: '2024-12-01' }) },
              },
            ],
          }),
        });
        version++;
        return res;
      },
      { name: 'PutItem', ms: base.putItem },
    );
    await measure('GET campaign progress (120 facilities)', 100, () => get('/api/campaigns/r6-facility/progress', pref));
    await importBench(info, pref);
    await scaleBench(info, pref, base);
    // 操作履歴 after the 15,000-facility import and the saves above wrote their entries: one JSON page (what the page
    // shows) and the CSV (up to 5,000 entries), both for the last 30 days; they grow with activity, not facilities.
    const yardstick = { name: 'GetItem', ms: base.getItem };
    await measure('GET /api/audit (JSON page of 100)', 50, () => get('/api/audit', pref), yardstick);
    await measure('GET /api/audit?format=csv (≤ 5,000)', 20, () => get('/api/audit?format=csv', pref), yardstick);
    await measure('GET /api/audit?format=csv, one facility', 20, () => get('/api/audit?format=csv', facility), yardstick);
    await inspectionsBench(info, pref, base);
    await exportBench(info, pref);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The prefecture's biggest file: 15,000 facilities (Tokyo has ~630 hospitals + ~14,500 clinics), as the SPA sends it. */
async function importBench(info: RunningStackInfo, token: string) {
  const url = info.url;
  // The import takes only the prefecture's registered 保健所 (it refuses the whole file otherwise), and there is no
  // route to register one: the bench's twelve are written straight into the table, as a prefecture's set-up would.
  const repos = createRepositories(createDb({ tableName: info.tableName, region: 'ap-northeast-1', endpoint: info.services.dynamodbEndpoint }), {
    tenantId: '36',
  });
  for (let i = 0; i < 12; i++) await repos.healthCenters.put({ id: `hc-bench-${i}`, name: `ベンチ保健所${i}`, medicalAreaName: `圏域${i}` });
  const kinds = [
    ['病院', '1', 150],
    ['診療所', '1', 0],
    ['歯科診療所', '3', 0],
    ['薬局', '4', 0],
  ] as const;
  const rows = Array.from({ length: 15_000 }, (_, i) => {
    const [kind, digit, beds] = kinds[i % 4] as (typeof kinds)[number];
    return {
      row: i + 2,
      name: `ベンチ医療機関${i}`,
      kind,
      beds: String(beds),
      healthCenter: `ベンチ保健所${i % 12}`,
      medicalArea: `圏域${i % 12}`,
      medicalInstitutionCode: `36${digit}${String(5_000_000 + i).padStart(7, '0')}`,
      address: '徳島県',
      contactEmail: '',
    };
  });
  const post = (path: string, chunk: unknown[]) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: chunk }),
    });
  for (const [label, path, size] of [
    ['preview', '/api/facilities/import/preview', 2000],
    ['import', '/api/facilities/import', 500],
  ] as const) {
    const t = performance.now();
    for (let i = 0; i < rows.length; i += size) {
      const res = await post(path, rows.slice(i, i + size));
      if (!res.ok) throw new Error(`${label}: HTTP ${res.status} ${await res.text()}`);
    }
    console.log(`  facility ${label.padEnd(8)} 15,000 rows in chunks of ${size}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

await bundleSizes();
await api();
