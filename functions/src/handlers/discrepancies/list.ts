import { discrepancyRepositories } from '@mcr/data';
import { DISCREPANCIES_PAGE_SIZE } from '@mcr/contract';
import { discrepanciesList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { healthCenterScope } from '../../services/access.ts';
import { toDiscrepancy } from '../../services/discrepancies.ts';

/** Open and explained discrepancies of the tenant (sparse GSI2), page by page; an inspector gets its own 保健所 only. */
export const handler = defineHandler(discrepanciesList, async ({ identity, query, repos }) => {
  const own = healthCenterScope(identity);
  if (own && query.healthCenterId && query.healthCenterId !== own) {
    throw new ForbiddenError({ ja: '管轄外の保健所は指定できません', en: 'That health center is outside your jurisdiction' });
  }
  const page = await repos(discrepancyRepositories).discrepancies.open({
    cursor: query.cursor,
    healthCenterId: own ?? query.healthCenterId,
    rule: query.rule,
    limit: DISCREPANCIES_PAGE_SIZE,
  });
  return { items: page.items.map(toDiscrepancy), nextCursor: page.nextCursor };
});
