import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApi, type RouteDef, routeList } from '@mcr/contract';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE_IDS } from '@mcr/domain';
import {
  BUILT_IN_TEMPLATES,
  bundlingOf,
  EXCELJS_DIR,
  OPENAPI_FILE,
  OPENAPI_FUNCTION,
  openApiCommands,
  esbuildOptionsOf,
  exceljsCommands,
  LAMBDA_BUNDLING,
  MAX_BUNDLE_BYTES,
  routeEntry,
  WORKER_ENTRIES,
  XLSX_FUNCTIONS,
} from '../../infra/lib/bundling.ts';

/**
 * Every Lambda function bundled exactly as the stack bundles it (infra/lib/bundling.ts), in one esbuild run with
 * one entry per function: every entry bundles, every bundle stays under the size limit, and every bundle imports
 * only the AWS SDK packages its function uses (docs/decisions/0025-lean-functions.md). The infra tests synthesize
 * with bundling skipped, so this is also what proves the deployed functions build.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Use = NonNullable<RouteDef['uses']>[number];

/** The SDK packages every function may load: the table (the one DynamoDB client per container). */
const TABLE_SDK = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'];
/** Tenant-scoped credentials for the table (decision 0022), loaded on a tenant route's first request. */
const SCOPED_CREDENTIALS_SDK = ['@aws-sdk/credential-providers', '@aws-sdk/client-sts'];
/** The SDK packages each declared use of a route needs, and no other (a route without `uses` talks to the table only). */
const SDK_OF_USE: Record<Use, readonly string[]> = {
  userPoolAdmin: ['@aws-sdk/client-cognito-identity-provider'],
  mail: ['@aws-sdk/client-sesv2'],
  jobs: ['@aws-sdk/client-lambda'],
  // Routes only presign download links of generated files; the job worker writes them.
  exportFiles: ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner'],
  files: ['@aws-sdk/client-s3', '@aws-sdk/s3-presigned-post', '@aws-sdk/s3-request-presigner'],
};
/** The non-route functions and the services the stack grants them. */
const WORKER_SDK: Record<keyof typeof WORKER_ENTRIES, readonly string[]> = {
  // Writes export files (multipart upload) and queues follow-up jobs; the links are signed by exports.get.
  jobWorker: ['@aws-sdk/client-s3', '@aws-sdk/lib-storage', '@aws-sdk/client-lambda'],
  // Mails the outbox's notifications and queues the cross-checks' re-check jobs.
  readModels: ['@aws-sdk/client-sesv2', '@aws-sdk/client-lambda'],
  reminders: ['@aws-sdk/client-sesv2'],
};

interface Bundle {
  name: string;
  bytes: number;
  /** `@aws-sdk/*` packages the bundle imports, statically or on first use. */
  sdk: string[];
  /** Statically imported (loaded at cold start) `@aws-sdk/*` packages. */
  sdkAtStart: string[];
  /** Largest inputs, for the failure message. */
  largest: string[];
  /** How the bundle imports exceljs ('import-statement', 'dynamic-import' …), if at all. */
  exceljs: string[];
  /** Whether exceljs's own code is inside the bundle. */
  exceljsInside: boolean;
}

const entries: Record<string, string> = {};
const allowed = new Map<string, readonly string[]>();
for (const route of routeList) {
  entries[`route/${route.id}`] = routeEntry(repoRoot, route.handler);
  allowed.set(`route/${route.id}`, [...TABLE_SDK, ...SCOPED_CREDENTIALS_SDK, ...(route.uses ?? []).flatMap((u) => SDK_OF_USE[u])]);
}
for (const [name, entry] of Object.entries(WORKER_ENTRIES)) {
  entries[`worker/${name}`] = path.join(repoRoot, entry);
  allowed.set(`worker/${name}`, [...TABLE_SDK, ...SCOPED_CREDENTIALS_SDK, ...WORKER_SDK[name as keyof typeof WORKER_ENTRIES]]);
}

const bundles = new Map<string, Bundle>();
let buildMs = 0;

beforeAll(async () => {
  const started = performance.now();
  // One build per set of options (the xlsx functions keep exceljs outside), each with all its entries: esbuild
  // parses each shared module once. About 10–25 s on two busy cores.
  const groups = new Map<string, Record<string, string>>();
  for (const [name, entry] of Object.entries(entries)) {
    const key = XLSX_FUNCTIONS.includes(name) ? 'xlsx' : 'default';
    groups.set(key, { ...(groups.get(key) ?? {}), [name]: entry });
  }
  const nameOf = new Map(Object.entries(entries).map(([name, file]) => [path.relative(repoRoot, file), name]));
  for (const [key, group] of groups) {
    const result = await esbuild.build({
      // Every function of a group has the same options.
      ...esbuildOptionsOf(bundlingOf(Object.keys(group)[0] as string)),
      entryPoints: group,
      outdir: path.join(os.tmpdir(), `mcr-bundles-${key}`),
      outExtension: { '.js': '.mjs' },
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    for (const [file, out] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.mjs') || !out.entryPoint) continue;
      const name = nameOf.get(path.relative(repoRoot, path.resolve(out.entryPoint)));
      if (!name) continue;
      const sdk = (kinds: string[]) =>
        [...new Set(out.imports.filter((i) => i.path.startsWith('@aws-sdk/') && kinds.includes(i.kind)).map((i) => i.path))].sort();
      const largest = Object.entries(out.inputs)
        .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
        .slice(0, 5)
        .map(([input, v]) => `${input.replace(/^(\.\.\/)+/, '')} ${(v.bytesInOutput / 1024).toFixed(1)} KB`);
      bundles.set(name, {
        name,
        bytes: out.bytes,
        sdk: sdk(['import-statement', 'dynamic-import', 'require-call']),
        sdkAtStart: sdk(['import-statement']),
        largest,
        exceljs: [...new Set(out.imports.filter((i) => i.path === 'exceljs').map((i) => i.kind))].sort(),
        exceljsInside: Object.keys(out.inputs).some((input) => input.includes('node_modules/exceljs/')),
      });
    }
  }
  buildMs = performance.now() - started;
}, 300_000);

describe('Lambda bundles (issue 11, item 8)', () => {
  it('bundles every route and every worker, from an entry that exists', () => {
    for (const [name, entry] of Object.entries(entries)) expect(existsSync(entry), `${name}: ${entry}`).toBe(true);
    expect([...bundles.keys()].sort()).toEqual(Object.keys(entries).sort());
    const sizes = [...bundles.values()].map((b) => b.bytes).sort((a, b) => a - b);
    const largest = [...bundles.values()].sort((a, b) => b.bytes - a.bytes)[0] as Bundle;
    console.info(
      `${bundles.size} bundles in ${Math.round(buildMs)} ms; largest ${largest.name} ${(largest.bytes / 1024).toFixed(1)} KB, ` +
        `median ${((sizes[Math.floor(sizes.length / 2)] as number) / 1024).toFixed(1)} KB, smallest ${((sizes[0] as number) / 1024).toFixed(1)} KB`,
    );
  });

  it(`keeps every minified bundle at or under ${MAX_BUNDLE_BYTES / 1024} KB`, () => {
    const over = [...bundles.values()]
      .filter((b) => b.bytes > MAX_BUNDLE_BYTES)
      .sort((a, b) => b.bytes - a.bytes)
      .map((b) => `${b.name} ${(b.bytes / 1024).toFixed(1)} KB (${b.largest.join(', ')})`);
    expect(over).toEqual([]);
  });

  it('keeps exceljs out of every bundle; the xlsx functions import it on first use from the copy built beside them', () => {
    const inside = [...bundles.values()].filter((b) => b.exceljsInside).map((b) => b.name);
    expect(inside).toEqual([]);
    const importers = [...bundles.values()].filter((b) => b.exceljs.length > 0);
    // Exactly the declared functions use it (a declared one that stopped would ship 1 MB for nothing), never at start.
    expect(importers.map((b) => b.name).sort()).toEqual([...XLSX_FUNCTIONS].sort());
    for (const b of importers) expect(b.exceljs, b.name).toEqual(['dynamic-import']);
  });

  it('builds exceljs beside an xlsx function, where its import finds a working library', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mcr-exceljs-'));
    try {
      for (const command of exceljsCommands(repoRoot, out)) execSync(command, { cwd: repoRoot });
      const built = path.join(out, EXCELJS_DIR, 'index.js');
      console.info(`exceljs beside the xlsx functions: ${(readFileSync(built).length / 1024).toFixed(1)} KB minified`);
      // A bundle-like module next to node_modules/: `import('exceljs')` resolves to the built copy, which writes an xlsx.
      writeFileSync(
        path.join(out, 'probe.mjs'),
        "const ExcelJS = (await import('exceljs')).default; const wb = new ExcelJS.Workbook(); wb.addWorksheet('s').getCell('A1').value = '確認';" +
          ' const buf = Buffer.from(await wb.xlsx.writeBuffer()); const back = new ExcelJS.Workbook(); await back.xlsx.load(buf);' +
          " console.log(buf.subarray(0, 2).toString(), back.getWorksheet('s').getCell('A1').value, import.meta.resolve('exceljs'));",
      );
      const [magic, cell, resolved] = execFileSync(process.execPath, [path.join(out, 'probe.mjs')], { cwd: out })
        .toString()
        .trim()
        .split(' ');
      expect([magic, cell]).toEqual(['PK', '確認']);
      expect(resolved).toBe(`file://${built}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('writes the OpenAPI document beside the openapi.get function, which serves that file', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mcr-openapi-'));
    try {
      const hooks = bundlingOf(OPENAPI_FUNCTION).commandHooks;
      expect(hooks.afterBundling(repoRoot, out)).toEqual(expect.arrayContaining(openApiCommands(repoRoot, out)));
      for (const command of openApiCommands(repoRoot, out)) execSync(command, { cwd: repoRoot });
      const written = JSON.parse(readFileSync(path.join(out, OPENAPI_FILE), 'utf8')) as { paths: Record<string, unknown> };
      expect(written).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
      const reader = path.join(repoRoot, 'functions/src/services/openapi-document.ts');
      const script = `import { openApiDocument } from ${JSON.stringify(reader)}; console.log(Object.keys(openApiDocument().paths).length);`;
      // As on Lambda: no OPENAPI_FILE (the local stack's), the document beside the bundle.
      const { OPENAPI_FILE: _local, ...inherited } = process.env;
      const env = { ...inherited, LAMBDA_TASK_ROOT: out };
      const read = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, env });
      expect(Number(read.toString().trim())).toBe(Object.keys(written.paths).length);
      expect(bundles.get(OPENAPI_FUNCTION)?.largest.join()).not.toMatch(/json-schema|route-definitions/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('ships the built-in templates beside every bundle (the afterBundling hook the stack runs)', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mcr-bundle-'));
    try {
      const hooks = LAMBDA_BUNDLING.commandHooks;
      for (const command of [...hooks.beforeBundling(repoRoot, out), ...hooks.afterBundling(repoRoot, out)]) execSync(command, { cwd: repoRoot });
      const source = path.join(repoRoot, BUILT_IN_TEMPLATES.source);
      const shipped = path.join(out, BUILT_IN_TEMPLATES.dirname);
      expect(readdirSync(shipped).sort()).toEqual(BUILT_IN_TEMPLATE_IDS.map((id) => `${id}.json`).sort());
      for (const file of readdirSync(source)) expect(readFileSync(path.join(shipped, file), 'utf8')).toBe(readFileSync(path.join(source, file), 'utf8'));
      // On Lambda ($LAMBDA_TASK_ROOT set) the functions read the copies beside the bundle, not the repository's.
      const marked = path.join(shipped, 'mhlw-bcp-r6.json');
      writeFileSync(marked, JSON.stringify({ ...JSON.parse(readFileSync(marked, 'utf8')), label: { ja: '目印', en: 'marker' } }));
      const reader = path.join(repoRoot, 'functions/src/services/built-in-templates.ts');
      const script = `import { getBuiltInTemplate } from ${JSON.stringify(reader)}; console.log(getBuiltInTemplate('mhlw-bcp-r6').label.en, getBuiltInTemplate('mhlw-facility-r7').id);`;
      const read = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: repoRoot,
        env: { ...process.env, LAMBDA_TASK_ROOT: out },
      });
      expect(read.toString().trim()).toBe('marker mhlw-facility-r7');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('imports only the AWS SDK packages its function uses', () => {
    const extra = [...bundles.values()].flatMap((b) => {
      const ok = allowed.get(b.name) ?? [];
      const unused = b.sdk.filter((p) => !ok.includes(p));
      return unused.length ? [`${b.name}: ${unused.join(', ')}`] : [];
    });
    expect(extra).toEqual([]);
  });

  it('declares no use its bundle never loads (a grant nothing needs)', () => {
    const unused = routeList.flatMap((route) => {
      const b = bundles.get(`route/${route.id}`) as Bundle;
      const idle = (route.uses ?? []).filter((u) => !b.sdk.includes(SDK_OF_USE[u][0] as string));
      return idle.length ? [`${route.id}: ${idle.join(', ')}`] : [];
    });
    expect(unused).toEqual([]);
  });

  it('loads at cold start no SDK but the table’s; the others load on first use', () => {
    const eager = [...bundles.values()].flatMap((b) => {
      const early = b.sdkAtStart.filter((p) => !TABLE_SDK.includes(p));
      return early.length ? [`${b.name}: ${early.join(', ')}`] : [];
    });
    expect(eager).toEqual([]);
  });

  it('users/list loads no Cognito and no SES client (the example of the issue)', () => {
    const b = bundles.get('route/users.list') as Bundle;
    expect(b.sdk.filter((p) => !TABLE_SDK.includes(p) && !SCOPED_CREDENTIALS_SDK.includes(p))).toEqual([]);
  });
});
