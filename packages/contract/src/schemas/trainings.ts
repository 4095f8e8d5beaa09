import * as z from 'zod/mini';
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
  facilityKinds: z._default(z.array(z.enum(FACILITY_KINDS)).check(z.maxLength(FACILITY_KINDS.length)), []),
  /** Empty = every size band. */
  sizeBands: z._default(z.array(z.enum(TRAINING_SIZE_BANDS)).check(z.maxLength(TRAINING_SIZE_BANDS.length)), []),
  /** Empty = every facility role. */
  roles: z._default(z.array(z.enum(TRAINING_AUDIENCE_ROLES)).check(z.maxLength(TRAINING_AUDIENCE_ROLES.length)), []),
});
export type TrainingAudience = z.infer<typeof TrainingAudience>;

export const TrainingSession = z.object({
  sessionId: Id,
  fiscalYear: z.int(),
  kind: TrainingKind,
  title: z.string(),
  description: z.string(),
  mode: TrainingMode,
  url: z.nullable(z.string()),
  place: z.nullable(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.int(),
  registrationDeadline: z.string(),
  audience: TrainingAudience,
  confirmedCount: z.int(),
  waitlistCount: z.int(),
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
  participantTitle: z.nullable(z.string()),
  registeredBy: z.string(),
  status: RegistrationStatus,
  seq: z.int(),
  attended: z.nullable(z.boolean()),
  version: Version,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  promotedAt: z.nullable(IsoDateTime),
});
export type TrainingRegistration = z.infer<typeof TrainingRegistration>;

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const CAPACITY_MAX = 10_000;

export const CreateTrainingBody = z.strictObject({
  kind: TrainingKind,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(TITLE_MAX)),
  description: z._default(z.string().check(z.trim(), z.maxLength(DESCRIPTION_MAX)), ''),
  mode: TrainingMode,
  /** Required when online. */
  url: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
  /** Required when on site. */
  place: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  startsAt: TrainingDateTime,
  endsAt: TrainingDateTime,
  capacity: z.int().check(z.minimum(1), z.maximum(CAPACITY_MAX)),
  registrationDeadline: TrainingDateTime,
  audience: z._default(TrainingAudience, { facilityKinds: [], sizeBands: [], roles: [] }),
});
export type CreateTrainingBody = z.infer<typeof CreateTrainingBody>;

export const UpdateTrainingBody = z.extend(CreateTrainingBody, { expectedVersion: Version });
export type UpdateTrainingBody = z.infer<typeof UpdateTrainingBody>;

export const CancelTrainingBody = z.strictObject({ expectedVersion: Version });

export const TrainingParams = z.object({ sessionId: Id });
export const RegistrationParams = z.object({ sessionId: Id, registrationId: Id });

export const TRAININGS_PAGE_SIZE = 50;
export const ListTrainingsQuery = z.object({
  /** Default: the current fiscal year (令和8年度 = 2026). */
  fiscalYear: z.optional(z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100))),
  limit: PageLimit(100, TRAININGS_PAGE_SIZE),
  cursor: z.optional(Cursor),
});

/** A session as a facility sees it: with its own registrations (pref/inspector: empty). */
export const TrainingListItem = z.extend(TrainingSession, { myRegistrations: z.array(TrainingRegistration) });
export const ListTrainingsResponse = z.object({ fiscalYear: z.int(), items: z.array(TrainingListItem), nextCursor: NextCursor });
export type ListTrainingsResponse = z.infer<typeof ListTrainingsResponse>;

export const TrainingDetail = TrainingListItem;

export const RegistrationsQuery = z.object({
  limit: PageLimit(500, 100),
  cursor: z.optional(Cursor),
});
export const RegistrationsResponse = z.object({ items: z.array(TrainingRegistration), nextCursor: NextCursor });

export const RegisterBody = z.strictObject({
  participantName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  participantTitle: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  /** The pref never registers; a facility user registers its own facility (taken from the identity). */
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const CancelRegistrationBody = z.strictObject({ expectedVersion: z.optional(Version) });

export const AttendanceBody = z.strictObject({
  items: z.array(z.strictObject({ registrationId: Id, attended: z.boolean() })).check(z.minLength(1), z.maxLength(500)),
});
export const AttendanceResult = z.object({ updated: z.int() });

export const AttendanceImportBody = z.strictObject({
  /** An upload of purpose `training_sheet` (CSV or xlsx). */
  uploadId: Id,
  /** true: only check and report, write nothing. */
  dryRun: z._default(z.boolean(), true),
});
export const AttendanceRowError = z.object({ row: z.int(), column: z.string(), message: z.object({ ja: z.string(), en: z.string() }) });
export const AttendanceImportResult = z.object({
  rows: z.int(),
  matched: z.int(),
  errors: z.array(AttendanceRowError),
  /** 0 on a dry run or when any row is in error (nothing is written then). */
  updated: z.int(),
});

export const ExportQuery = z.object({ format: z._default(z.enum(['csv', 'xlsx']), 'csv') });

export const FacilityTrainingsQuery = z.object({ fiscalYear: z.optional(z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100))) });
export const FacilityTrainingsItem = z.object({
  registration: TrainingRegistration,
  session: z.object({ sessionId: Id, kind: TrainingKind, title: z.string(), startsAt: z.string(), endsAt: z.string(), status: TrainingSessionStatus }),
});
export const FacilityTrainingsResponse = z.object({ fiscalYear: z.int(), items: z.array(FacilityTrainingsItem) });

export const CoverageQuery = z.object({ fiscalYear: z.optional(z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100))) });
export const CoverageSlice = z.object({
  /** `pref` or `hc:<healthCenterId>`. */
  slice: z.string(),
  name: z.string(),
  facilities: z.int(),
  covered: z.int(),
});
export const CoverageResponse = z.object({ fiscalYear: z.int(), slices: z.array(CoverageSlice) });
export type CoverageResponse = z.infer<typeof CoverageResponse>;

/** `<tenant>-<secret>.ics`: the tenant picks the partition, the hash of the whole token finds the facility. */
export const CalendarFeedParams = z.object({ token: z.string().check(z.regex(/^\d{2}-[A-Za-z0-9_-]{43}\.ics$/, 'token')) });
export const CalendarRotateResponse = z.object({ url: z.string(), path: z.string(), createdAt: IsoDateTime });
