// The Stryker ignorer of a sampled run (test/mutation/sample.mjs, MCR_MUTATION_SAMPLE=1): the `mutate` ranges select
// the sampled mutants' nodes, but a range also holds every node nested in it (a sampled block statement holds its whole
// body). This leaves out those nested mutants, unless a sampled node lies inside them, so that a run tests the sample and
// little else. An ignored mutant is not placed in the code and costs nothing.
import { readFileSync } from 'node:fs';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const scope = process.env.MCR_MUTATION ?? '';
const bySuffix = new Map();
if (process.env.MCR_MUTATION_SAMPLE) {
  const scopes = scope === 'backend' ? ['data', 'services'] : [scope];
  const sample = scopes.flatMap((s) => JSON.parse(readFileSync(`reports/mutation/drawn-${s}.json`, 'utf8')).sample);
  for (const m of sample) {
    // Babel's lines are 1-based, the sample's (Stryker's) 0-based; columns 0-based in both.
    const loc = {
      start: { line: m.location.start.line + 1, column: m.location.start.column },
      end: { line: m.location.end.line + 1, column: m.location.end.column },
    };
    bySuffix.set(m.fileName, [...(bySuffix.get(m.fileName) ?? []), loc]);
  }
}

const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
const within = (inner, outer) => before(outer.start, inner.start) && before(inner.end, outer.end);
const same = (a, b) => a.start.line === b.start.line && a.start.column === b.start.column && a.end.line === b.end.line && a.end.column === b.end.column;

function sampledIn(fileName) {
  for (const [suffix, locs] of bySuffix) if (fileName?.endsWith(suffix)) return locs;
  return undefined;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'mcr-sample', {
    shouldIgnore(path) {
      const loc = path.node.loc;
      const locs = sampledIn(path.hub?.file?.opts?.filename);
      if (!loc || !locs) return undefined;
      if (locs.some((s) => same(s, loc) || within(s, loc))) return undefined; // sampled, or holds a sampled node
      if (locs.some((s) => within(loc, s))) return 'not in the sample (nested in a sampled node)';
      return undefined;
    },
  }),
];
