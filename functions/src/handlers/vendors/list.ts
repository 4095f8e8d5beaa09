import { organisationRepositories } from '@mcr/data';
import { vendorsList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';

export const handler = defineHandler(vendorsList, async ({ repos }) => {
  const items = await repos(organisationRepositories).vendors.list();
  return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'ja')) };
});
