import { organisationRepositories } from '@mcr/data';
import { healthCentersList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { healthCenterScope } from '../../services/access.ts';

export const handler = defineHandler(healthCentersList, async ({ identity, repos }) => {
  const scope = healthCenterScope(identity);
  const items = await repos(organisationRepositories).healthCenters.list();
  return { items: scope ? items.filter((h) => h.id === scope) : items };
});
