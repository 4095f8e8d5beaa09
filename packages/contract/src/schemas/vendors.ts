import { Answers, Slug, Template } from '@mcr/domain';
import * as z from 'zod/mini';
import { FacilityKind, Id, IsoDateTime, Version } from '../common.ts';
import { AnswerChange, Campaign, ResponseStatus } from './campaigns.ts';
import { SYSTEM_KINDS, Vendor } from './masters.ts';
import { Cursor, NextCursor, PageLimit } from './paging.ts';
import { ConfirmResponseBody, Review } from './review.ts';

/**
 * The vendor form (事業者確認用) in the campaign cycle (docs/decisions/0012-vendors-documents-cross-checks.md):
 * a vendor answers standard answers ("profiles", one per product or service), which apply to every linked
 * facility, and overrides single cells per facility. Submission, 差戻し and 確認 act on the vendor response.
 */

/** Standard answers per vendor and campaign, at most. */
export const MAX_VENDOR_PROFILES = 20;
/** A vendor's notes (備考) are shorter than a facility's: ≤ 20 profiles × every cell stay small. */
export const VENDOR_NOTE_MAX = 500;
/** The default profile every vendor response starts with (「標準回答」). */
export const DEFAULT_PROFILE_ID = 'standard';

export const VendorParams = z.object({ vendorId: Id });
export const VendorResponseParams = z.object({ campaignId: Id, vendorId: Id });
export const VendorProfileParams = z.object({ campaignId: Id, vendorId: Id, profileId: Id });
export const VendorFacilityParams = z.object({ campaignId: Id, vendorId: Id, facilityId: Id });

/** `vendors.get`: the vendor and how many facilities have a contract with it. */
export const VendorDetail = z.extend(Vendor, { facilityCount: z.int().check(z.minimum(0)) });
export type VendorDetail = z.infer<typeof VendorDetail>;

export const VendorPageQuery = z.object({
  limit: PageLimit(200, 50),
  cursor: z.optional(Cursor),
});
export type VendorPageQuery = z.input<typeof VendorPageQuery>;

/** A facility with a contract with the vendor (`vendors.facilities`). */
export const VendorContractedFacility = z.object({
  id: Id,
  name: z.string(),
  kind: FacilityKind,
  healthCenterId: Id,
  healthCenterName: z.string(),
  /** The contract's system kinds (`SYSTEM_KINDS`). */
  systems: z.array(z.string()),
  remoteMaintenance: z.boolean(),
});
export type VendorContractedFacility = z.infer<typeof VendorContractedFacility>;
export const VendorFacilitiesResponse = z.object({ items: z.array(VendorContractedFacility), nextCursor: NextCursor });
export type VendorFacilitiesResponse = z.infer<typeof VendorFacilitiesResponse>;

/** One vendor-form campaign of a vendor, with its response's state (`vendors.campaigns`). */
export const VendorCampaignSummary = z.object({
  campaign: Campaign,
  status: ResponseStatus,
  version: Version,
  facilityCount: z.int().check(z.minimum(0)),
  profileCount: z.int().check(z.minimum(0)),
  lastSubmittedAt: z.nullable(IsoDateTime),
});
export type VendorCampaignSummary = z.infer<typeof VendorCampaignSummary>;
export const VendorCampaignsResponse = z.object({ items: z.array(VendorCampaignSummary) });
export type VendorCampaignsResponse = z.infer<typeof VendorCampaignsResponse>;

/** One standard answer of the vendor. `systems` empty = applies to any contract. */
export const VendorProfile = z.object({
  id: Id,
  name: z.string(),
  systems: z.array(z.string()),
  answers: Answers,
  version: Version,
  updatedAt: z.nullable(IsoDateTime),
});
export type VendorProfile = z.infer<typeof VendorProfile>;

export const VendorSubmission = z.object({ round: z.int().check(z.minimum(1), z.maximum(3)), at: IsoDateTime, by: z.string(), byName: z.string() });

/** `vendorResponses.get`: everything the vendor's form screen needs. */
export const VendorResponseView = z.object({
  campaign: Campaign,
  vendor: z.object({ id: Id, name: z.string() }),
  template: Template,
  status: ResponseStatus,
  /** The response's version: submit, return and confirm name it. */
  version: Version,
  /** In the vendor's order; the first is the default that applies when no other matches. */
  profiles: z.array(VendorProfile),
  facilityCount: z.int().check(z.minimum(0)),
  updatedAt: z.nullable(IsoDateTime),
  /** Every submitted round, oldest first. */
  submissions: z.array(VendorSubmission),
  /** The prefecture's confirmations and send-backs (差戻し), oldest first. */
  reviews: z.array(Review),
});
export type VendorResponseView = z.infer<typeof VendorResponseView>;

/**
 * Creates (`expectedVersion: 0`) or changes a profile: its name, the system kinds it covers and answer changes
 * (the same shape as a facility's save). Notes are at most {@link VENDOR_NOTE_MAX} characters.
 */
export const SaveVendorProfileBody = z.strictObject({
  expectedVersion: Version,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  systems: z.array(z.enum(SYSTEM_KINDS)).check(
    z.maxLength(SYSTEM_KINDS.length),
    z.refine((s) => new Set(s).size === s.length, { message: 'duplicate_system' }),
  ),
  changes: z._default(z.array(AnswerChange).check(z.maxLength(200)), []),
});
export type SaveVendorProfileBody = z.infer<typeof SaveVendorProfileBody>;

/** The saved profile, and the response's state after the save (a first save moves it to in_progress). */
export const SavedVendorProfile = z.extend(VendorProfile, {
  responseStatus: ResponseStatus,
  responseVersion: Version,
});
export type SavedVendorProfile = z.infer<typeof SavedVendorProfile>;

export const DeleteVendorProfileQuery = z.object({ expectedVersion: z.coerce.number().check(z.int(), z.minimum(1)) });

/** Which cells of one facility differ from its profile. */
export const OverriddenCells = z.object({ count: z.int().check(z.minimum(0)), keys: z.array(z.string()) });

/** One (vendor, facility) link of a campaign (`vendorResponses.facilities`). */
export const VendorAssignmentRow = z.object({
  facilityId: Id,
  facilityName: z.string(),
  healthCenterId: Id,
  contractSystems: z.array(z.string()),
  remoteMaintenance: z.boolean(),
  /** The profile that applies (chosen explicitly, else by the contract's systems, else the first); null when none. */
  profileId: z.nullable(Id),
  profileName: z.nullable(z.string()),
  /** True when the vendor chose the profile for this facility; false when the rule chose it. */
  explicitProfile: z.boolean(),
  overriddenCells: OverriddenCells,
  version: Version,
});
export type VendorAssignmentRow = z.infer<typeof VendorAssignmentRow>;
export const VendorAssignmentsResponse = z.object({ items: z.array(VendorAssignmentRow), nextCursor: NextCursor });
export type VendorAssignmentsResponse = z.infer<typeof VendorAssignmentsResponse>;

/** `vendorResponses.getFacility`: what the vendor answers for one facility, and where it comes from. */
export const VendorFacilityView = z.object({
  campaign: Campaign,
  vendor: z.object({ id: Id, name: z.string() }),
  facility: z.object({ id: Id, name: z.string(), healthCenterId: Id }),
  template: Template,
  /** The vendor response's status and version (submit/return/confirm act on it). */
  status: ResponseStatus,
  responseVersion: Version,
  contractSystems: z.array(z.string()),
  remoteMaintenance: z.boolean(),
  profileId: z.nullable(Id),
  profileName: z.nullable(z.string()),
  explicitProfile: z.boolean(),
  /** Effective answers: the profile's cells with the overridden cells replaced. */
  answers: Answers,
  /** The per-facility cells as stored (each replaces the profile's cell as a whole). */
  overrides: Answers,
  overriddenCells: z.array(z.string()),
  /** The assignment's version: `vendorResponses.saveFacility` names it. */
  version: Version,
});
export type VendorFacilityView = z.infer<typeof VendorFacilityView>;

/**
 * Per-facility changes: `profileId` chooses the profile (null = back to the rule; absent = unchanged);
 * each change sets one round of one cell for this facility only (`answer: null` puts that round back to the
 * profile's; a cell equal to the profile's is no longer an override).
 */
export const SaveVendorFacilityBody = z.strictObject({
  expectedVersion: Version,
  profileId: z.optional(z.nullable(Id)),
  changes: z._default(z.array(AnswerChange).check(z.maxLength(200)), []),
});
export type SaveVendorFacilityBody = z.infer<typeof SaveVendorFacilityBody>;

export const SubmitVendorResponseBody = z.strictObject({ expectedVersion: Version, round: z.literal([1, 2, 3]) });
export type SubmitVendorResponseBody = z.infer<typeof SubmitVendorResponseBody>;

export const ReturnVendorResponseBody = z.strictObject({
  expectedVersion: Version,
  /** What the vendor must fix (差戻しの理由). */
  message: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
});
export type ReturnVendorResponseBody = z.infer<typeof ReturnVendorResponseBody>;
export const ConfirmVendorResponseBody = ConfirmResponseBody;
export type ConfirmVendorResponseBody = z.infer<typeof ConfirmVendorResponseBody>;

/** `campaigns.vendors`: the vendors of a vendor-form campaign, paged, with counts by status. */
export const CampaignVendorsQuery = z.object({
  status: z.optional(ResponseStatus),
  limit: PageLimit(200, 50),
  cursor: z.optional(Cursor),
});
export type CampaignVendorsQuery = z.input<typeof CampaignVendorsQuery>;

export const CampaignVendorRow = z.object({
  vendorId: Id,
  vendorName: z.string(),
  status: ResponseStatus,
  version: Version,
  facilityCount: z.int().check(z.minimum(0)),
  profileCount: z.int().check(z.minimum(0)),
  lastSubmittedAt: z.nullable(IsoDateTime),
});
export type CampaignVendorRow = z.infer<typeof CampaignVendorRow>;

export const CampaignVendorsResponse = z.object({
  campaign: Campaign,
  items: z.array(CampaignVendorRow),
  nextCursor: NextCursor,
  counts: z.object({ total: z.int(), byStatus: z.record(ResponseStatus, z.int()) }),
});
export type CampaignVendorsResponse = z.infer<typeof CampaignVendorsResponse>;

export const FacilityVendorAnswersQuery = z.object({
  /** A facility template id: only vendor campaigns on its mirror (`mirrorTemplateId`). Absent: each vendor's latest. */
  templateId: z.optional(Slug),
});
export type FacilityVendorAnswersQuery = z.input<typeof FacilityVendorAnswersQuery>;

/** What one vendor answers for this facility in one vendor campaign. */
export const FacilityVendorAnswers = z.object({
  vendorId: Id,
  vendorName: z.string(),
  campaignId: Id,
  fiscalYear: z.int(),
  vendorTemplateId: z.string(),
  status: ResponseStatus,
  profileId: z.nullable(Id),
  profileName: z.nullable(z.string()),
  answers: Answers,
  overriddenCells: z.array(z.string()),
  /** Facility item id → vendor item id (from the templates' `mirror` fields). */
  mirror: z.record(z.string(), z.string()),
});
export type FacilityVendorAnswers = z.infer<typeof FacilityVendorAnswers>;
export const FacilityVendorAnswersResponse = z.object({ items: z.array(FacilityVendorAnswers) });
export type FacilityVendorAnswersResponse = z.infer<typeof FacilityVendorAnswersResponse>;
