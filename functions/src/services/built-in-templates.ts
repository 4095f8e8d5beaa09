import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_TEMPLATE_IDS, type Template } from '@mcr/domain';

/**
 * The built-in templates, read as data (docs/decisions/0025-lean-functions.md). The TypeScript that builds them
 * (packages/domain/src/checklist/templates) would add about 110 KB to every bundle that reads one; the functions
 * read the same templates from packages/domain/built-in-templates/<id>.json instead (written by
 * scripts/built-in-templates.ts, checked against the TypeScript by a unit test), each file once per container,
 * on first use. In AWS the bundling copies that directory beside the bundle (infra/lib/bundling.ts); locally the
 * handlers run from the sources and read it in the repository.
 */
function directory(): string {
  // infra/lib/bundling.ts (BUILT_IN_TEMPLATES) copies the files there.
  const taskRoot = process.env.LAMBDA_TASK_ROOT;
  if (taskRoot) return path.join(taskRoot, BUILT_IN_TEMPLATES_DIRNAME);
  return fileURLToPath(new URL('../../../packages/domain/built-in-templates/', import.meta.url));
}

/** Name of the directory beside the bundle (in the function's package) that holds the templates' JSON files. */
export const BUILT_IN_TEMPLATES_DIRNAME = 'built-in-templates';

const ids: ReadonlySet<string> = new Set(BUILT_IN_TEMPLATE_IDS);
const cache = new Map<string, Template>();

/** A built-in template by id (`mhlw-facility-r6`); undefined for an id that is not built in. */
export function getBuiltInTemplate(id: string): Template | undefined {
  if (!ids.has(id)) return undefined;
  let template = cache.get(id);
  if (!template) {
    template = JSON.parse(readFileSync(path.join(directory(), `${id}.json`), 'utf8')) as Template;
    cache.set(id, template);
  }
  return template;
}

/** Every built-in template, oldest first within each form (the order of BUILT_IN_TEMPLATE_IDS). */
export function builtInTemplates(): Template[] {
  return BUILT_IN_TEMPLATE_IDS.map((id) => getBuiltInTemplate(id) as Template);
}
