import { organisationRepositories } from '@mcr/data';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { facilitiesList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { healthCenterScope } from '../../services/access.ts';

/** One page of facilities in name order; an inspector's page is always its own 保健所's. */
export const handler = defineHandler(facilitiesList, async ({ identity, query, repos }) => {
  const scope = healthCenterScope(identity);
  if (scope && query.healthCenterId && query.healthCenterId !== scope) throw new ForbiddenError();
  return repos(organisationRepositories).facilities.page({ ...query, healthCenterId: scope ?? query.healthCenterId });
});
