import { tenantsList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';

export const handler = defineHandler(tenantsList, async ({ operator }) => ({ items: await operator().registry.listTenants() }));
