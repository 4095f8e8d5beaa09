import type { Db } from './client.ts';
import type { TenantScope } from './keys.ts';
import { readModelRepositories } from './read-models/aggregates.ts';
import { facilityCountRepositories } from './read-models/facility-counts.ts';
import { rowRepositories } from './read-models/rows.ts';
import { auditRepositories } from './repositories/audit.ts';
import { campaignRepositories } from './repositories/campaigns.ts';
import { discrepancyRepositories } from './repositories/discrepancies.ts';
import { fileRepositories } from './repositories/files.ts';
import { jobRepositories } from './repositories/jobs.ts';
import { notificationRepositories } from './repositories/notifications.ts';
import { responsePageRepositories } from './repositories/response-pages.ts';
import { inspectionRepositories } from './repositories/inspections.ts';
import { organisationRepositories } from './repositories/organisations.ts';
import { templateRepositories } from './repositories/templates.ts';
import { facilityVendorAnswerRepositories, vendorResponseRepositories } from './repositories/vendor-responses.ts';
// contact-charts:begin
import { contactChartRepositories } from './repositories/contact-charts.ts';
// contact-charts:end
// campaign-lifecycle:begin
import { campaignLifecycleRepositories } from './repositories/campaign-lifecycle.ts';
// campaign-lifecycle:end
// trainings:begin
import { trainingCoverageRepositories, trainingRepositories } from './repositories/trainings.ts';
import { reminderSettingsRepositories } from './repositories/reminder-settings.ts';
// trainings:end
// incidents:begin
import { incidentRepositories } from './repositories/incidents.ts';
// incidents:end

export {
  COMMENTS_PER_ITEM,
  countByStatus,
  EDITABLE_STATUSES,
  latestPerRound,
  MAX_NOTE_WRITES_PER_SAVE,
  TARGET_IDS_PER_ITEM,
  emptyByStatus,
  type InitialResponse,
  type SaveResponseInput,
  type SubmitResponseInput,
} from './repositories/campaigns.ts';
export { monthsBetween } from './repositories/audit.ts';
export { JOB_MAX_ATTEMPTS, JOB_TTL_SECONDS, type JobRecord } from './repositories/jobs.ts';
export type { ResponsePageOptions } from './repositories/response-pages.ts';
export type { InspectionPageKey, InspectionRecord } from './repositories/inspections.ts';
export { loadMembership } from './repositories/organisations.ts';
export {
  DEFAULT_VENDOR_PROFILE,
  type EffectiveVendorAnswers,
  TooManyProfilesError,
  VENDOR_PROFILE_LIMIT,
  vendorKeys,
  type VendorResponseWithHistory,
} from './repositories/vendor-responses.ts';
export {
  DEDUPE_TTL_SECONDS,
  type DeliverInput,
  MARK_ALL_MAX,
  notificationIdOf,
  notificationKeys,
  notificationTimeOf,
} from './repositories/notifications.ts';
export { documentIdOf, fileKeys, UPLOAD_TTL_SECONDS } from './repositories/files.ts';
export {
  activeOfCampaign,
  DISCREPANCY_HISTORY_MAX,
  type DiscrepancyFacility,
  discrepancyIdOf,
  discrepancyKeys,
  findingIdOf,
  type ReconcileFinding,
  type StoredDiscrepancy,
} from './repositories/discrepancies.ts';

/**
 * Repositories bound to one tenant. The scope comes from the verified identity (or, for seeding and
 * operator tools, from an explicit system scope); no method takes a tenant id.
 */
export function createRepositories(db: Db, scope: TenantScope) {
  return {
    ...organisationRepositories(db, scope),
    ...templateRepositories(db, scope),
    ...campaignRepositories(db, scope),
    ...auditRepositories(db, scope),
    ...rowRepositories(db, scope),
    ...readModelRepositories(db, scope),
    ...facilityCountRepositories(db, scope),
    ...jobRepositories(db, scope),
    ...responsePageRepositories(db, scope),
    ...inspectionRepositories(db, scope),
    ...vendorResponseRepositories(db, scope),
    ...facilityVendorAnswerRepositories(db, scope), // lean-functions: the cross-checks' read on its own
    ...fileRepositories(db, scope),
    ...discrepancyRepositories(db, scope),
    ...notificationRepositories(db, scope),
    // campaign-lifecycle:begin
    ...campaignLifecycleRepositories(db, scope),
    // campaign-lifecycle:end
    // trainings:begin
    ...trainingRepositories(db, scope),
    ...trainingCoverageRepositories(db, scope), // lean-functions: the coverage read model on its own
    ...reminderSettingsRepositories(db, scope),
    // trainings:end
    // incidents:begin
    ...incidentRepositories(db, scope),
    // incidents:end
    // contact-charts:begin
    ...contactChartRepositories(db, scope),
    // contact-charts:end
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
// lean-functions:begin — each factory on its own: a function builds only the groups it uses (decision 0025).
export {
  auditRepositories,
  campaignLifecycleRepositories,
  campaignRepositories,
  contactChartRepositories,
  discrepancyRepositories,
  facilityVendorAnswerRepositories,
  fileRepositories,
  incidentRepositories,
  inspectionRepositories,
  jobRepositories,
  notificationRepositories,
  organisationRepositories,
  reminderSettingsRepositories,
  responsePageRepositories,
  templateRepositories,
  trainingCoverageRepositories,
  trainingRepositories,
  vendorResponseRepositories,
};
// lean-functions:end
// trainings:begin
export { RegistrationRefusedError, trainingKeys, utcOf } from './repositories/trainings.ts';
export { type ReminderSettingsRecord, reminderSettingsKey } from './repositories/reminder-settings.ts';
// trainings:end
// campaign-lifecycle:begin
export { campaignStatusOf, type CampaignStatusValue, type DeadlineExtensionRecord, extensionKeys } from './repositories/campaign-lifecycle.ts';
// campaign-lifecycle:end
export { createOperatorRepositories, PREFECTURE_CODES } from './repositories/tenants.ts';
export type OperatorRepositories = ReturnType<typeof import('./repositories/tenants.ts').createOperatorRepositories>;
// contact-charts:begin
export { type ContactChartRecord, contactChartKeys, type StoredOutsideContacts, type StoredVendorIncidentContact } from './repositories/contact-charts.ts';
// contact-charts:end
// incidents:begin
export {
  applyIncidentCountDeltas,
  incidentCountContribution,
  type IncidentCountsRecord,
  incidentKeys,
  type IncidentMutation,
} from './repositories/incidents.ts';
// incidents:end
