import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSettings, SettingsError, type StageSettings } from '../infra/lib/settings.ts';

/** Helpers shared by `npm run deploy` and `npm run diff` (docs/decisions/0023-edge-and-deploy.md). */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `--stage kochi` or `--stage=kochi`; other flags as a set; everything after `--` goes to cdk as is. */
export function parseArgs(argv: string[]): { stage: string; flags: Set<string>; rest: string[] } {
  const cut = argv.indexOf('--');
  const own = cut >= 0 ? argv.slice(0, cut) : argv;
  const rest = cut >= 0 ? argv.slice(cut + 1) : [];
  let stage: string | undefined;
  const flags = new Set<string>();
  for (let i = 0; i < own.length; i++) {
    const a = own[i] as string;
    if (a === '--stage') stage = own[++i];
    else if (a.startsWith('--stage=')) stage = a.slice('--stage='.length);
    else flags.add(a);
  }
  if (!stage) {
    console.error('Name the stage: --stage <stage> (its settings are infra/stages/<stage>.json; see README "Deploy").');
    process.exit(2);
  }
  return { stage, flags, rest };
}

/** The validated settings, or every invalid field printed and exit 1: nothing is synthesized from bad settings. */
export function settingsOrExit(stage: string): StageSettings {
  try {
    return loadSettings(stage);
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

/** Runs a command in the repository, output straight to the terminal; exits with its status when it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const res = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env });
  if (res.status !== 0) {
    console.error(`\n${command} ${args[0] ?? ''} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status ?? 1);
  }
}

/** Where the synthesized cloud assembly of a stage goes (one per stage, so stages never mix). */
export function assemblyDir(stage: string): string {
  return path.join(REPO_ROOT, 'cdk.out', stage);
}

/**
 * The record of what was last deployed for a stage: the templates of that deploy, written by `npm run deploy`
 * and meant to be committed with the stage's settings. `npm run diff` compares against it without credentials.
 */
export function deployedDir(stage: string): string {
  return path.join(REPO_ROOT, 'infra', 'deployed', stage);
}

/** Synthesizes every stack of the stage (bundling the functions and building the SPA) into its assembly folder. */
export function synth(stage: string): string {
  const out = assemblyDir(stage);
  run('npx', ['cdk', 'synth', '--quiet', '--context', `stage=${stage}`, '--output', out]);
  return out;
}

/** Template files of an assembly: top-level stacks and nested stacks (`*.nested.template.json`). */
export function templatesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.template.json'))
    .sort();
}

/** Top-level stacks of an assembly, from its manifest: id, and the stacks it depends on. */
export function stacksOf(dir: string): { id: string; dependencies: string[] }[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, { type: string; dependencies?: string[] }>;
  };
  return Object.entries(manifest.artifacts)
    .filter(([, a]) => a.type === 'aws:cloudformation:stack')
    .map(([id, a]) => ({ id, dependencies: a.dependencies ?? [] }));
}
