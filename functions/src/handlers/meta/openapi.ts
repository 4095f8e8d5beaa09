import { openapiGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { openApiDocument } from '../../services/openapi-document.ts';

export const handler = defineHandler(openapiGet, async () => openApiDocument());
