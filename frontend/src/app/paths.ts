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
  users: () => '/users',
  audit: () => '/audit',
  inspections: () => '/inspections',
  /** The prefecture's list of what facilities and their vendors say differently (decision 0012). */
  discrepancies: () => '/discrepancies',
};
