import { defineHandler } from '../../pipeline/define-handler.ts';
import { confirmContactChart } from '../../services/contact-charts.ts';

export const handler = defineHandler('contactCharts.confirm', async ({ identity, body, repos, requestId }) =>
  confirmContactChart(repos(), identity, requestId, body.expectedVersion),
);
