// Per-file and per-folder counts of a mutant log (test/mutation/mutant-log-reporter.mjs): killed, survived, no
// coverage, timeout, and the score as Stryker computes it ((killed + timeout) / (all but ignored, errors)).
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/mutation/mutants.jsonl';
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const groups = new Map();
for (const r of rows) {
  for (const key of [r.file, r.file.split('/').slice(0, -1).join('/') + '/', 'all']) {
    const g = groups.get(key) ?? { Killed: 0, Survived: 0, NoCoverage: 0, Timeout: 0, other: 0 };
    if (r.status in g) g[r.status]++;
    else g.other++;
    groups.set(key, g);
  }
}
for (const [key, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  const valid = g.Killed + g.Survived + g.NoCoverage + g.Timeout;
  const score = valid ? (((g.Killed + g.Timeout) / valid) * 100).toFixed(1) : '-';
  console.log(
    `${key.padEnd(48)} killed ${g.Killed}  survived ${g.Survived}  no coverage ${g.NoCoverage}  timeout ${g.Timeout}  other ${g.other}  score ${score} %`,
  );
}
if (process.argv.includes('--survivors'))
  for (const r of rows.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage'))
    console.log(`${r.status.padEnd(10)} ${r.file}:${r.line} ${r.mutatorName} → ${JSON.stringify(r.replacement ?? '')}`);
