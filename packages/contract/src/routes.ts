import * as def from './route-definitions.ts';
import type { RouteDef } from './route-def.ts';

export type { HttpMethod, RouteDef } from './route-def.ts';

/**
 * The route table: one API route per entry, as plain data (each defined in route-definitions.ts). The same table
 * drives the CDK stack (one function per route), the local front door and the isolation suite, so a route cannot
 * exist in one and not the others.
 */
export const routes = {
  'openapi.get': def.openapiGet,
  'me.get': def.meGet,
  'facilities.list': def.facilitiesList,
  'facilities.counts': def.facilitiesCounts,
  'facilities.get': def.facilitiesGet,
  'campaigns.list': def.campaignsList,
  'campaigns.progress': def.campaignsProgress,
  'dashboard.get': def.dashboardGet,
  'dashboard.heatmap': def.dashboardHeatmap,
  'dashboard.verify': def.dashboardVerify,
  'campaigns.rows': def.campaignsRows,
  'tasks.list': def.tasksList,
  'responses.get': def.responsesGet,
  'responses.saveAnswers': def.responsesSaveAnswers,
  'responses.submit': def.responsesSubmit,
  'campaigns.create': def.campaignsCreate,
  'campaigns.get': def.campaignsGet,
  'campaigns.retryCreation': def.campaignsRetryCreation,
  'campaigns.updateDeadlines': def.campaignsUpdateDeadlines,
  'campaigns.setStatus': def.campaignsSetStatus,
  'campaigns.extensions': def.campaignsExtensions,
  'campaigns.extend': def.campaignsExtend,
  'campaigns.removeExtension': def.campaignsRemoveExtension,
  'templates.list': def.templatesList,
  'templates.get': def.templatesGet,
  'templates.upload': def.templatesUpload,
  'responses.confirm': def.responsesConfirm,
  'responses.return': def.responsesReturn,
  'audit.list': def.auditList,
  'exports.create': def.exportsCreate,
  'exports.get': def.exportsGet,
  'facilities.importPreview': def.facilitiesImportPreview,
  'facilities.import': def.facilitiesImport,
  'healthCenters.list': def.healthCentersList,
  'vendors.list': def.vendorsList,
  'vendors.create': def.vendorsCreate,
  'contracts.list': def.contractsList,
  'contracts.put': def.contractsPut,
  'contracts.delete': def.contractsDelete,
  'users.list': def.usersList,
  'users.invite': def.usersInvite,
  'users.update': def.usersUpdate,
  'tenants.list': def.tenantsList,
  'tenants.create': def.tenantsCreate,
  'inspections.list': def.inspectionsList,
  'inspections.readiness': def.inspectionsReadiness,
  'inspections.listOfFacility': def.inspectionsListOfFacility,
  'inspections.create': def.inspectionsCreate,
  'inspections.update': def.inspectionsUpdate,
  'vendors.get': def.vendorsGet,
  'vendors.facilities': def.vendorsFacilities,
  'vendors.campaigns': def.vendorsCampaigns,
  'vendorResponses.get': def.vendorResponsesGet,
  'vendorResponses.saveProfile': def.vendorResponsesSaveProfile,
  'vendorResponses.deleteProfile': def.vendorResponsesDeleteProfile,
  'vendorResponses.facilities': def.vendorResponsesFacilities,
  'vendorResponses.getFacility': def.vendorResponsesGetFacility,
  'vendorResponses.saveFacility': def.vendorResponsesSaveFacility,
  'vendorResponses.submit': def.vendorResponsesSubmit,
  'vendorResponses.return': def.vendorResponsesReturn,
  'vendorResponses.confirm': def.vendorResponsesConfirm,
  'campaigns.vendors': def.campaignsVendors,
  'facilities.vendorAnswers': def.facilitiesVendorAnswers,
  'uploads.create': def.uploadsCreate,
  'documents.create': def.documentsCreate,
  'documents.list': def.documentsList,
  'documents.link': def.documentsLink,
  'facilities.documents': def.facilitiesDocuments,
  'documents.missing': def.documentsMissing,
  'evidence.create': def.evidenceCreate,
  'evidence.list': def.evidenceList,
  'evidence.remove': def.evidenceRemove,
  'evidence.link': def.evidenceLink,
  'discrepancies.ofFacility': def.discrepanciesOfFacility,
  'discrepancies.ofVendor': def.discrepanciesOfVendor,
  'discrepancies.list': def.discrepanciesList,
  'discrepancies.explain': def.discrepanciesExplain,
  'discrepancies.resolve': def.discrepanciesResolve,
  'trainings.list': def.trainingsList,
  'trainings.create': def.trainingsCreate,
  'trainings.get': def.trainingsGet,
  'trainings.update': def.trainingsUpdate,
  'trainings.cancel': def.trainingsCancel,
  'trainings.registrations': def.trainingsRegistrations,
  'trainings.register': def.trainingsRegister,
  'trainings.cancelRegistration': def.trainingsCancelRegistration,
  'trainings.ics': def.trainingsIcs,
  'trainings.attendance': def.trainingsAttendance,
  'trainings.attendanceImport': def.trainingsAttendanceImport,
  'trainings.export': def.trainingsExport,
  'trainings.ofFacility': def.trainingsOfFacility,
  'trainings.coverage': def.trainingsCoverage,
  'calendar.rotate': def.calendarRotate,
  'calendar.feed': def.calendarFeed,
  'notifications.list': def.notificationsList,
  'notifications.markRead': def.notificationsMarkRead,
  'notifications.markAllRead': def.notificationsMarkAllRead,
  'preferences.get': def.preferencesGet,
  'preferences.put': def.preferencesPut,
  'users.resendInvite': def.usersResendInvite,
  'reminderSettings.get': def.reminderSettingsGet,
  'reminderSettings.put': def.reminderSettingsPut,
  'incidents.list': def.incidentsList,
  'incidents.create': def.incidentsCreate,
  'incidents.get': def.incidentsGet,
  'incidents.update': def.incidentsUpdate,
  'incidents.post': def.incidentsPost,
  'incidents.tick': def.incidentsTick,
  'incidents.close': def.incidentsClose,
  'incidents.counts': def.incidentsCounts,
  'contactCharts.getOwn': def.contactChartsGetOwn,
  'contactCharts.save': def.contactChartsSave,
  'contactCharts.confirm': def.contactChartsConfirm,
  'contactCharts.getOfFacility': def.contactChartsGetOfFacility,
  'contactCharts.list': def.contactChartsList,
  'contactCharts.coverage': def.contactChartsCoverage,
  'contactCharts.outsideGet': def.contactChartsOutsideGet,
  'contactCharts.outsidePut': def.contactChartsOutsidePut,
  'contactCharts.vendorContactGet': def.contactChartsVendorContactGet,
  'contactCharts.vendorContactPut': def.contactChartsVendorContactPut,
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
export const routeList: ReadonlyArray<RouteDef & { id: RouteId }> = Object.entries(routes).map(([id, def]) => ({
  ...(def as RouteDef),
  id: id as RouteId,
}));

/** Path parameters in API Gateway syntax, in order: `/a/{x}/b/{y}` → ['x', 'y']. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string);
}

/** Matches a concrete path against a route path; returns the decoded path parameters or undefined. */
export function matchPath(routePath: string, actual: string): Record<string, string> | undefined {
  const names = pathParamNames(routePath);
  const escaped = routePath.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped.replace(/\{[A-Za-z0-9_]+\}/g, '([^/]+)')}$`);
  const m = pattern.exec(actual);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    out[n] = decodeURIComponent(m[i + 1] as string);
  });
  return out;
}
