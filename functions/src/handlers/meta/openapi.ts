import { buildOpenApi } from '@mcr/contract';
import { defineHandler } from '../../pipeline/define-handler.ts';

let doc: Record<string, unknown> | undefined;

export const handler = defineHandler('openapi.get', async () => {
  doc ??= buildOpenApi();
  return doc;
});
