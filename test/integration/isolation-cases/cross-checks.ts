import type { RouteId } from '@mcr/contract';
import type { IsolationCase } from '../../support/isolation.ts';

type CrossCheckRouteId = Extract<RouteId, `discrepancies.${string}`>;

const hospital = 'f001';
const ownVendor = 'v-awa-medical';

/** Isolation cases of this part's routes; spread into the suite's table, which must cover every route. */
export const CROSS_CHECK_CASES: Record<CrossCheckRouteId, IsolationCase> = {
  'discrepancies.ofFacility': {
    positive: { as: 'hospital-admin@tokushima.example.jp', path: `/api/facilities/${hospital}/discrepancies` },
    crossTenant: { as: 'pref-admin@kagawa.example.jp', path: `/api/facilities/${hospital}/discrepancies` },
    crossOrg: { as: 'clinic-director@tokushima.example.jp', path: `/api/facilities/${hospital}/discrepancies` },
  },
  'discrepancies.ofVendor': {
    positive: { as: 'vendor@awa-medical.example.jp', path: `/api/vendors/${ownVendor}/discrepancies` },
    crossTenant: { as: 'pref-admin@kagawa.example.jp', path: `/api/vendors/${ownVendor}/discrepancies` },
    crossOrg: { as: 'vendor@awa-medical.example.jp', path: '/api/vendors/v-pacs-japan/discrepancies' },
  },
  'discrepancies.list': {
    positive: { as: 'pref-admin@tokushima.example.jp', path: '/api/discrepancies' },
    crossTenant: { as: 'pref-admin@kagawa.example.jp', path: '/api/discrepancies' },
    crossOrg: { as: 'inspector@tokushima.example.jp', path: '/api/discrepancies?healthCenterId=hc-anan' },
  },
  'discrepancies.explain': {
    positive: { as: 'hospital-admin@tokushima.example.jp', path: `/api/facilities/${hospital}/discrepancies/x/explanations`, method: 'POST' },
    crossTenant: { as: 'hospital-admin@kagawa.example.jp', path: `/api/facilities/${hospital}/discrepancies/x/explanations`, method: 'POST' },
    crossOrg: { as: 'clinic-director@tokushima.example.jp', path: `/api/facilities/${hospital}/discrepancies/x/explanations`, method: 'POST' },
  },
  'discrepancies.resolve': {
    positive: { as: 'pref-admin@tokushima.example.jp', path: `/api/facilities/${hospital}/discrepancies/x/resolve`, method: 'POST' },
    crossTenant: { as: 'pref-admin@kagawa.example.jp', path: `/api/facilities/${hospital}/discrepancies/x/resolve`, method: 'POST' },
    crossOrg: { as: 'inspector@tokushima.example.jp', path: `/api/facilities/${hospital}/discrepancies/x/resolve`, method: 'POST' },
  },
};
