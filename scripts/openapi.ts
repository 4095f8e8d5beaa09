import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApi } from '@mcr/contract';

/**
 * Writes the API's OpenAPI 3.1 document (every route of the table) to the file named by the first argument. The
 * bundling of the `openapi.get` function runs it to put the document beside its bundle (infra/lib/bundling.ts), and
 * the local stack runs the same function at start.
 */
export function writeOpenApi(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(buildOpenApi()));
}

const target = process.argv[2];
if (import.meta.url === `file://${process.argv[1]}`) {
  if (!target) {
    console.error('usage: node --import tsx scripts/openapi.ts <output file>');
    process.exit(2);
  }
  writeOpenApi(path.resolve(target));
}
