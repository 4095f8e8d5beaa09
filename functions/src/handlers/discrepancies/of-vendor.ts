import { discrepancyRepositories } from '@mcr/data';
import { DISCREPANCIES_PAGE_SIZE } from '@mcr/contract';
import { discrepanciesOfVendor } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertOwnVendor, toDiscrepancy } from '../../services/discrepancies.ts';

/** A vendor's discrepancies, page by page (GSI1): the prefecture, or the vendor's own users. */
export const handler = defineHandler(discrepanciesOfVendor, async ({ identity, params, query, repos }) => {
  assertOwnVendor(identity, params.vendorId);
  const page = await repos(discrepancyRepositories).discrepancies.ofVendor(params.vendorId, {
    cursor: query.cursor,
    state: query.state,
    limit: DISCREPANCIES_PAGE_SIZE,
  });
  return { items: page.items.map(toDiscrepancy), nextCursor: page.nextCursor };
});
