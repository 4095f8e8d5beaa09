import { templateRepositories } from '@mcr/data';
import { templatesGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { resolveTemplate, summaryOf } from '../../services/templates.ts';

export const handler = defineHandler(templatesGet, async ({ params, repos }) => {
  const { template, record } = await resolveTemplate(repos(templateRepositories), params.templateId);
  return { summary: summaryOf(template, record), template };
});
