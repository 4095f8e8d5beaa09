import { defineHandler } from '../../pipeline/define-handler.ts';
import { missingDocumentsPage } from '../../services/vendor-documents.ts';

export const handler = defineHandler('documents.missing', async ({ query, repos }) => missingDocumentsPage(repos(), query.cursor));
