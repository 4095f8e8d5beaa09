import { defineHandler } from '../../pipeline/define-handler.ts';
import { saveContactChart } from '../../services/contact-charts.ts';

export const handler = defineHandler('contactCharts.save', async ({ identity, body, repos, requestId }) =>
  saveContactChart(repos(), identity, requestId, body),
);
