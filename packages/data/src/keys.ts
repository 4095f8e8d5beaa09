/**
 * Key builders. Every key, in the table and in each GSI, starts with `T#<tenantId>`: a key for another
 * tenant cannot be built from a scope that was created from the caller's verified identity.
 */
export interface TenantScope {
  readonly tenantId: string;
}

const t = (s: TenantScope) => `T#${s.tenantId}`;

/** How names are ordered and searched in keys: NFKC (full-width ＡＢＣ and half-width ｶﾅ fold), lower case. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim();
}

export const keys = {
  tenant: (s: TenantScope) => ({ PK: t(s), SK: 'PROFILE' }),
  /** Membership of one user: role and organisation. Read by the auth middleware on every request. */
  membership: (s: TenantScope, userId: string) => ({ PK: `${t(s)}#USER#${userId}`, SK: 'MEMBERSHIP' }),
  membershipByOrg: (s: TenantScope, orgId: string) => ({ GSI1PK: `${t(s)}#ORG#${orgId}#USERS` }),
  /** GSI2: every user of the tenant, by e-mail. */
  membershipsPartition: (s: TenantScope) => `${t(s)}#USERS`,
  healthCenter: (s: TenantScope, id: string) => ({ PK: `${t(s)}#HC`, SK: `HC#${id}` }),
  healthCenters: (s: TenantScope) => ({ PK: `${t(s)}#HC` }),
  facility: (s: TenantScope, id: string) => ({ PK: `${t(s)}#FAC#${id}`, SK: 'PROFILE' }),
  /** GSI1: every facility of the tenant, grouped by 保健所 so an inspector's list is one Query. */
  facilityIndex: (s: TenantScope, healthCenterId: string, id: string, name: string) => ({
    GSI1PK: `${t(s)}#FACILITIES`,
    GSI1SK: `HC#${healthCenterId}#FAC#${nameKey(name)}#${id}`,
  }),
  /** GSI2: every facility of the tenant in name order, so that a name prefix is one key range. */
  facilityByName: (s: TenantScope, name: string, id: string) => ({ GSI2PK: `${t(s)}#FACNAMES`, GSI2SK: `${nameKey(name)}#${id}` }),
  facilityNamesPartition: (s: TenantScope) => `${t(s)}#FACNAMES`,
  facilitiesPartition: (s: TenantScope) => `${t(s)}#FACILITIES`,
  /** 医療機関コード → facility id, so that a re-import finds its facilities by key, not by listing them all. */
  facilityCode: (s: TenantScope, code: string) => ({ PK: `${t(s)}#FACCODE#${code}`, SK: 'CODE' }),
  facilitiesOfHealthCenterPrefix: (healthCenterId: string) => `HC#${healthCenterId}#FAC#`,
  vendor: (s: TenantScope, id: string) => ({ PK: `${t(s)}#VEN#${id}`, SK: 'PROFILE' }),
  vendorIndex: (s: TenantScope, id: string) => ({ GSI1PK: `${t(s)}#VENDORS`, GSI1SK: `VEN#${id}` }),
  vendorsPartition: (s: TenantScope) => `${t(s)}#VENDORS`,
  /** Contract facility ↔ vendor, stored under the facility; GSI2 lists a vendor's facilities. */
  contract: (s: TenantScope, facilityId: string, vendorId: string) => ({ PK: `${t(s)}#FAC#${facilityId}`, SK: `CONTRACT#${vendorId}` }),
  contractByVendor: (s: TenantScope, vendorId: string, facilityId: string) => ({ GSI2PK: `${t(s)}#VEN#${vendorId}#FACILITIES`, GSI2SK: `FAC#${facilityId}` }),
  campaign: (s: TenantScope, id: string) => ({ PK: `${t(s)}#CAMP#${id}`, SK: 'META' }),
  campaignIndex: (s: TenantScope, opensOn: string, id: string) => ({ GSI1PK: `${t(s)}#CAMPAIGNS`, GSI1SK: `${opensOn}#${id}` }),
  campaignsPartition: (s: TenantScope) => `${t(s)}#CAMPAIGNS`,
  /** The campaign's size, written once its responses are; the changing numbers are the read models' `AGG#<slice>` items. */
  campaignAggregate: (s: TenantScope, id: string) => ({ PK: `${t(s)}#CAMP#${id}`, SK: 'AGG' }),
  /** One facility's answers to one campaign. */
  response: (s: TenantScope, campaignId: string, facilityId: string) => ({ PK: `${t(s)}#CAMP#${campaignId}`, SK: `RESP#FAC#${facilityId}` }),
  responsesOfCampaignPrefix: 'RESP#FAC#',
  responseByFacility: (s: TenantScope, facilityId: string, campaignId: string) => ({
    GSI2PK: `${t(s)}#FAC#${facilityId}#RESPONSES`,
    GSI2SK: `CAMP#${campaignId}`,
  }),
  /** A background job (exports, chunked campaign creation): status, progress and result; removed by TTL. */
  job: (s: TenantScope, id: string) => ({ PK: `${t(s)}#JOB#${id}`, SK: 'META' }),
  /** A template version uploaded by the tenant (built-in versions live in code). */
  template: (s: TenantScope, id: string) => ({ PK: `${t(s)}#TPL`, SK: `TPL#${id}` }),
  templatesPartition: (s: TenantScope) => `${t(s)}#TPL`,
  /** A submitted round, kept as history (immutable snapshot). */
  submission: (s: TenantScope, campaignId: string, facilityId: string, round: number, at: string) => ({
    PK: `${t(s)}#CAMP#${campaignId}#FAC#${facilityId}`,
    SK: `ROUND#${round}#SUB#${at}`,
  }),
  /** One facility's history and free text of one campaign: notes, submissions, reviews, comments. */
  responseHistory: (s: TenantScope, campaignId: string, facilityId: string) => `${t(s)}#CAMP#${campaignId}#FAC#${facilityId}`,
  /** The notes (備考) of one answer cell, all rounds: at most 3 × 2,000 characters. */
  note: (s: TenantScope, campaignId: string, facilityId: string, cellKey: string) => ({
    PK: `${t(s)}#CAMP#${campaignId}#FAC#${facilityId}`,
    SK: `NOTE#${cellKey}`,
  }),
  notePrefix: 'NOTE#',
  /** The response's events in time order: `LOG#<at>#SUB`, `LOG#<at>#REVIEW`, `LOG#<at>#COMMENT#<page>`. */
  responseLog: (s: TenantScope, campaignId: string, facilityId: string, at: string, what: string) => ({
    PK: `${t(s)}#CAMP#${campaignId}#FAC#${facilityId}`,
    SK: `LOG#${at}#${what}`,
  }),
  responseLogPrefix: 'LOG#',
  /** The facilities a campaign is being created for, frozen at the request, 1,000 ids per item. */
  campaignTarget: (s: TenantScope, campaignId: string, page: number) => ({ PK: `${t(s)}#CAMP#${campaignId}`, SK: `TARGET#${String(page).padStart(4, '0')}` }),
  campaignTargetPrefix: 'TARGET#',
  /** 立入検査: stored under the facility (its history); GSI1 by 保健所 and date for the inspector's calendar. */
  inspection: (s: TenantScope, facilityId: string, date: string, id: string) => ({ PK: `${t(s)}#FAC#${facilityId}`, SK: `INSPECTION#${date}#${id}` }),
  inspectionsOfFacilityPrefix: 'INSPECTION#',
  inspectionIndex: (s: TenantScope, healthCenterId: string, date: string, id: string) => ({
    GSI1PK: `${t(s)}#HC#${healthCenterId}#INSPECTIONS`,
    GSI1SK: `${date}#${id}`,
  }),
  /** Audit entries partitioned by tenant and month; GSI1 by organisation for a facility admin's view. */
  audit: (s: TenantScope, at: string, requestId: string, seq: number) => ({ PK: `${t(s)}#AUDIT#${at.slice(0, 7)}`, SK: `${at}#${requestId}#${seq}` }),
  auditByOrg: (s: TenantScope, orgId: string, at: string) => ({ GSI1PK: `${t(s)}#AUDIT#ORG#${orgId}`, GSI1SK: at }),
} as const;
