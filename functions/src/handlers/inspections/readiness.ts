import { organisationRepositories, templateRepositories, campaignRepositories, inspectionRepositories } from '@mcr/data';
import { INSPECTIONS_PAGE_SIZE } from '@mcr/contract';
import type { InspectionRecord } from '@mcr/data';
import { todayInJapan } from '@mcr/domain';
import { inspectionsReadiness } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { healthCentersInScope, readinessOf } from '../../services/inspections.ts';

const DAYS = 30;

/** Facilities with an inspection planned in the next 30 days, and whether their checklist is ready for it. */
export const handler = defineHandler(inspectionsReadiness, async ({ identity, query, repos }) => {
  const r = repos(organisationRepositories, templateRepositories, campaignRepositories, inspectionRepositories);
  const today = todayInJapan();
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + DAYS * 86_400_000).toISOString().slice(0, 10);
  const planned: InspectionRecord[] = [];
  for (const hc of await healthCentersInScope(r, identity, query.healthCenterId)) {
    let after: Parameters<typeof r.inspections.listOfHealthCenter>[1]['after'];
    do {
      const page = await r.inspections.listOfHealthCenter(hc, { from: today, to: until, limit: INSPECTIONS_PAGE_SIZE, after });
      planned.push(...page.items.filter((i) => i.status === 'planned'));
      after = page.last;
    } while (after);
  }
  planned.sort((a, b) => a.date.localeCompare(b.date) || a.facilityName.localeCompare(b.facilityName, 'ja'));
  return { today, until, items: await readinessOf(r, planned, today) };
});
