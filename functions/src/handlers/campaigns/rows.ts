import { NotFoundError } from '@mcr/data';
import { todayInJapan } from '@mcr/domain';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { healthCenterScope } from '../../services/access.ts';

/**
 * One page of a campaign's facility rows (the read model kept by the stream consumer): the slice partition of
 * the most selective filter, the rest filtered, at most four reads whatever the size of the prefecture.
 * An inspector reads only its own 保健所's slice, taken from the verified identity.
 */
export const handler = defineHandler('campaigns.rows', async ({ identity, params, query, repos }) => {
  const scope = healthCenterScope(identity);
  if (scope && query.healthCenterId && query.healthCenterId !== scope) throw new ForbiddenError();
  const r = repos();
  // The campaign must exist in the caller's tenant: another tenant's id is a 404, not an empty page.
  if (!(await r.campaigns.get(params.campaignId))) throw new NotFoundError('campaign');
  const today = todayInJapan();
  const page = await r.campaignRows.page(
    params.campaignId,
    { ...query, healthCenterId: scope ?? query.healthCenterId, overdue: query.overdue === 'true' },
    today,
  );
  return {
    items: page.items.map((row) => ({ ...row, overdue: row.earliestOpenTarget !== null && row.earliestOpenTarget < today })),
    nextCursor: page.nextCursor,
    sort: page.sort,
  };
});
