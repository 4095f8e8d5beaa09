import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { JOB_WORKER_NODE_OPTIONS } from '../../infra/lib/runtime-options.ts';
import path from 'node:path';
import type { FacilityRecord } from '@mcr/data';
import { createDb, createRepositories } from '@mcr/data';
import { type Answers, evaluationSummary, getBuiltInTemplate, type Template } from '@mcr/domain';
import type { RunningStackInfo } from '../support/stack-info.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const R6 = getBuiltInTemplate('mhlw-facility-r6') as Template;

/** A plausible half-answered checklist: some はい, some いいえ with (partly overdue) target dates. */
function answersFor(i: number): Answers {
  const a: Answers = { 'gate:system': { '1': { value: 'yes', checkedOn: '2024-07-01' } } };
  R6.sections
    .flatMap((s) => s.items)
    .forEach((item, n) => {
      if (item.gate || (i + n) % 3 === 0) return;
      for (const device of item.cells) {
        a[`${item.id}:${device}`] =
          (i + n) % 4 === 0
            ? { '1': { value: 'no', checkedOn: '2024-07-02', targetDate: n % 2 ? '2024-09-30' : '2025-03-31' } }
            : { '1': { value: 'yes', checkedOn: '2024-07-02' } };
      }
    });
  return a;
}

/**
 * The prefecture-wide export at Tokyo's size: a campaign of `count` responses is written straight to DynamoDB
 * Local (as campaign creation would), then exported through the API (queue → worker → S3 → link) and, alone in
 * a child process, by the worker code (time and peak RSS of the export itself).
 */
export async function exportBench(info: RunningStackInfo, token: string, count = 15_000): Promise<void> {
  const db = createDb({ tableName: info.tableName, region: 'ap-northeast-1', endpoint: info.services.dynamodbEndpoint });
  const repos = createRepositories(db, { tenantId: '36' });
  const campaignId = `bench-export-${Date.now()}`;
  const t0 = performance.now();
  const initial = Array.from({ length: count }, (_, i) => {
    const facility: FacilityRecord = {
      id: `bx${String(i).padStart(5, '0')}`,
      name: `ベンチ医療機関${i}`,
      kind: i % 20 === 0 ? 'hospital' : 'clinic',
      beds: 0,
      healthCenterId: `hc-b${i % 12}`,
      healthCenterName: `ベンチ保健所${i % 12}`,
      medicalAreaName: `圏域${i % 12}`,
      medicalInstitutionCode: `361${String(8_000_000 + i).padStart(7, '0')}`,
      address: '徳島県',
      contactEmail: '',
    };
    const answers = answersFor(i);
    const context = { hasVendorContract: i % 2 === 0 };
    return { facility, answers, context, evaluation: evaluationSummary(R6, answers, context, '2024-12-01') };
  });
  await repos.campaigns.create(
    {
      id: campaignId,
      title: { ja: 'ベンチ 令和6年度', en: 'Bench FY2024' },
      templateId: R6.id,
      fiscalYear: 2024,
      opensOn: '2024-06-01',
      deadline: '2025-03-31',
      createdAt: new Date().toISOString(),
    },
    initial,
    { userId: 'bench', name: 'bench', role: 'pref_admin', orgId: 'pref', requestId: 'bench' },
  );
  // Let the local stream consumer catch up, so that it does not compete with the export being measured.
  await fetch(`${info.url}/__local/settle`, { method: 'POST' }).catch(() => undefined);
  console.log(`  export: ${count.toLocaleString('en')} responses written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  for (const format of ['xlsx', 'csv'] as const) {
    const t = performance.now();
    const created = (await (
      await fetch(`${info.url}/api/exports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'campaign-answers', campaignId, format }),
      })
    ).json()) as { id: string };
    let job: { status: string; downloadUrl?: string; progress: { processed: number } };
    do {
      await new Promise((r) => setTimeout(r, 500));
      job = (await (await fetch(`${info.url}/api/exports/${created.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as typeof job;
    } while (job.status === 'queued' || job.status === 'running');
    const bytes = job.downloadUrl ? (await (await fetch(job.downloadUrl)).arrayBuffer()).byteLength : 0;
    console.log(
      `  export ${format.padEnd(4)} via the API (queue → worker in the stack → S3 → link): ${job.status}, ${job.progress.processed.toLocaleString('en')} facilities in ${((performance.now() - t) / 1000).toFixed(1)} s, ${(bytes / 1024 / 1024).toFixed(1)} MiB`,
    );
  }

  // Bundled as CDK bundles the worker Lambda (minified ESM, the SDK left to the runtime) and run by plain node:
  // a TypeScript loader would add its own memory to the figure.
  const worker = path.join(REPO, 'node_modules/.cache/mcr-bench/export-worker.mjs');
  await build({
    entryPoints: [path.join(REPO, 'test/bench/export-worker.ts')],
    outfile: worker,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    external: ['@aws-sdk/*'],
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  for (const format of ['xlsx', 'csv'] as const) {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [...JOB_WORKER_NODE_OPTIONS.split(' '), worker, campaignId, format], {
        cwd: REPO,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          TABLE_NAME: info.tableName,
          AWS_REGION: 'ap-northeast-1',
          DYNAMODB_ENDPOINT: info.services.dynamodbEndpoint,
          S3_ENDPOINT: info.services.s3Endpoint,
          EXPORTS_BUCKET: info.services.bucket,
          COGNITO_ISSUER: info.services.issuer,
          COGNITO_CLIENT_ID: info.services.userPoolClientId,
          COGNITO_USER_POOL_ID: info.services.userPoolId,
          MAIL_FROM: 'bench@example.jp',
          APP_URL: info.url,
          LOG_LEVEL: 'warn',
        },
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.on('error', reject);
      child.on('exit', () => resolve(text.trim().split('\n').at(-1) ?? ''));
    });
    if (!out.startsWith('{')) {
      console.log(`  export ${format} worker alone: no result (${out || 'the process printed nothing'})`);
      continue;
    }
    const r = JSON.parse(out) as { status: string; processed: number; ms: number; peakRssMiB: number };
    console.log(
      `  export ${format.padEnd(4)} worker alone (own process, like the Lambda, ${JOB_WORKER_NODE_OPTIONS}): ${r.status}, ${r.processed.toLocaleString('en')} facilities in ${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.peakRssMiB} MiB`,
    );
  }
  db.doc.destroy();
}
