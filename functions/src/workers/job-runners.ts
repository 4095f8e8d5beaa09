import { CAMPAIGN_CREATE_JOB, runCampaignCreate } from '../services/campaigns.ts';
import { CROSS_CHECK_FACILITIES_JOB, CROSS_CHECK_VENDOR_JOB, runFacilitiesRecheck, runVendorRecheck } from '../services/cross-checks.ts';
import { EXPORT_JOB_KINDS, runCampaignAnswersExport, runFacilityOfficialExport } from '../services/export/runners.ts';
import type { JobRunner } from '../services/jobs.ts';

/** Every kind of background job the worker knows, by the `kind` stored on the job item. */
export const JOB_RUNNERS: Readonly<Record<string, JobRunner<never, unknown>>> = {
  [EXPORT_JOB_KINDS['facility-official']]: runFacilityOfficialExport,
  [EXPORT_JOB_KINDS['campaign-answers']]: runCampaignAnswersExport,
  [CAMPAIGN_CREATE_JOB]: runCampaignCreate as JobRunner<never, unknown>,
  [CROSS_CHECK_VENDOR_JOB]: runVendorRecheck as JobRunner<never, unknown>,
  [CROSS_CHECK_FACILITIES_JOB]: runFacilitiesRecheck as JobRunner<never, unknown>,
};
