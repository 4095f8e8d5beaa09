import * as z from 'zod';
import { FACILITY_KINDS, Id, IsoDateTime, Version } from '../common.ts';
import type { ROLES } from '../roles.ts';
import { Cursor, NextCursor, PageLimit } from './paging.ts';

/**
 * Trainings (issue 9, decision 0014): the prefecture schedules sessions, facilities register named staff, a full
 * session waitlists in arrival order and promotes the first waitlisted one when a confirmed one cancels.
 */

export const TRAINING_KINDS = ['intro_inspection', 'executive', 'system_admin', 'beginner', 'elearning'] as const;
export const TrainingKind = z.enum(TRAINING_KINDS);
export type TrainingKind = z.infer<typeof TrainingKind>;
export const TRAINING_KIND_LABELS: Record<TrainingKind, { ja: string; en: string }> = {
  intro_inspection: { ja: '導入研修 (立入検査対策)', en: 'Introduction (inspection readiness)' },
  executive: { ja: '経営者向け', en: 'For executives' },
  system_admin: { ja: 'システム・セキュリティ管理者向け', en: 'For system and security administrators' },
  beginner: { ja: '初学者向け', en: 'For beginners' },
  elearning: { ja: 'e-learning', en: 'e-learning' },
};

/** Size bands by beds, as the dashboard slices them (packages/domain SIZE_BANDS). */
export const TRAINING_SIZE_BANDS = ['0', '1-19', '20-99', '100-199', '200-499', '500+'] as const;
/** The roles a session may be meant for (facility staff). */
export const TRAINING_AUDIENCE_ROLES = ['facility_admin', 'facility_member'] as const satisfies readonly (typeof ROLES)[number][];

export const TrainingMode = z.enum(['online', 'onsite']);
export const TrainingSessionStatus = z.enum(['scheduled', 'cancelled']);
export const RegistrationStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** An instant with its offset (`2026-12-10T14:00:00+09:00`) or in UTC (`…Z`). */
export const TrainingDateTime = z.iso.datetime({ offset: true });

export const TrainingAudience = z.strictObject({
  /** Empty = every kind. */
  facilityKinds: z.array(z.enum(FACILITY_KINDS)).max(FACILITY_KINDS.length).default([]),
  /** Empty = every size band. */
  sizeBands: z.array(z.enum(TRAINING_SIZE_BANDS)).max(TRAINING_SIZE_BANDS.length).default([]),
  /** Empty = every facility role. */
  roles: z.array(z.enum(TRAINING_AUDIENCE_ROLES)).max(TRAINING_AUDIENCE_ROLES.length).default([]),
});
export type TrainingAudience = z.infer<typeof TrainingAudience>;

export const TrainingSession = z.object({
  sessionId: Id,
  fiscalYear: z.number().int(),
  kind: TrainingKind,
  title: z.string(),
  description: z.string(),
  mode: TrainingMode,
  url: z.string().nullable(),
  place: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  registrationDeadline: z.string(),
  audience: TrainingAudience,
  confirmedCount: z.number().int(),
  waitlistCount: z.number().int(),
  status: TrainingSessionStatus,
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TrainingSession = z.infer<typeof TrainingSession>;

export const TrainingRegistration = z.object({
  registrationId: Id,
  sessionId: Id,
  facilityId: Id,
  facilityName: z.string(),
  healthCenterId: Id,
  participantName: z.string(),
  participantTitle: z.string().nullable(),
  registeredBy: z.string(),
  status: RegistrationStatus,
  seq: z.number().int(),
  attended: z.boolean().nullable(),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  promotedAt: IsoDateTime.nullable(),
});
export type TrainingRegistration = z.infer<typeof TrainingRegistration>;

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const CAPACITY_MAX = 10_000;

export const CreateTrainingBody = z.strictObject({
  kind: TrainingKind,
  title: z.string().trim().min(1).max(TITLE_MAX),
  description: z.string().trim().max(DESCRIPTION_MAX).default(''),
  mode: TrainingMode,
  /** Required when online. */
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /** Required when on site. */
  place: z.string().trim().min(1).max(500).optional(),
  startsAt: TrainingDateTime,
  endsAt: TrainingDateTime,
  capacity: z.number().int().min(1).max(CAPACITY_MAX),
  registrationDeadline: TrainingDateTime,
  audience: TrainingAudience.default({ facilityKinds: [], sizeBands: [], roles: [] }),
});
export type CreateTrainingBody = z.infer<typeof CreateTrainingBody>;

export const UpdateTrainingBody = CreateTrainingBody.extend({ expectedVersion: Version });
export type UpdateTrainingBody = z.infer<typeof UpdateTrainingBody>;

export const CancelTrainingBody = z.strictObject({ expectedVersion: Version });

export const TrainingParams = z.object({ sessionId: Id });
export const RegistrationParams = z.object({ sessionId: Id, registrationId: Id });

export const TRAININGS_PAGE_SIZE = 50;
export const ListTrainingsQuery = z.object({
  /** Default: the current fiscal year (令和8年度 = 2026). */
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: PageLimit(100, TRAININGS_PAGE_SIZE),
  cursor: Cursor.optional(),
});

/** A session as a facility sees it: with its own registrations (pref/inspector: empty). */
export const TrainingListItem = TrainingSession.extend({ myRegistrations: z.array(TrainingRegistration) });
export const ListTrainingsResponse = z.object({ fiscalYear: z.number().int(), items: z.array(TrainingListItem), nextCursor: NextCursor });
export type ListTrainingsResponse = z.infer<typeof ListTrainingsResponse>;

export const TrainingDetail = TrainingListItem;

export const RegistrationsQuery = z.object({
  limit: PageLimit(500, 100),
  cursor: Cursor.optional(),
});
export const RegistrationsResponse = z.object({ items: z.array(TrainingRegistration), nextCursor: NextCursor });

export const RegisterBody = z.strictObject({
  participantName: z.string().trim().min(1).max(100),
  participantTitle: z.string().trim().max(100).optional(),
  /** The pref never registers; a facility user registers its own facility (taken from the identity). */
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const CancelRegistrationBody = z.strictObject({ expectedVersion: Version.optional() });

export const AttendanceBody = z.strictObject({
  items: z
    .array(z.strictObject({ registrationId: Id, attended: z.boolean() }))
    .min(1)
    .max(500),
});
export const AttendanceResult = z.object({ updated: z.number().int() });

export const AttendanceImportBody = z.strictObject({
  /** An upload of purpose `training_sheet` (CSV or xlsx). */
  uploadId: Id,
  /** true: only check and report, write nothing. */
  dryRun: z.boolean().default(true),
});
export const AttendanceRowError = z.object({ row: z.number().int(), column: z.string(), message: z.object({ ja: z.string(), en: z.string() }) });
export const AttendanceImportResult = z.object({
  rows: z.number().int(),
  matched: z.number().int(),
  errors: z.array(AttendanceRowError),
  /** 0 on a dry run or when any row is in error (nothing is written then). */
  updated: z.number().int(),
});

export const ExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const FacilityTrainingsQuery = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() });
export const FacilityTrainingsItem = z.object({
  registration: TrainingRegistration,
  session: z.object({ sessionId: Id, kind: TrainingKind, title: z.string(), startsAt: z.string(), endsAt: z.string(), status: TrainingSessionStatus }),
});
export const FacilityTrainingsResponse = z.object({ fiscalYear: z.number().int(), items: z.array(FacilityTrainingsItem) });

export const CoverageQuery = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() });
export const CoverageSlice = z.object({
  /** `pref` or `hc:<healthCenterId>`. */
  slice: z.string(),
  name: z.string(),
  facilities: z.number().int(),
  covered: z.number().int(),
});
export const CoverageResponse = z.object({ fiscalYear: z.number().int(), slices: z.array(CoverageSlice) });
export type CoverageResponse = z.infer<typeof CoverageResponse>;

/** `<tenant>-<secret>.ics`: the tenant picks the partition, the hash of the whole token finds the facility. */
export const CalendarFeedParams = z.object({ token: z.string().regex(/^\d{2}-[A-Za-z0-9_-]{43}\.ics$/, 'token') });
export const CalendarRotateResponse = z.object({ url: z.string(), path: z.string(), createdAt: IsoDateTime });
