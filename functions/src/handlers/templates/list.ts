import { templateRepositories } from '@mcr/data';
import { templatesList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { listTemplates } from '../../services/templates.ts';

export const handler = defineHandler(templatesList, async ({ repos }) => ({ items: await listTemplates(repos(templateRepositories)) }));
