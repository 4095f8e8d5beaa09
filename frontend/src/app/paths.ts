/** Paths of the app; links are built here so a path is spelled once. */
export const paths = {
  home: () => '/',
  campaigns: () => '/campaigns',
  progress: (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/progress`,
  dashboard: (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/dashboard`,
  /** Opens the dashboard of the latest open survey. */
  latestDashboard: () => '/dashboard',
  response: (campaignId: string, facilityId: string) => `/campaigns/${encodeURIComponent(campaignId)}/facilities/${encodeURIComponent(facilityId)}`,
  templates: () => '/templates',
  template: (templateId: string) => `/templates/${encodeURIComponent(templateId)}`,
  facilities: () => '/facilities',
  facility: (facilityId: string) => `/facilities/${encodeURIComponent(facilityId)}`,
  vendors: () => '/vendors',
  /** One vendor for the prefecture: its MDS/SDS, surveys and contracted facilities. */
  vendor: (vendorId: string) => `/vendors/${encodeURIComponent(vendorId)}`,
  /** A vendor-form survey across its vendors (the prefecture). */
  vendorProgress: (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/vendors`,
  /** A vendor's response: its standard answers (the vendor answers, the prefecture reviews). */
  vendorResponse: (campaignId: string, vendorId: string) => `/campaigns/${encodeURIComponent(campaignId)}/vendors/${encodeURIComponent(vendorId)}`,
  /** What a vendor answers for one facility: the standard answer applied and the cells changed for it. */
  vendorFacility: (campaignId: string, vendorId: string, facilityId: string) =>
    `/campaigns/${encodeURIComponent(campaignId)}/vendors/${encodeURIComponent(vendorId)}/facilities/${encodeURIComponent(facilityId)}`,
  users: () => '/users',
  audit: () => '/audit',
  inspections: () => '/inspections',
  /** The prefecture's list of what facilities and their vendors say differently (decision 0012). */
  discrepancies: () => '/discrepancies',
  // trainings:begin
  /** 研修: the prefecture's sessions, a 保健所's view, a facility's registrations. */
  trainings: () => '/trainings',
  training: (sessionId: string) => `/trainings/${encodeURIComponent(sessionId)}`,
  // trainings:end
  // notifications:begin
  /** My notifications (お知らせ), newest first. */
  notifications: () => '/notifications',
  /** My mail preferences (メール設定). */
  mailSettings: () => '/settings/mail',
  // notifications:end
  // bcp:begin
  /** The facility's BCP 確認表 (its answers to the BCP campaigns). */
  bcp: () => '/bcp',
  // bcp:end
  // incidents:begin
  /** Suspected-incident reports: the prefecture's list, a 保健所's, a facility's own. */
  incidents: () => '/incidents',
  newIncident: () => '/incidents/new',
  incident: (incidentId: string) => `/incidents/${encodeURIComponent(incidentId)}`,
  // incidents:end
};
