import { fileRepositories } from '@mcr/data';
import { documentsMissing } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { missingDocumentsPage } from '../../services/vendor-documents.ts';

export const handler = defineHandler(documentsMissing, async ({ query, repos }) => missingDocumentsPage(repos(fileRepositories), query.cursor));
