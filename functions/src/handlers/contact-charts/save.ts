import { organisationRepositories, contactChartRepositories } from '@mcr/data';
import { contactChartsSave } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { saveContactChart } from '../../services/contact-charts.ts';

export const handler = defineHandler(contactChartsSave, async ({ identity, body, repos, requestId }) =>
  saveContactChart(repos(organisationRepositories, contactChartRepositories), identity, requestId, body),
);
