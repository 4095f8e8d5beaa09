import { facilityCountRepositories } from '@mcr/data';
import { facilitiesCounts } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';

/** The facility counts of the caller's tenant (one GetItem): what a campaign's target will reach. */
export const handler = defineHandler(facilitiesCounts, async ({ repos }) => repos(facilityCountRepositories).facilityCounts.get());
