import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, createDb, createRepositories, type ResponseRecord } from '@mcr/data';
import { type Answers, evaluationSummary, getBuiltInTemplate, type Template } from '@mcr/domain';
import type { RunningStackInfo } from '../support/stack-info.ts';

/**
 * The dashboard and the facility table at Tokyo's size, measured against a raw GetItem / PutItem of the same run
 * (the machine is noisy: compare ratios, not milliseconds). The 15,000 facilities are those the import bench
 * loaded through the product's routes (12 保健所); two campaigns are created through `POST /api/campaigns` over
 * the same 保健所: 100 facilities and all 15,000, so that the slice structure is the same and only the number of
 * facilities differs. 3 % of each campaign answers (written through the repository, as the demo seed does:
 * the bench has no user per facility), then the stream consumer settles and the reads are measured.
 */
const R6 = getBuiltInTemplate('mhlw-facility-r6') as Template;

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function p50(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return percentile(times, 50);
}

function answersFor(i: number): Answers {
  const a: Answers = { 'gate:system': { '1': { value: 'yes', checkedOn: '2026-07-01' } } };
  R6.sections
    .flatMap((s) => s.items)
    .forEach((item, n) => {
      if (item.gate || (i + n) % 3 === 0) return;
      for (const device of item.cells)
        a[`${item.id}:${device}`] =
          (i + n) % 4 === 0
            ? { '1': { value: 'no', checkedOn: '2026-07-02', targetDate: n % 2 ? '2026-09-30' : '2027-03-31' } }
            : { '1': { value: 'yes', checkedOn: '2026-07-02' } };
    });
  return a;
}

export interface Baseline {
  getItem: number;
  putItem: number;
}

/** Raw DynamoDB Local round trips, the yardstick of every ratio. */
export async function baseline(info: RunningStackInfo, n = 300): Promise<Baseline> {
  const db = createDb({ tableName: info.tableName, region: 'ap-northeast-1', endpoint: info.services.dynamodbEndpoint });
  const key = { PK: 'T#36#BENCH', SK: 'RAW' };
  await db.doc.send(new PutCommand({ TableName: info.tableName, Item: { ...key, type: 'Bench', value: 'x'.repeat(200) } }));
  const getItem = await p50(n, () => db.doc.send(new GetCommand({ TableName: info.tableName, Key: key })));
  const putItem = await p50(n, (i) => db.doc.send(new PutCommand({ TableName: info.tableName, Item: { ...key, type: 'Bench', value: `${i}`.repeat(50) } })));
  db.doc.destroy();
  console.log(`  raw DynamoDB Local: GetItem p50 ${getItem.toFixed(2)} ms, PutItem p50 ${putItem.toFixed(2)} ms (the yardstick of the ratios below)`);
  return { getItem, putItem };
}

export async function scaleBench(info: RunningStackInfo, token: string, base: Baseline): Promise<void> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${info.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };
  /** Waits for the stream consumer (each settle call gives up after 30 s; a 15,000-facility campaign takes longer). */
  const settle = async () => {
    const t = performance.now();
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${info.url}/__local/settle`, { method: 'POST' });
      if (res.ok) break;
      if (attempt > 40) throw new Error(`settle: ${res.status}`);
    }
    return (performance.now() - t) / 1000;
  };

  const hcs = (await call<{ items: { id: string; name: string }[] }>('GET', '/api/health-centers')).items.filter((h) => h.name.startsWith('ベンチ保健所'));
  // 100 facilities spread over the same 12 保健所 as the 15,000.
  const small: string[] = [];
  for (const [i, hc] of hcs.entries()) {
    const take = Math.floor(100 / hcs.length) + (i < 100 % hcs.length ? 1 : 0);
    const page = await call<{ items: { id: string }[] }>('GET', `/api/facilities?healthCenterId=${encodeURIComponent(hc.id)}&limit=${take}`);
    small.push(...page.items.map((f) => f.id));
  }

  const create = async (label: string, target: unknown) => {
    const t = performance.now();
    const created = await call<{ campaign: { id: string } }>('POST', '/api/campaigns', {
      templateId: 'mhlw-facility-r6',
      title: { ja: `ベンチ ${label}` },
      fiscalYear: 2026,
      opensOn: '2026-06-01',
      deadline: '2027-03-31',
      target,
    });
    const answeredIn = performance.now() - t;
    let status = 'creating';
    let processed = 0;
    while (status === 'creating') {
      await new Promise((r) => setTimeout(r, 500));
      const c = await call<{ creation?: { status: string; processed: number } }>('GET', `/api/campaigns/${created.campaign.id}`);
      status = c.creation?.status ?? 'done';
      processed = c.creation?.processed ?? processed;
    }
    console.log(
      `  campaign for ${label}: POST answered in ${answeredIn.toFixed(0)} ms, responses written by the job in ${((performance.now() - t) / 1000).toFixed(1)} s (${status}, ${processed.toLocaleString('en')})`,
    );
    return created.campaign.id;
  };
  const smallId = await create('100 facilities', { kind: 'facilities', ids: small });
  const largeId = await create('15,000 facilities', { kind: 'health_centers', ids: hcs.map((h) => h.id) });
  console.log(`  stream consumer caught up (rows and aggregates of ${(15_100).toLocaleString('en')} new responses) ${(await settle()).toFixed(1)} s later`);

  // 3 % answer: saved and (half of them) submitted through the repository, as a deadline rush of 20 at a time.
  const db = createDb({ tableName: info.tableName, region: 'ap-northeast-1', endpoint: info.services.dynamodbEndpoint });
  const repos = createRepositories(db, { tenantId: '36' });
  const answer = async (campaignId: string, count: number) => {
    const rows: ResponseRecord[] = [];
    for await (const page of repos.responsePages.ofCampaign(campaignId, { pageSize: 200 })) {
      rows.push(...page);
      if (rows.length >= count) break;
    }
    const t = performance.now();
    const chosen = rows.slice(0, count);
    for (let i = 0; i < chosen.length; i += 20) {
      await Promise.all(
        chosen.slice(i, i + 20).map(async (r, j) => {
          const answers = answersFor(i + j);
          const context = { hasVendorContract: (i + j) % 2 === 0 };
          const evaluation = evaluationSummary(R6, answers, context, '2026-12-06');
          const actor: Actor = { userId: 'bench', name: 'bench', role: 'facility_admin', orgId: r.facilityId, requestId: `bench-${r.facilityId}` };
          const saved = await repos.responses.save(
            campaignId,
            r.facilityId,
            { expectedVersion: r.version, answers, evaluation, context, status: 'in_progress', previousStatus: r.status, changes: 'bench' },
            actor,
          );
          if ((i + j) % 2 === 0)
            await repos.responses.submit(
              campaignId,
              r.facilityId,
              { expectedVersion: saved.version, round: 1, previousStatus: 'in_progress', answers, evaluation, context },
              actor,
            );
        }),
      );
    }
    return (performance.now() - t) / 1000;
  };
  const tSmall = await answer(smallId, 30);
  const tLarge = await answer(largeId, 450);
  console.log(
    `  answering: 30 + 450 facilities saved (half submitted) in ${(tSmall + tLarge).toFixed(1)} s; consumer settled ${(await settle()).toFixed(1)} s later`,
  );
  db.doc.destroy();

  const hc = hcs[0]?.id ?? '';
  const measures: [string, string, string][] = [
    ['dashboard summary', `/api/campaigns/${smallId}/dashboard`, `/api/campaigns/${largeId}/dashboard`],
    // Pages of the same number of rows at both sizes (a 保健所 holds 8 of the 100), so that only the size differs.
    ['table page: all, weakest first, 50 rows', `/api/campaigns/${smallId}/rows?sort=score&limit=50`, `/api/campaigns/${largeId}/rows?sort=score&limit=50`],
    [
      'table page: one 保健所, by score, 8 rows',
      `/api/campaigns/${smallId}/rows?healthCenterId=${hc}&sort=score&limit=8`,
      `/api/campaigns/${largeId}/rows?healthCenterId=${hc}&sort=score&limit=8`,
    ],
    [
      'table page: submitted, by last update, 15 rows',
      `/api/campaigns/${smallId}/rows?status=submitted&sort=updated&dir=desc&limit=15`,
      `/api/campaigns/${largeId}/rows?status=submitted&sort=updated&dir=desc&limit=15`,
    ],
    ['progress totals', `/api/campaigns/${smallId}/progress`, `/api/campaigns/${largeId}/progress`],
    ['heatmap (items × 保健所)', `/api/campaigns/${smallId}/dashboard/items?by=hc`, `/api/campaigns/${largeId}/dashboard/items?by=hc`],
  ];
  console.log('  reads at 100 vs 15,000 facilities (n=60 each, interleaved; ratio to the raw GetItem; sizes of both answers):');
  for (const [label, a, b] of measures) {
    let bytes = 0;
    let bytesSmall = 0;
    const ta: number[] = [];
    const tb: number[] = [];
    for (let i = 0; i < 60; i++) {
      for (const [path, into] of [
        [a, ta],
        [b, tb],
      ] as const) {
        const t = performance.now();
        const res = await fetch(`${info.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
        const body = await res.arrayBuffer();
        if (res.status >= 400) throw new Error(`${path}: HTTP ${res.status}`);
        into.push(performance.now() - t);
        if (path === b) bytes = body.byteLength;
        else bytesSmall = body.byteLength;
      }
    }
    const pa = percentile(ta, 50);
    const pb = percentile(tb, 50);
    console.log(
      `    ${label.padEnd(48)} p50 ${pa.toFixed(1)} ms (${(pa / base.getItem).toFixed(1)}× GetItem) → ${pb.toFixed(1)} ms (${(pb / base.getItem).toFixed(1)}× GetItem), ${(pb / pa).toFixed(2)}× across sizes, ${(bytesSmall / 1024).toFixed(1)} → ${(bytes / 1024).toFixed(1)} KiB`,
    );
  }
}
