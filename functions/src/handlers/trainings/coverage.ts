import { facilityCountRepositories, organisationRepositories, trainingCoverageRepositories } from '@mcr/data';
import { trainingsCoverage } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { healthCenterScope } from '../../services/access.ts';
import { currentFiscalYear } from '../../services/trainings.ts';

/**
 * Training coverage of a fiscal year: per slice (the prefecture, each 保健所) the facilities with at least one
 * attended session, from the read model the stream consumer keeps, against the facility counts. An inspector
 * gets its own 保健所 only.
 */
export const handler = defineHandler(trainingsCoverage, async ({ identity, query, repos }) => {
  const r = repos(organisationRepositories, facilityCountRepositories, trainingCoverageRepositories);
  const fiscalYear = query.fiscalYear ?? currentFiscalYear();
  const own = healthCenterScope(identity);
  const [covered, counts, centers] = await Promise.all([r.trainingCoverage.coverageSlices(fiscalYear), r.facilityCounts.get(), r.healthCenters.list()]);
  const slices = [
    ...(own ? [] : [{ slice: 'pref', name: '都道府県全体', facilities: counts.total, covered: covered.get('pref') ?? 0 }]),
    ...centers
      .filter((hc) => !own || hc.id === own)
      .map((hc) => ({ slice: `hc:${hc.id}`, name: hc.name, facilities: counts.byHealthCenter[hc.id] ?? 0, covered: covered.get(`hc#${hc.id}`) ?? 0 })),
  ];
  return { fiscalYear, slices };
});
