import { documentsMissing } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { missingDocumentsPage } from '../../services/vendor-documents.ts';

export const handler = defineHandler(documentsMissing, async ({ query, repos }) => missingDocumentsPage(repos(), query.cursor));
