/**
 * The built-in templates as data (docs/decisions/0025-lean-functions.md): one JSON file per template in
 * packages/domain/built-in-templates/, which the functions read on first use instead of bundling the TypeScript
 * that builds them (about 110 KB minified in every handler that touched a template). The bundling copies the
 * directory beside each function's bundle (infra/lib/bundling.ts); the local stack reads it where it is.
 *
 *   npx tsx scripts/built-in-templates.ts   # rewrites packages/domain/built-in-templates/*.json
 *
 * test/unit/domain/built-in-templates-data.test.ts fails when the files drift from the TypeScript templates.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInTemplates, type Template } from '@mcr/domain';

export const BUILT_IN_TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/domain/built-in-templates');

/** The file of one template: plain JSON, two-space indented, with a final newline. */
export function templateJson(template: Template): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(BUILT_IN_TEMPLATES_DIR, { recursive: true });
  for (const template of builtInTemplates) writeFileSync(path.join(BUILT_IN_TEMPLATES_DIR, `${template.id}.json`), templateJson(template));
  console.log(`${builtInTemplates.length} templates written to ${path.relative(process.cwd(), BUILT_IN_TEMPLATES_DIR)}`);
}
