import { organisationRepositories, contactChartRepositories } from '@mcr/data';
import { contactChartsOutsideGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { getOutsideContacts } from '../../services/contact-charts.ts';

export const handler = defineHandler(contactChartsOutsideGet, async ({ repos }) =>
  getOutsideContacts(repos(organisationRepositories, contactChartRepositories)),
);
