import { organisationRepositories, inspectionRepositories } from '@mcr/data';
import { INSPECTIONS_PAGE_SIZE, type Inspection } from '@mcr/contract';
import { daysBetween } from '@mcr/domain';
import { inspectionsList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ValidationError } from '../../pipeline/errors.ts';
import { decodeCursor, encodeCursor, healthCentersInScope, toInspection } from '../../services/inspections.ts';

/**
 * The calendar of a date range: one GSI1 query per 保健所 in scope (an inspector: its own only), read in pages
 * of at most 200; `nextCursor` says where the next page starts.
 */
export const handler = defineHandler(inspectionsList, async ({ identity, query, repos }) => {
  if (query.from > query.to) {
    throw new ValidationError([{ field: 'query.from', code: 'range', message: { ja: '開始日は終了日以前にしてください', en: 'from must not be after to' } }]);
  }
  if (daysBetween(query.from, query.to) > 366) {
    throw new ValidationError([
      { field: 'query.to', code: 'range_too_long', message: { ja: '期間は1年以内で指定してください', en: 'The range may be at most one year' } },
    ]);
  }
  const r = repos(organisationRepositories, inspectionRepositories);
  const centers = await healthCentersInScope(r, identity, query.healthCenterId);
  const cursor = decodeCursor(query.cursor);
  const items: Inspection[] = [];
  let hc = cursor.hc;
  let after = cursor.after;
  while (hc < centers.length && items.length < INSPECTIONS_PAGE_SIZE) {
    const page = await r.inspections.listOfHealthCenter(centers[hc] as string, {
      from: query.from,
      to: query.to,
      limit: INSPECTIONS_PAGE_SIZE - items.length,
      after,
    });
    items.push(...page.items.map(toInspection));
    if (page.last) after = page.last;
    else {
      hc++;
      after = undefined;
    }
  }
  return { items, nextCursor: hc < centers.length ? encodeCursor({ hc, after }) : null };
});
