import { defineHandler } from '../../pipeline/define-handler.ts';

/** The facility counts of the caller's tenant (one GetItem): what a campaign's target will reach. */
export const handler = defineHandler('facilities.counts', async ({ repos }) => repos().facilityCounts.get());
