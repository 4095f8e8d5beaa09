import { defineHandler } from '../../pipeline/define-handler.ts';
import { getOutsideContacts } from '../../services/contact-charts.ts';

export const handler = defineHandler('contactCharts.outsideGet', async ({ repos }) => getOutsideContacts(repos()));
