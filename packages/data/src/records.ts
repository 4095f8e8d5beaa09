import type { Evaluation, FacilityKind, LocalizedText, OrgKind, ResponseStatus, Role } from '@mcr/contract';
import type { Answers, Template } from '@mcr/domain';

export interface TenantRecord {
  tenantId: string;
  name: string;
  nameEn: string;
}

export interface MembershipRecord {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  orgKind: OrgKind;
  orgId: string;
  orgName: string;
  /** For inspectors: the 保健所 whose facilities they may read. */
  healthCenterId?: string;
  status: 'active' | 'disabled';
  invitedAt?: string;
}

export interface HealthCenterRecord {
  id: string;
  name: string;
  medicalAreaName: string;
}

export interface FacilityRecord {
  id: string;
  name: string;
  kind: FacilityKind;
  beds: number;
  healthCenterId: string;
  healthCenterName: string;
  medicalAreaName: string;
  medicalInstitutionCode: string;
  address: string;
  contactEmail: string;
}

export interface VendorRecord {
  id: string;
  name: string;
  contactEmail: string;
}

export interface ContractRecord {
  facilityId: string;
  vendorId: string;
  vendorName: string;
  systems: string[];
  remoteMaintenance: boolean;
}

export interface CampaignRecord {
  id: string;
  title: LocalizedText;
  templateId: string;
  fiscalYear: number;
  opensOn: string;
  deadline: string;
  roundDeadlines?: { '2'?: string; '3'?: string };
  createdAt: string;
  /**
   * Absent on a campaign that is open. While its responses are written by a background job: `creating` with
   * progress; `failed` when the job stopped (retryable); `done` once every response is written.
   */
  creation?: CampaignCreation;
}

export interface CampaignCreation {
  status: 'creating' | 'failed' | 'done';
  jobId: string;
  processed: number;
  total: number;
  carriedForward: number;
  updatedAt: string;
  error?: { code: string; message: LocalizedText };
}

export interface ResponseRecord {
  campaignId: string;
  /** The campaign's template, so that the read models can evaluate a response without reading its campaign. */
  templateId?: string;
  facilityId: string;
  facilityName: string;
  facilityKind: FacilityKind;
  healthCenterId: string;
  healthCenterName: string;
  /** Copied from the facility at creation; kept current by the read-model consumer when the facility changes. */
  medicalAreaName?: string;
  beds?: number;
  medicalInstitutionCode?: string;
  /** What the rules knew of the facility at the last write (vendor contract); the read models re-evaluate with it. */
  context?: { hasVendorContract: boolean };
  status: ResponseStatus;
  /**
   * As read: the core stored on the item with the notes merged back from the `NOTE#` items. As stored: the
   * core only (value, checkedOn, targetDate, carriedForward), so that the item's size is bounded by the template.
   */
  answers: Answers;
  evaluation: Evaluation;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /**
   * Submitted rounds, oldest first. As read: every submission (from the `LOG#…#SUB` items). As stored on the
   * response item: the latest submission of each round only (at most 3), which is all the read models need.
   */
  submissions: SubmissionRef[];
  /** The prefecture's confirmations and send-backs, oldest first (read from the `LOG#` items, never stored here). */
  reviews: ReviewRecord[];
  /** Read from an item that still holds its notes inline (they move to note items on the next save). */
  inlineNotes?: boolean;
}

export interface ReviewRecord {
  action: 'confirmed' | 'returned';
  round: number;
  at: string;
  by: string;
  byName: string;
  message: string;
  itemComments: { itemId: string; comment: string }[];
}

export interface SubmissionRef {
  round: number;
  at: string;
  by: string;
  byName: string;
}

export interface SubmissionRecord extends SubmissionRef {
  campaignId: string;
  facilityId: string;
  answers: Answers;
  evaluation: Evaluation;
}

export interface TemplateRecord {
  template: Template;
  fileName: string;
  uploadedAt: string;
  uploadedBy: string;
}

/**
 * The size of a campaign, written once when its responses are all written (`AGG`). Every changing number —
 * by status, readiness, items, overdue — is in the read models (`AGG#<slice>`, docs/decisions/0009).
 */
export interface CampaignAggregateRecord {
  campaignId: string;
  facilities: number;
}

/** Who did a write, taken from the verified identity. */
export interface Actor {
  userId: string;
  /** Display name at the time of the change, so the log reads without lookups. */
  name: string;
  role: Role;
  orgId: string;
  requestId: string;
}

export interface AuditRecord {
  at: string;
  actor: Actor;
  action: string;
  target: string;
  changes: unknown;
}
