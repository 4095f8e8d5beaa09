import { routes, type UploadTemplateBody } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/**
 * POST /api/templates: a template file as its JSON text. 400 VALIDATION_FAILED names each problem with its
 * line in the file when known; 409 ALREADY_EXISTS when the id is taken.
 */
export function uploadTemplate(body: UploadTemplateBody) {
  return callRoute(routes['templates.upload'], { body });
}
