import { ForbiddenError } from '../../pipeline/errors.ts';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { healthCenterScope } from '../../services/access.ts';

export const handler = defineHandler('facilities.list', async ({ identity, query, repos }) => {
  const scope = healthCenterScope(identity);
  if (scope && query.healthCenterId && query.healthCenterId !== scope) throw new ForbiddenError();
  const items = await repos().facilities.list({ healthCenterId: scope ?? query.healthCenterId });
  return { items: query.kind ? items.filter((f) => f.kind === query.kind) : items };
});
