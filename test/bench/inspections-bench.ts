import { todayInJapan } from '@mcr/domain';
import type { RunningStackInfo } from '../support/stack-info.ts';
import type { Baseline } from './scale-bench.ts';

/**
 * The inspection reads at Tokyo's size: the 15,000 facilities the import bench loaded (12 保健所) get planned
 * 立入検査 in the next 30 days through `POST /api/facilities/{id}/inspections` — 25 per 保健所, 300 in all, far
 * more than Tokyo's prefecture and 保健所 plan in a month (≈ 650 hospitals a year) — and the calendar, the
 * readiness list and one facility's history are read for one 保健所 and for the whole prefecture. The calendar
 * and the history are paged or per facility, so their cost must not follow the prefecture's size; readiness
 * reads each planned facility's checklist, so it follows the number of planned inspections (not of facilities),
 * and the two sizes show by how much.
 */
export async function inspectionsBench(info: RunningStackInfo, token: string, base: Baseline): Promise<void> {
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
  const hcs = (await call<{ items: { id: string; name: string }[] }>('GET', '/api/health-centers')).items.filter((h) => h.name.startsWith('ベンチ保健所'));
  const today = todayInJapan();
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

  const PER_HC = 25;
  const planned: string[] = [];
  const t = performance.now();
  for (const hc of hcs) {
    const page = await call<{ items: { id: string }[] }>('GET', `/api/facilities?healthCenterId=${encodeURIComponent(hc.id)}&limit=${PER_HC}`);
    await Promise.all(
      page.items.map(async (f, i) => {
        await call('POST', `/api/facilities/${f.id}/inspections`, { date: day(1 + (i % 29)), status: 'planned' });
        planned.push(f.id);
      }),
    );
  }
  console.log(`  ${planned.length} inspections planned over ${hcs.length} 保健所 in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const hc = hcs[0]?.id ?? '';
  const measures: [string, string, string][] = [
    ['calendar: next 30 days', `/api/inspections?from=${today}&to=${day(30)}&healthCenterId=${hc}`, `/api/inspections?from=${today}&to=${day(30)}`],
    ['readiness: planned in the next 30 days', `/api/inspections/readiness?healthCenterId=${hc}`, '/api/inspections/readiness'],
    ["one facility's inspection history", `/api/facilities/${planned[0]}/inspections`, `/api/facilities/${planned.at(-1)}/inspections`],
  ];
  console.log(`  inspection reads, one 保健所 (${PER_HC} planned) vs the prefecture (${planned.length}) (n=30 each, interleaved; ratio to the raw GetItem):`);
  for (const [label, a, b] of measures) {
    const ta: number[] = [];
    const tb: number[] = [];
    const bytes = [0, 0];
    for (let i = 0; i < 30; i++) {
      for (const [k, path, into] of [
        [0, a, ta],
        [1, b, tb],
      ] as const) {
        const s = performance.now();
        const res = await fetch(`${info.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
        const body = await res.arrayBuffer();
        if (res.status >= 400) throw new Error(`${path}: HTTP ${res.status}`);
        into.push(performance.now() - s);
        bytes[k] = body.byteLength;
      }
    }
    const pa = median(ta);
    const pb = median(tb);
    console.log(
      `    ${label.padEnd(42)} p50 ${pa.toFixed(1)} ms (${(pa / base.getItem).toFixed(1)}× GetItem) → ${pb.toFixed(1)} ms (${(pb / base.getItem).toFixed(1)}× GetItem), ${(pb / pa).toFixed(2)}× across sizes, ${((bytes[0] ?? 0) / 1024).toFixed(1)} → ${((bytes[1] ?? 0) / 1024).toFixed(1)} KiB`,
    );
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
