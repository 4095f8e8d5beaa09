import { organisationRepositories, contactChartRepositories } from '@mcr/data';
import { contactChartsConfirm } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { confirmContactChart } from '../../services/contact-charts.ts';

export const handler = defineHandler(contactChartsConfirm, async ({ identity, body, repos, requestId }) =>
  confirmContactChart(repos(organisationRepositories, contactChartRepositories), identity, requestId, body.expectedVersion),
);
