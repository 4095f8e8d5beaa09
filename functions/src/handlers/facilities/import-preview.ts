import { organisationRepositories } from '@mcr/data';
import { facilitiesImportPreview } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { planFacilityImport } from '../../services/facility-import.ts';

export const handler = defineHandler(
  facilitiesImportPreview,
  async ({ identity, body, repos }) => (await planFacilityImport(repos(organisationRepositories), identity.tenantId as string, body.rows)).preview,
);
