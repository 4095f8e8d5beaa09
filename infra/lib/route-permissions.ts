import type { RouteId } from '@mcr/contract';
import type { FunctionPermissions, KeyScope } from './route-access.ts';

/**
 * Exactly the AWS calls each function makes (docs/decisions/0022-tenant-isolation-in-iam.md): one entry per route,
 * checked both ways against the SDK calls recorded while the integration and browser suites run
 * (test/iam/policies.test.ts): every recorded call must be allowed, and every permission here must have been used.
 * A route's `items`/`indexes` are granted on its tenant-access role, limited to the caller's tenant's keys.
 *
 * Every route reads the caller's membership (GetItem) in the pipeline before its handler runs.
 */
export const ROUTE_PERMISSIONS: Record<RouteId, FunctionPermissions> = {
  'openapi.get': {},
  'me.get': { items: ['GetItem'] },
  'facilities.list': { items: ['GetItem'], indexes: ['GSI1', 'GSI2'] },
  'facilities.counts': { items: ['GetItem'] },
  'facilities.get': { items: ['GetItem'] },
  'campaigns.list': { items: ['GetItem'], indexes: ['GSI1'] },
  'campaigns.progress': { items: ['GetItem'] },
  'dashboard.get': { items: ['GetItem', 'Query'], indexes: ['GSI1'] },
  'dashboard.heatmap': { items: ['GetItem', 'Query'] },
  'dashboard.verify': { items: ['GetItem', 'Query', 'PutItem'], indexes: ['GSI2'] },
  'campaigns.rows': { items: ['GetItem', 'Query'], indexes: ['GSI2', 'GSI3', 'GSI4'] },
  'tasks.list': { items: ['GetItem', 'BatchGetItem'], indexes: ['GSI2'] },
  'responses.get': { items: ['GetItem', 'Query'] },
  'responses.saveAnswers': { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'] },
  'responses.submit': { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] },
  'campaigns.create': { items: ['GetItem', 'PutItem', 'BatchWriteItem'], indexes: ['GSI1', 'GSI2'], jobs: true },
  'campaigns.get': { items: ['GetItem'] },
  'campaigns.retryCreation': { items: ['GetItem', 'PutItem', 'UpdateItem'], jobs: true },
  'campaigns.updateDeadlines': { items: ['GetItem', 'PutItem', 'UpdateItem'] },
  'campaigns.setStatus': { items: ['GetItem', 'PutItem', 'UpdateItem'] },
  'campaigns.extensions': { items: ['GetItem', 'Query'] },
  'campaigns.extend': { items: ['GetItem', 'BatchGetItem', 'PutItem', 'ConditionCheckItem'] },
  'campaigns.removeExtension': { items: ['GetItem', 'PutItem', 'DeleteItem'] },
  'templates.list': { items: ['GetItem', 'Query'] },
  'templates.get': { items: ['GetItem'] },
  'templates.upload': { items: ['GetItem', 'Query', 'PutItem'] },
  'responses.confirm': { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] },
  'responses.return': { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] },
  'audit.list': { items: ['GetItem', 'Query'], indexes: ['GSI1'] },
  'exports.create': { items: ['GetItem', 'Query', 'PutItem'], jobs: true },
  'exports.get': { items: ['GetItem'], exports: ['GetObject'] },
  'facilities.importPreview': { items: ['GetItem', 'BatchGetItem', 'Query'] },
  'facilities.import': { items: ['GetItem', 'BatchGetItem', 'Query', 'PutItem'] },
  'healthCenters.list': { items: ['GetItem', 'Query'] },
  'vendors.list': { items: ['GetItem'], indexes: ['GSI1'] },
  'vendors.create': { items: ['GetItem', 'PutItem'] },
  'contracts.list': { items: ['GetItem', 'Query'] },
  'contracts.put': { items: ['GetItem', 'PutItem', 'UpdateItem'], indexes: ['GSI2'] },
  'contracts.delete': { items: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], indexes: ['GSI2'] },
  'users.list': { items: ['GetItem'], indexes: ['GSI1', 'GSI2'] },
  'users.invite': {
    items: ['GetItem', 'PutItem'],
    cognito: ['AdminAddUserToGroup', 'AdminCreateUser'],
    untestedCognito: {
      AdminDeleteUser:
        'Undoes the new pool user when its group or its membership cannot be written (services/people.ts, identity-admin.ts), so that the invitation can be sent again; the local stand-ins cannot be made to fail there.',
    },
    mail: true,
  },
  'users.update': { items: ['GetItem', 'PutItem'], cognito: ['AdminDisableUser', 'AdminEnableUser'] },
  'tenants.list': { items: ['BatchGetItem'] },
  'tenants.create': { items: ['GetItem', 'PutItem'], cognito: ['AdminAddUserToGroup', 'AdminCreateUser', 'AdminDeleteUser', 'CreateGroup'], mail: true },
  'inspections.list': { items: ['GetItem', 'Query'], indexes: ['GSI1'] },
  'inspections.readiness': { items: ['GetItem', 'Query'], indexes: ['GSI1', 'GSI2'] },
  'inspections.listOfFacility': { items: ['GetItem', 'Query'], indexes: ['GSI1', 'GSI2'] },
  'inspections.create': { items: ['GetItem', 'PutItem'] },
  'inspections.update': { items: ['GetItem', 'Query', 'PutItem', 'DeleteItem'] },
  'vendors.get': { items: ['GetItem'], indexes: ['GSI2'] },
  'vendors.facilities': { items: ['GetItem', 'BatchGetItem'], indexes: ['GSI2'] },
  'vendors.campaigns': { items: ['GetItem', 'BatchGetItem'], indexes: ['GSI2'] },
  'vendorResponses.get': { items: ['GetItem', 'Query'] },
  'vendorResponses.saveProfile': { items: ['GetItem', 'PutItem', 'UpdateItem'] },
  'vendorResponses.deleteProfile': { items: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'] },
  'vendorResponses.facilities': { items: ['GetItem', 'Query'] },
  'vendorResponses.getFacility': { items: ['GetItem', 'Query'] },
  'vendorResponses.saveFacility': { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] },
  'vendorResponses.submit': { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] },
  'vendorResponses.return': { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] },
  'vendorResponses.confirm': { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] },
  'campaigns.vendors': { items: ['GetItem', 'Query'] },
  'facilities.vendorAnswers': { items: ['GetItem', 'BatchGetItem'], indexes: ['GSI2'] },
  'uploads.create': { items: ['GetItem', 'PutItem'], documents: { quarantine: ['PutObject'] } },
  'documents.create': {
    items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
    documents: { files: ['GetObject', 'PutObject', 'PutObjectRetention'], quarantine: ['GetObject'] },
  },
  'documents.list': { items: ['GetItem', 'Query'] },
  'documents.link': { items: ['GetItem', 'Query'], documents: { files: ['GetObject'] } },
  'facilities.documents': { items: ['GetItem', 'Query'] },
  'documents.missing': { items: ['GetItem', 'Query'], indexes: ['GSI1', 'GSI2'] },
  'evidence.create': {
    items: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
    documents: { files: ['GetObject', 'PutObject', 'PutObjectRetention'], quarantine: ['GetObject'] },
  },
  'evidence.list': { items: ['GetItem', 'BatchGetItem', 'Query'] },
  'evidence.remove': { items: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'] },
  'evidence.link': { items: ['GetItem', 'BatchGetItem'], documents: { files: ['GetObject'] } },
  'discrepancies.ofFacility': { items: ['GetItem', 'Query'] },
  'discrepancies.ofVendor': { items: ['GetItem'], indexes: ['GSI1'] },
  'discrepancies.list': { items: ['GetItem'], indexes: ['GSI2'] },
  'discrepancies.explain': { items: ['GetItem', 'PutItem'] },
  'discrepancies.resolve': { items: ['GetItem', 'PutItem'] },
  'trainings.list': { items: ['GetItem'], indexes: ['GSI1', 'GSI2'] },
  'trainings.create': { items: ['GetItem', 'PutItem'] },
  'trainings.get': { items: ['GetItem'], indexes: ['GSI2'] },
  'trainings.update': { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem'] },
  'trainings.cancel': { items: ['GetItem', 'PutItem', 'UpdateItem'] },
  'trainings.registrations': { items: ['GetItem', 'Query'] },
  'trainings.register': { items: ['GetItem', 'PutItem', 'UpdateItem'] },
  'trainings.cancelRegistration': { items: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'] },
  'trainings.ics': { items: ['GetItem'] },
  'trainings.attendance': { items: ['GetItem', 'PutItem', 'UpdateItem'] },
  'trainings.attendanceImport': {
    items: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
    documents: { files: ['GetObject', 'PutObject', 'PutObjectRetention'], quarantine: ['GetObject'] },
  },
  'trainings.export': { items: ['GetItem', 'BatchGetItem', 'Query'] },
  'trainings.ofFacility': { items: ['GetItem'], indexes: ['GSI2'] },
  'trainings.coverage': { items: ['GetItem', 'Query'] },
  'calendar.rotate': { items: ['GetItem', 'PutItem', 'DeleteItem'] },
  'calendar.feed': { items: ['GetItem'], indexes: ['GSI2'] },
  'notifications.list': { items: ['GetItem', 'Query'] },
  'notifications.markRead': { items: ['GetItem', 'UpdateItem'] },
  'notifications.markAllRead': { items: ['GetItem', 'UpdateItem'], indexes: ['GSI1'] },
  'preferences.get': { items: ['GetItem'] },
  'preferences.put': { items: ['GetItem', 'PutItem'] },
  'users.resendInvite': { items: ['GetItem', 'PutItem'], cognito: ['AdminGetUser', 'AdminSetUserPassword'], mail: true },
  'reminderSettings.get': { items: ['GetItem'] },
  'reminderSettings.put': { items: ['GetItem', 'PutItem'] },
  'incidents.list': { items: ['GetItem', 'Query'], indexes: ['GSI1', 'GSI2'] },
  'incidents.create': { items: ['GetItem', 'Query', 'PutItem'] },
  'incidents.get': { items: ['GetItem', 'Query'] },
  'incidents.update': { items: ['GetItem', 'Query', 'PutItem'] },
  'incidents.post': { items: ['GetItem', 'PutItem'] },
  'incidents.tick': { items: ['GetItem', 'Query', 'PutItem'] },
  'incidents.close': { items: ['GetItem', 'Query', 'PutItem', 'DeleteItem'] },
  'incidents.counts': { items: ['GetItem', 'Query'] },
  'contactCharts.getOwn': { items: ['GetItem', 'BatchGetItem', 'Query'] },
  'contactCharts.save': { items: ['GetItem', 'BatchGetItem', 'Query', 'PutItem'] },
  'contactCharts.confirm': { items: ['GetItem', 'BatchGetItem', 'Query', 'PutItem'] },
  'contactCharts.getOfFacility': { items: ['GetItem', 'BatchGetItem', 'Query'] },
  'contactCharts.list': { items: ['GetItem', 'BatchGetItem'], indexes: ['GSI1', 'GSI2'] },
  'contactCharts.coverage': { items: ['GetItem', 'Query'] },
  'contactCharts.outsideGet': { items: ['GetItem', 'Query'] },
  'contactCharts.outsidePut': { items: ['GetItem', 'Query', 'PutItem'] },
  'contactCharts.vendorContactGet': { items: ['GetItem'] },
  'contactCharts.vendorContactPut': { items: ['GetItem', 'PutItem'] },
};

/**
 * The operator's list of tenants reads the registry (the tenants' profiles); every other route acts on one tenant:
 * the caller's, the one the calendar feed's path names (proven by its secret), or the one the operator creates.
 */
export function keyScopeOf(routeId: RouteId): KeyScope {
  return routeId === 'tenants.list' ? 'registry' : 'tenant';
}

/**
 * The background functions are cross-tenant by nature: the stream consumer follows every tenant's writes, the
 * reminders run through every tenant, the job worker serves jobs of any tenant. They hold exactly the actions they
 * use, on the table and the indexes they use, never Scan; an audit entry cannot be updated or deleted by them either.
 */
export const BACKGROUND_PERMISSIONS = {
  jobWorker: { items: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'BatchWriteItem'], indexes: ['GSI1', 'GSI2'], exports: ['PutObject'] },
  readModels: { items: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'BatchWriteItem'], indexes: ['GSI1', 'GSI2'], mail: true, jobs: true },
  reminders: { items: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'], indexes: ['GSI1', 'GSI2'], mail: true },
} as const satisfies Record<string, FunctionPermissions>;

/** Construct ids of the background functions in the parent stack, by the name their recording uses. */
export const BACKGROUND_FUNCTIONS: Record<keyof typeof BACKGROUND_PERMISSIONS, string> = {
  jobWorker: 'FnJobWorker',
  readModels: 'FnReadModels',
  reminders: 'FnReminders',
};
