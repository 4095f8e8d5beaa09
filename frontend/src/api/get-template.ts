import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/templates/{templateId}: the summary and the full template, for the preview. */
export function getTemplate(templateId: string, signal?: AbortSignal) {
  return callRoute(routes['templates.get'], { params: { templateId }, ...(signal ? { signal } : {}) });
}
