import path from 'node:path';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * How every Lambda function is bundled (docs/decisions/0025-lean-functions.md). The stack passes these options to
 * each NodejsFunction, and test/infra/bundles.test.ts builds every entry with exactly these options (through
 * {@link esbuildOptionsOf}) to check that it bundles, that it stays under {@link MAX_BUNDLE_BYTES}, and that it
 * imports only the AWS SDK packages its route uses.
 *
 * The AWS SDK v3 is part of the Lambda Node.js runtime, so it stays external; everything else is bundled, minified,
 * as one ES module (the banner gives CommonJS dependencies a `require`).
 */
export type LambdaBundling = Required<
  Pick<BundlingOptions, 'format' | 'target' | 'minify' | 'sourceMap' | 'mainFields' | 'externalModules' | 'banner' | 'commandHooks'>
>;

/** The built-in templates as data, in the repository and beside every bundle (functions/src/services/built-in-templates.ts). */
export const BUILT_IN_TEMPLATES = { source: 'packages/domain/built-in-templates', dirname: 'built-in-templates' } as const;

export const LAMBDA_BUNDLING: LambdaBundling = {
  format: OutputFormat.ESM,
  target: 'node22',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  externalModules: ['@aws-sdk/*'],
  banner: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);",
  // The built-in templates are read as data, not bundled: their JSON files go beside the bundle (about 55 KB zipped).
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      `mkdir -p "${path.join(outputDir, BUILT_IN_TEMPLATES.dirname)}"`,
      `cp "${path.join(inputDir, BUILT_IN_TEMPLATES.source)}"/*.json "${path.join(outputDir, BUILT_IN_TEMPLATES.dirname)}/"`,
    ],
  },
};

/**
 * The functions that write or read xlsx (exports, the sign-in sheet, attendance imports) and nothing else load
 * exceljs, on first use (decision 0025). It is not bundled into them: their afterBundling step bundles exceljs on its
 * own (minified, about 1 MB) into `node_modules/exceljs/` beside `index.mjs`, where `import('exceljs')` finds it. A
 * function's own code stays within {@link MAX_BUNDLE_BYTES}; the library loads only when an xlsx is made or read.
 */
export const XLSX_FUNCTIONS: readonly string[] = ['worker/jobWorker', 'route/trainings.export', 'route/trainings.attendanceImport'];

/** Where the xlsx functions' exceljs goes, relative to the bundle's directory. */
export const EXCELJS_DIR = 'node_modules/exceljs';

/** The shell commands that build exceljs beside a bundle (run by the xlsx functions' afterBundling hook). */
export function exceljsCommands(inputDir: string, outputDir: string): string[] {
  const dir = path.join(outputDir, EXCELJS_DIR);
  return [
    `mkdir -p "${dir}"`,
    `"${path.join(inputDir, 'node_modules/.bin/esbuild')}" "${path.join(inputDir, 'node_modules/exceljs/excel.js')}" --bundle --platform=node --target=${LAMBDA_BUNDLING.target} --format=cjs --minify --log-level=error --outfile="${path.join(dir, 'index.js')}"`,
    `echo '{"name":"exceljs","main":"index.js"}' > "${path.join(dir, 'package.json')}"`,
  ];
}

/**
 * The OpenAPI document describes all 120 routes (about 800 KB of JSON): its function serves it as data written beside
 * the bundle at bundling time (functions/src/services/openapi-document.ts), not by bundling every route's schemas
 * and zod's JSON Schema generator.
 */
export const OPENAPI_FUNCTION = 'route/openapi.get';
export const OPENAPI_FILE = 'openapi.json';

/** The shell commands that write the OpenAPI document beside a bundle. */
export function openApiCommands(inputDir: string, outputDir: string): string[] {
  return [`cd "${inputDir}" && node --import tsx scripts/openapi.ts "${path.join(outputDir, OPENAPI_FILE)}"`];
}

/** What some functions add after bundling, beside their bundle. */
const EXTRA_AFTER_BUNDLING: Record<string, (inputDir: string, outputDir: string) => string[]> = {
  ...Object.fromEntries(XLSX_FUNCTIONS.map((name) => [name, exceljsCommands])),
  [OPENAPI_FUNCTION]: openApiCommands,
};

/** The bundling of one function, by its name (`route/<route id>` or `worker/<WORKER_ENTRIES key>`). */
export function bundlingOf(name: string): LambdaBundling {
  const extra = EXTRA_AFTER_BUNDLING[name];
  if (!extra) return LAMBDA_BUNDLING;
  return {
    ...LAMBDA_BUNDLING,
    externalModules: XLSX_FUNCTIONS.includes(name) ? [...LAMBDA_BUNDLING.externalModules, 'exceljs'] : LAMBDA_BUNDLING.externalModules,
    commandHooks: {
      ...LAMBDA_BUNDLING.commandHooks,
      afterBundling: (inputDir: string, outputDir: string) => [
        ...LAMBDA_BUNDLING.commandHooks.afterBundling(inputDir, outputDir),
        ...extra(inputDir, outputDir),
      ],
    },
  };
}

/** The largest minified bundle a function may have (issue 11, item 8). */
export const MAX_BUNDLE_BYTES = 150 * 1024;

/** Entry modules of the functions that are not routes, relative to the repository root. */
export const WORKER_ENTRIES = {
  /** Background jobs (exports, chunked work), invoked asynchronously by the routes that queue them. */
  jobWorker: 'functions/src/workers/job-worker.ts',
  /** The table's stream consumer: read models, cross-checks, the notifications outbox. */
  readModels: 'functions/src/streams/read-models.ts',
  /** The daily reminders, run by EventBridge Scheduler. */
  reminders: 'functions/src/scheduled/reminders.ts',
} as const;

/** Entry module of a route's function: `functions/src/handlers/<route.handler>.ts`. */
export function routeEntry(repoRoot: string, handler: string): string {
  return path.join(repoRoot, 'functions/src/handlers', `${handler}.ts`);
}

/**
 * The esbuild build options that aws-lambda-nodejs derives from {@link LAMBDA_BUNDLING} (it runs
 * `esbuild --bundle --platform=node --target=… --format=… --minify --sourcemap --main-fields=… --external:… --banner:js=…`).
 * Only the options used above are mapped: a new option must be added here too, or the test would build
 * something other than what is deployed.
 */
export function esbuildOptionsOf(bundling: LambdaBundling) {
  return {
    bundle: true,
    platform: 'node' as const,
    target: bundling.target,
    format: bundling.format === OutputFormat.ESM ? ('esm' as const) : ('cjs' as const),
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    mainFields: [...bundling.mainFields],
    external: [...bundling.externalModules],
    banner: { js: bundling.banner },
    // commandHooks run around esbuild (the test runs them itself).
  };
}
