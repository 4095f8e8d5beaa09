import { defineHandler } from '../../pipeline/define-handler.ts';
import { resolveTemplate, summaryOf } from '../../services/templates.ts';

export const handler = defineHandler('templates.get', async ({ params, repos }) => {
  const { template, record } = await resolveTemplate(repos(), params.templateId);
  return { summary: summaryOf(template, record), template };
});
