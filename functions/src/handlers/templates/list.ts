import { defineHandler } from '../../pipeline/define-handler.ts';
import { listTemplates } from '../../services/templates.ts';

export const handler = defineHandler('templates.list', async ({ repos }) => ({ items: await listTemplates(repos()) }));
