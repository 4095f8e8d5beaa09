import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/templates: every checklist version (built-in and uploaded) with its counts. */
export function listTemplates(signal?: AbortSignal) {
  return callRoute(routes['templates.list'], signal ? { signal } : {});
}
