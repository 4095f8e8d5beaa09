import { buildOpenApi } from '@mcr/contract';
import { openapiGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';

let doc: Record<string, unknown> | undefined;

export const handler = defineHandler(openapiGet, async () => {
  doc ??= buildOpenApi();
  return doc;
});
