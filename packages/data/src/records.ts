import type { Evaluation, FacilityKind, LocalizedText, OrgKind, ResponseStatus, Role } from '@mcr/contract';
import type { Answers, DisclosureKind, Template } from '@mcr/domain';

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
  /**
   * `vendor`: a 事業者確認用 campaign answered by the vendors of the target facilities (absent = facility).
   * `bcp`: the BCP 確認表, answered by the facilities like the checklist (docs/decisions/0017-bcp-campaigns.md).
   */
  form?: 'facility' | 'vendor' | 'bcp';
  // campaign-lifecycle:begin
  /** Absent = open. `closed`: no more answers or submissions; `archived`: read-only, not listed by default. */
  status?: 'open' | 'closed' | 'archived';
  /** Version of the prefecture's changes (deadlines, status); absent = 0. */
  version?: number;
  closedAt?: string;
  archivedAt?: string;
  // campaign-lifecycle:end
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

// ── Issue 8 (decision 0012): vendors' answers, files, cross-checks. ──

/** A vendor's response to a vendor-form campaign: the status of the whole (profiles + overrides). */
export interface VendorResponseRecord {
  campaignId: string;
  vendorId: string;
  vendorName: string;
  templateId: string;
  fiscalYear: number;
  status: ResponseStatus;
  version: number;
  /** Profile ids in the vendor's order (the first is the default standard answer). */
  profileIds: string[];
  /** Facilities linked to the vendor in this campaign (assignments written at creation). */
  facilityCount: number;
  /** The latest submission of each round (≤ 3). */
  submissions: SubmissionRef[];
  updatedAt: string;
  updatedBy?: string;
}

/** One standard answer (product or service) of a vendor in a campaign. */
export interface VendorProfileRecord {
  campaignId: string;
  vendorId: string;
  profileId: string;
  name: string;
  systems: string[];
  /** Answers with notes inline (vendor notes are capped at 500 characters, so ≤ 20 profiles stay small). */
  answers: Answers;
  version: number;
  updatedAt: string;
  updatedBy?: string;
}

/** The link (vendor, facility) in a campaign: which profile applies and the cells overridden for this deployment. */
export interface VendorAssignmentRecord {
  campaignId: string;
  vendorId: string;
  vendorName: string;
  facilityId: string;
  facilityName: string;
  healthCenterId: string;
  /** The contract's systems when the campaign was created (kept in step with the contract by its writer). */
  contractSystems: string[];
  remoteMaintenance: boolean;
  profileId?: string;
  overrides: Answers;
  version: number;
  updatedAt: string;
}

export type UploadPurpose = 'vendor_document' | 'evidence' | 'training_sheet';
export type UploadState = 'pending' | 'verified' | 'rejected';

/** One file sent by a browser to S3 (quarantine first), and what the server found when it checked it. */
export interface UploadRecord {
  uploadId: string;
  purpose: UploadPurpose;
  /** The organisation that asked for the upload link (vendor or facility id); only it may use the upload. */
  orgId: string;
  fileName: string;
  declaredSize: number;
  declaredType: string;
  declaredSha256: string;
  state: UploadState;
  /** Why the check refused the file (stable code); the object stays in quarantine. */
  rejection?: string;
  /** Set when verified: where the checked copy lives (`files/<tenant>/<uploadId>`). */
  fileKey?: string;
  /** What the upload became (document version or evidence id), so an upload is used once. */
  usedBy?: string;
  createdAt: string;
  createdBy: string;
}

/** One version of a vendor's MDS/SDS. */
export interface VendorDocumentRecord {
  vendorId: string;
  documentId: string;
  /** 1, 2, … per document (kind + product). */
  version: number;
  kind: DisclosureKind;
  product: string;
  productVersion: string;
  issuedOn: string;
  jahisFormatVersion: string;
  systems: string[];
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  fileKey: string;
  /** Set on the version a newer one replaced: kept, listed as superseded, still downloadable by the vendor. */
  supersededBy?: number;
  uploadedAt: string;
  uploadedBy: string;
  uploadedByName?: string;
}

/** A file attached to one answer cell of a facility's response. */
export interface EvidenceRecord {
  campaignId: string;
  facilityId: string;
  evidenceId: string;
  /** `<itemId>:<device>` */
  cell: string;
  title: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  fileKey: string;
  uploadedAt: string;
  uploadedBy: string;
  uploadedByName?: string;
  /** Hidden from lists, never deleted. */
  removed?: { at: string; by: string; byName?: string };
}

export type DiscrepancyRule = 'disclosure_missing' | 'disclosure_claim_unfiled' | 'remote_maintenance' | 'contract_disputed' | 'mirror_mismatch';
export type DiscrepancyState = 'open' | 'explained' | 'resolved' | 'cleared';

/** What a facility says against what its vendor says or has on file (decision 0012). */
export interface DiscrepancyRecord {
  discrepancyId: string;
  facilityId: string;
  facilityName: string;
  healthCenterId: string;
  /** The facility campaign whose answers were compared (its read models count the discrepancy). */
  campaignId: string;
  vendorId: string;
  vendorName: string;
  rule: DiscrepancyRule;
  /** Facility-form item id (and device class, when the rule is per cell). */
  itemId: string;
  cell?: string;
  /** What each side said, for display (e.g. { facility: 'yes', vendor: 'no', documents: 0 }). */
  detail: Record<string, string | number | boolean | null>;
  state: DiscrepancyState;
  version: number;
  firstSeenAt: string;
  updatedAt: string;
  /** Explanations, resolution, clearing and reopening, oldest first; at most 30 kept inline, each text ≤ 1,000 characters. */
  history: {
    at: string;
    by: string;
    byOrg: 'facility' | 'vendor' | 'prefecture' | 'system';
    action: 'opened' | 'explained' | 'resolved' | 'cleared' | 'reopened';
    text?: string;
  }[];
}

// trainings:begin
/** A training session the prefecture schedules (issue 9, decision 0014). Key: `T#<t>#TRAIN#<sessionId>` / `META`. */
export interface TrainingSessionRecord {
  sessionId: string;
  fiscalYear: number;
  kind: 'intro_inspection' | 'executive' | 'system_admin' | 'beginner' | 'elearning';
  title: string;
  description: string;
  mode: 'online' | 'onsite';
  url?: string;
  place?: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  registrationDeadline: string;
  audience: { facilityKinds: FacilityKind[]; sizeBands: string[]; roles: Role[] };
  confirmedCount: number;
  waitlistCount: number;
  /** The arrival counter: the last registration's `seq` (every attempt that commits takes the next number). */
  regSeq: number;
  status: 'scheduled' | 'cancelled';
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One named participant of one facility in one session. Key: `T#<t>#TRAIN#<sessionId>` / `REG#<registrationId>`. */
export interface TrainingRegistrationRecord {
  registrationId: string;
  sessionId: string;
  /** Of the session, so that the stream consumer counts coverage per fiscal year without reading the session. */
  fiscalYear: number;
  startsAt: string;
  facilityId: string;
  facilityName: string;
  healthCenterId: string;
  participantName: string;
  participantTitle?: string;
  registeredBy: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  seq: number;
  attended: boolean | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  promotedAt?: string;
}
// trainings:end

// notifications:begin
export type NotificationKindRecord = import('@mcr/contract').NotificationKind;

/** One notification in a user's inbox. Key: `T#<t>#USER#<userId>#INBOX` / `<at>#<notificationId>`. */
export interface NotificationRecord {
  notificationId: string;
  userId: string;
  kind: NotificationKindRecord;
  /** What caused it (`resp:<campaign>:<facility>:returned:v7`, `deadline:<campaign>:<facility>:<date>`, …). */
  eventId: string;
  title: LocalizedText;
  body: LocalizedText;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** A user's mail preferences. Key: `T#<t>#USER#<userId>` / `PREFS`. Absent = Japanese, every kind on. */
export interface NotificationPreferencesRecord {
  userId: string;
  language: 'ja' | 'en';
  /** Only the optional kinds turned off or on explicitly; a kind not named is on. */
  kinds: Partial<Record<NotificationKindRecord, boolean>>;
  version: number;
  updatedAt: string;
}

/**
 * Once per (event, recipient): written together with the inbox item and the unread counter, before the mail.
 * Key: `T#<t>#NOTIF#<eventId>#<userId>` / `DEDUPE`. `sending` until the mail was handed to SES (or skipped).
 */
export interface NotificationDedupeRecord {
  eventId: string;
  userId: string;
  notificationId: string;
  kind: NotificationKindRecord;
  state: 'sending' | 'sent' | 'skipped';
  attempts: number;
  createdAt: string;
  updatedAt: string;
}
// notifications:end

// incidents:begin
/**
 * A suspected-incident report 「インシデントかも」 (issue 10, decision 0021). Key: `T#<t>#INC#<incidentId>` / `META`;
 * GSI1 `T#<t>#INCIDENTS#<status>` / `<reportedAt>#<id>` (the prefecture's list by status); GSI2
 * `T#<t>#FAC#<facilityId>#INCIDENTS` / `<reportedAt>#<id>` (the facility's list). A copy of its list fields sits
 * in the 保健所's partition `T#<t>#INCHC#<healthCenterId>` / `<status>#<reportedAt>#<id>`.
 */
export interface IncidentReportRecord {
  incidentId: string;
  facilityId: string;
  facilityName: string;
  healthCenterId: string;
  healthCenterName: string;
  status: 'open' | 'closed';
  description: string;
  noticedAt: string;
  systems: string[];
  vendors: { vendorId: string; vendorName: string }[];
  contacted: import('@mcr/contract').IncidentContacted[];
  contactedOther: string;
  careImpact: import('@mcr/contract').CareImpact;
  steps: Record<string, { done: boolean; at: string; byName: string }>;
  reportedBy: { userId: string; name: string; role: string };
  reportedAt: string;
  lastEntryAt: string;
  entryCount: number;
  closedAt: string | null;
  closeReason: string | null;
  version: number;
}

/** One entry of a report's timeline. Key: `T#<t>#INC#<incidentId>` / `TL#<at>#<entryId>` (time order). */
export interface IncidentEntryRecord {
  incidentId: string;
  /** Of the report, so that the stream consumer finds the recipients without reading the report first. */
  facilityId: string;
  healthCenterId: string;
  entryId: string;
  at: string;
  kind: 'reported' | 'message' | 'step' | 'update' | 'closed';
  side: 'facility' | 'prefecture' | 'health_center';
  authorId: string;
  authorName: string;
  authorOrg: string;
  text: string;
  stepId: string | null;
  done: boolean | null;
}
// incidents:end
