import { incidentRepositories } from '@mcr/data';
import { incidentsGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { detailOf, readableIncident } from '../../services/incidents.ts';

/** One report with its timeline and the 初動対応 steps (the prefecture, the facility's 保健所, the facility). */
export const handler = defineHandler(incidentsGet, async ({ identity, params, repos }) => {
  const r = repos(incidentRepositories);
  return detailOf(r, identity, await readableIncident(r, identity, params.incidentId));
});
