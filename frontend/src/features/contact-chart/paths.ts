/** Addresses of the 連絡体制図 pages (issue 10), spelled once. */
export const ccPaths = {
  own: () => '/contact-chart',
  ofFacility: (facilityId: string) => `/facilities/${encodeURIComponent(facilityId)}/contact-chart`,
  list: () => '/contact-charts',
  outside: () => '/contact-charts/outside',
};
