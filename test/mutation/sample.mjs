// A uniform random sample of the mutants of each mutation scope (`npm run test:mutation:sample`, README "Mutation
// testing"): the four folders hold about ten thousand mutants, more than two cores can test in a session, so the
// score per folder is estimated from a seeded random sample, with its 95 % interval (test/mutation/summary.mjs
// --sample). Writes reports/mutation/drawn-<scope>.json: the sampled mutants and the `mutate` ranges that select them
// (stryker.config.mjs reads it when MCR_MUTATION_SAMPLE=<scope>; test/mutation/sample-ignorer.mjs leaves out the other
// mutants those ranges contain).
//
//   node test/mutation/sample.mjs [--size 300] [--seed 12] [scope ...]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Instrumenter } from '@stryker-mutator/instrumenter';

export const FOLDERS = {
  domain: 'packages/domain/src',
  data: 'packages/data/src',
  services: 'functions/src/services',
  pipeline: 'functions/src/pipeline',
};

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const size = option('size', 300);
const seed = option('seed', 12);
const scopes = args.length ? args : Object.keys(FOLDERS);

/** mulberry32: a small seeded generator, so that a sample can be drawn again. */
function random(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };

/** Every mutant Stryker would make in these files (the same instrumenter and default mutators as a run). */
export async function enumerate(folder) {
  const files = readdirSync(folder, { recursive: true })
    .map((f) => path.join(folder, f))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((name) => ({ name, content: readFileSync(name, 'utf8'), mutate: true }));
  const result = await new Instrumenter(quiet).instrument(files, { plugins: null, excludedMutations: [], ignorers: [] });
  return result.mutants.filter((m) => !m.status).map(({ fileName, location, mutatorName, replacement }) => ({ fileName, location, mutatorName, replacement }));
}

export const keyOf = (m) =>
  `${m.fileName}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}:${m.mutatorName}:${m.replacement}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync('reports/mutation', { recursive: true });
  for (const scope of scopes) {
    const all = await enumerate(FOLDERS[scope]);
    const next = random(seed);
    // Fisher–Yates on a copy, then the first `size`.
    const pool = [...all];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    const sample = pool.slice(0, Math.min(size, pool.length));
    // Stryker's mutate ranges are 1-based lines, 0-based columns, both ends included.
    const ranges = [
      ...new Set(sample.map(({ fileName, location: { start, end } }) => `${fileName}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`)),
    ];
    writeFileSync(`reports/mutation/drawn-${scope}.json`, JSON.stringify({ scope, seed, population: all.length, sample, ranges }, null, 1));
    const byFile = new Map();
    for (const m of all) byFile.set(m.fileName, (byFile.get(m.fileName) ?? 0) + 1);
    console.log(`${scope}: ${all.length} mutants in ${byFile.size} files; sampled ${sample.length} (seed ${seed})`);
  }
}
