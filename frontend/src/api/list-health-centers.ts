import { routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** GET /api/health-centers: the 保健所 with their 二次医療圏. */
export function listHealthCenters(signal?: AbortSignal) {
  return callRoute(routes['healthCenters.list'], signal ? { signal } : {});
}
