export * from './common.ts';
export * from './errors.ts';
export * from './field-errors.ts';
export * from './openapi.ts';
export * from './roles.ts';
export * from './routes.ts';
export * from './schemas/campaigns.ts';
export * from './schemas/dashboard.ts';
export * from './schemas/discrepancies.ts';
export * from './schemas/facilities.ts';
export * from './schemas/files.ts';
export * from './schemas/me.ts';
export * from './schemas/audit.ts';
export * from './schemas/exports.ts';
export * from './schemas/imports.ts';
export * from './schemas/inspections.ts';
export * from './schemas/masters.ts';
export * from './schemas/paging.ts';
export * from './schemas/people.ts';
export * from './schemas/review.ts';
export * from './schemas/templates.ts';
export * from './schemas/vendors.ts';
export * from './schemas/trainings.ts';
export * from './schemas/notifications.ts';
// incidents:begin
export * from './schemas/incidents.ts';
// incidents:end
// contact-charts:begin
export * from './schemas/contact-charts.ts';
// contact-charts:end
// edge:begin — the response headers CloudFront and the local front door send (docs/decisions/0023-edge-and-deploy.md)
export * from './security-headers.ts';
// edge:end
