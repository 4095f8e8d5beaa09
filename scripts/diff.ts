import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deployedDir, parseArgs, REPO_ROOT, run, settingsOrExit, synth, templatesOf } from './cdk-stage.ts';

/**
 * `npm run diff -- --stage <stage>`: what a deploy of this code would change, without AWS credentials
 * (docs/decisions/0023-edge-and-deploy.md). The stage is synthesized exactly as `npm run deploy` does (bundles and
 * SPA included, so code changes show as changed assets) and every template — the top-level stacks and each nested
 * route stack — is compared by `cdk diff --template` with the one recorded by the last deploy in
 * infra/deployed/<stage>/. A template with no record (a first deploy, a new stack) is compared with an empty one.
 *
 * `--online` runs the ordinary `cdk diff` against the deployed stacks instead (credentials needed).
 * Exit status 0; with `--fail`, 1 when anything differs (for CI).
 */

const { stage, flags, rest } = parseArgs(process.argv.slice(2));
settingsOrExit(stage);

if (flags.has('--online')) {
  run('npx', ['cdk', 'diff', '--all', '--context', `stage=${stage}`, ...rest]);
  process.exit(0);
}

const out = synth(stage);
const record = deployedDir(stage);
if (!existsSync(record)) console.log(`\nNo record of a deploy in ${path.relative(REPO_ROOT, record)}/: everything is compared with an empty template.`);

// `cdk diff --template` compares one stack of an assembly with one file. Nested stacks are not stacks of the
// assembly, so every template gets an artifact of its own in a comparison assembly.
const compare = path.join(REPO_ROOT, 'cdk.out', `${stage}-diff`);
rmSync(compare, { recursive: true, force: true });
mkdirSync(compare, { recursive: true });
const templates = templatesOf(out);
const artifacts: Record<string, unknown> = {};
const names = new Map<string, string>();
for (const file of templates) {
  const name = file.replace(/\.nested\.template\.json$|\.template\.json$/, '').replace(/[^A-Za-z0-9-]/g, '-');
  names.set(file, name);
  copyFileSync(path.join(out, file), path.join(compare, file));
  artifacts[name] = { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: file } };
}
const version = (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { version: string }).version;
writeFileSync(path.join(compare, 'manifest.json'), JSON.stringify({ version, artifacts }, null, 2));
const empty = path.join(compare, 'empty.json');
writeFileSync(empty, '{}');

const changed: string[] = [];
for (const file of templates) {
  const previous = path.join(record, file);
  const res = spawnSync(
    'npx',
    ['cdk', 'diff', '--app', compare, '--template', existsSync(previous) ? previous : empty, '--fail', '--exclusively', names.get(file) as string, ...rest],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  const text = `${res.stdout}${res.stderr}`;
  if (res.status === 0) continue;
  if (!/Number of stacks with differences/.test(text) && !/\[[~+-]\]/.test(text)) {
    console.error(text);
    process.exit(res.status ?? 1);
  }
  changed.push(file);
  console.log(text.replace(/\n?✨.*$/gms, '').trimEnd());
}
const removed = existsSync(record) ? templatesOf(record).filter((f) => !templates.includes(f)) : [];
for (const f of removed) console.log(`\nTemplate ${f}: removed (its stack would be deleted)`);
console.log(
  `\n${changed.length + removed.length} of ${templates.length} templates differ from ${existsSync(record) ? 'the last deploy' : 'nothing (no record)'}.`,
);
if (flags.has('--fail') && changed.length + removed.length > 0) process.exit(1);
