import { readFileSync } from 'node:fs';
import path from 'node:path';

let document: Record<string, unknown> | undefined;

/**
 * The OpenAPI document, written at bundling time beside the function's bundle (`$LAMBDA_TASK_ROOT/openapi.json`,
 * infra/lib/bundling.ts) and by the local stack at start (`OPENAPI_FILE`). Read once per container: bundling every
 * route's schemas and a JSON Schema generator into the function to build it would make it the largest of all.
 */
export function openApiDocument(): Record<string, unknown> {
  if (!document) {
    const file = process.env.OPENAPI_FILE ?? path.join(process.env.LAMBDA_TASK_ROOT ?? '.', 'openapi.json');
    document = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  }
  return document;
}
