import { organisationRepositories, contactChartRepositories } from '@mcr/data';
import { contactChartsOutsidePut } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { putOutsideContacts } from '../../services/contact-charts.ts';

export const handler = defineHandler(contactChartsOutsidePut, async ({ identity, body, repos, requestId }) =>
  putOutsideContacts(repos(organisationRepositories, contactChartRepositories), identity, requestId, body),
);
