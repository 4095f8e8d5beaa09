import { vendorResponsesFacilities } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { facilitiesPage } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorResponsesFacilities, async ({ identity, params, query, repos }) => facilitiesPage(repos(), identity, params, query));
