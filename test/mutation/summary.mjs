// Per-file and per-folder counts of a mutant log (test/mutation/mutant-log-reporter.mjs): killed, survived, no
// coverage, timeout, and the score as Stryker computes it ((killed + timeout) / (all but ignored, errors)).
import { readFileSync } from 'node:fs';
import path from 'node:path';

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
if (!process.argv.includes('--sample'))
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

// --sample reports/mutation/sample-<scope>.json: the score estimated from the sampled mutants only (the others a sampled
// run tests, nested in or beside them, are left out of the estimate), with a 95 % Wilson interval.
const sampleAt = process.argv.indexOf('--sample');
if (sampleAt > 0) {
  const { sample, population, seed } = JSON.parse(readFileSync(process.argv[sampleAt + 1], 'utf8'));
  const keyOf = (m) =>
    `${m.file ?? m.fileName}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}:${m.mutatorName}:${m.replacement}`;
  // The log's and the JSON report's positions are 1-based (lines and columns), the sample's 0-based (Stryker's own).
  const zeroBased = ({ line, column }) => ({ line: line - 1, column: column - 1 });
  const results = new Map(
    rows.filter((r) => r.location).map((r) => [keyOf({ ...r, location: { start: zeroBased(r.location.start), end: zeroBased(r.location.end) } }), r.status]),
  );
  // --report reports/mutation/<run>.json: Stryker's JSON report (1-based lines and columns), for a log without locations.
  const reportAt = process.argv.indexOf('--report');
  if (reportAt > 0) {
    const report = JSON.parse(readFileSync(process.argv[reportAt + 1], 'utf8'));
    for (const [fileName, { mutants }] of Object.entries(report.files))
      for (const m of mutants) {
        const location = { start: zeroBased(m.location.start), end: zeroBased(m.location.end) };
        results.set(
          keyOf({ fileName: path.relative(process.cwd(), path.resolve(fileName)), location, mutatorName: m.mutatorName, replacement: m.replacement }),
          m.status,
        );
      }
  }
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, untested: 0, other: 0 };
  for (const m of sample) {
    const status = results.get(keyOf(m));
    if (!status) counts.untested++;
    else if (status in counts) counts[status]++;
    else counts.other++;
  }
  const wilson = (k, n) => {
    if (!n) return ['-', '-'];
    const z = 1.96;
    const p = k / n;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
    return [((centre - half) * 100).toFixed(1), ((centre + half) * 100).toFixed(1)];
  };
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  const covered = detected + counts.Survived;
  const pct = (k, n) => (n ? ((k / n) * 100).toFixed(1) : '-');
  console.log(`sample of ${sample.length} from ${population} mutants (seed ${seed}): ${JSON.stringify(counts)}`);
  console.log(`score ${pct(detected, valid)} % (95 % interval ${wilson(detected, valid).join('–')} %) of ${valid} valid sampled mutants`);
  console.log(`covered score ${pct(detected, covered)} % (95 % interval ${wilson(detected, covered).join('–')} %)`);
}
