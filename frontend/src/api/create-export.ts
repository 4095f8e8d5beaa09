import { type CreateExportBody, routes } from '@mcr/contract';
import { callRoute } from '../lib/api-client.ts';

/** POST /api/exports: queues an export job (official form, or all answers of a campaign). */
export function createExport(body: CreateExportBody) {
  return callRoute(routes['exports.create'], { body });
}
