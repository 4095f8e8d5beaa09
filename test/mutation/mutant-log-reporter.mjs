// A Stryker reporter that appends each mutant's result to reports/mutation/<scope>-mutants.jsonl as it is known, so
// that a run stopped before its end (a session's time, a busy machine) still tells what it measured. Summarise with
// `node test/mutation/summary.mjs reports/mutation/<scope>-mutants.jsonl`.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commonTokens, declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

class MutantLogReporter {
  static inject = [commonTokens.options];
  constructor(options) {
    this.file = options.mutantLog?.fileName ?? 'reports/mutation/mutants.jsonl';
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, '');
  }
  onMutantTested(result) {
    const { id, fileName, mutatorName, replacement, status, location, statusReason } = result;
    // `location` as the report gives it (1-based lines and columns): summary.mjs --sample matches it against the sample.
    const line = { id, file: path.relative(process.cwd(), fileName), line: location.start.line, location, mutatorName, replacement, status };
    if (status === 'Survived' || status === 'NoCoverage') line.reason = statusReason;
    appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'mutant-log', MutantLogReporter)];
