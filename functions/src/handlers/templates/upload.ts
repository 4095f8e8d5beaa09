import { templateRepositories } from '@mcr/data';
import { templatesUpload } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { parseUploadedTemplate, summaryOf } from '../../services/templates.ts';

export const handler = defineHandler(templatesUpload, async ({ identity, body, repos, requestId }) => {
  const r = repos(templateRepositories);
  const template = await parseUploadedTemplate(body.content, r);
  const record = { template, fileName: body.fileName, uploadedAt: new Date().toISOString(), uploadedBy: identity.userId };
  await r.templates.create(record, actorOf(identity, requestId));
  return summaryOf(template, record);
});
