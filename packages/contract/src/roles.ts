/** Every role a verified identity can hold. Roles come from the membership record, never from a request. */
export const ROLES = ['operator', 'pref_admin', 'inspector', 'facility_admin', 'facility_member', 'vendor_user'] as const;
export type Role = (typeof ROLES)[number];

/** Role groups used by the route table, so that a route lists intent rather than a long array. */
export const FACILITY_ROLES = ['facility_admin', 'facility_member'] as const satisfies readonly Role[];
export const TENANT_ROLES = ['pref_admin', 'inspector', 'facility_admin', 'facility_member', 'vendor_user'] as const satisfies readonly Role[];

/** The kind of organisation a membership belongs to inside a tenant. */
export const ORG_KINDS = ['prefecture', 'health_center', 'facility', 'vendor', 'operator'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  operator: { ja: '運営者', en: 'Operator' },
  pref_admin: { ja: '都道府県 管理者', en: 'Prefecture administrator' },
  inspector: { ja: '保健所 担当者', en: 'Health-center inspector' },
  facility_admin: { ja: '医療機関 管理者', en: 'Facility administrator' },
  facility_member: { ja: '医療機関 担当者', en: 'Facility member' },
  vendor_user: { ja: '事業者 担当者', en: 'Vendor user' },
};
