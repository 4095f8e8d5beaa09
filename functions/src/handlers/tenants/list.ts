import { defineHandler } from '../../pipeline/define-handler.ts';

export const handler = defineHandler('tenants.list', async ({ operator }) => ({ items: await operator().registry.listTenants() }));
