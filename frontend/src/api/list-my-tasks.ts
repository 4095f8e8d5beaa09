import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/my/tasks: the surveys the signed-in facility has to answer. */
export function listMyTasks(signal?: AbortSignal) {
  return callRoute(routes['tasks.list'], signal ? { signal } : {});
}
