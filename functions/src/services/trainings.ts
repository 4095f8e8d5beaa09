import type { CreateTrainingBody, FieldError, LocalizedText, TrainingRegistration, TrainingSession } from '@mcr/contract';
import { type FacilityRecord, NotFoundError, type Repositories, type TrainingRegistrationRecord, type TrainingSessionRecord } from '@mcr/data';
import { fiscalYearOf, sizeBand, todayInJapan } from '@mcr/domain';
import type { Identity } from '../pipeline/auth.ts';
import { ForbiddenError, HttpError, ValidationError } from '../pipeline/errors.ts';

/** Trainings (issue 9, decision 0014): record ↔ contract, validation, who sees what. */

export function toSession(r: TrainingSessionRecord): TrainingSession {
  return {
    sessionId: r.sessionId,
    fiscalYear: r.fiscalYear,
    kind: r.kind,
    title: r.title,
    description: r.description,
    mode: r.mode,
    url: r.url ?? null,
    place: r.place ?? null,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    capacity: r.capacity,
    registrationDeadline: r.registrationDeadline,
    audience: {
      facilityKinds: r.audience.facilityKinds,
      sizeBands: r.audience.sizeBands as TrainingSession['audience']['sizeBands'],
      roles: r.audience.roles as TrainingSession['audience']['roles'],
    },
    confirmedCount: r.confirmedCount,
    waitlistCount: r.waitlistCount,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toRegistration(r: TrainingRegistrationRecord): TrainingRegistration {
  return {
    registrationId: r.registrationId,
    sessionId: r.sessionId,
    facilityId: r.facilityId,
    facilityName: r.facilityName,
    healthCenterId: r.healthCenterId,
    participantName: r.participantName,
    participantTitle: r.participantTitle ?? null,
    registeredBy: r.registeredBy,
    status: r.status,
    seq: r.seq,
    attended: r.attended ?? null,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    promotedAt: r.promotedAt ?? null,
  };
}

/** The fiscal year of an instant, counted in Japan (April–March). */
export function fiscalYearOfInstant(iso: string): number {
  return fiscalYearOf(todayInJapan(new Date(iso)));
}

export function currentFiscalYear(): number {
  return fiscalYearOf(todayInJapan());
}

const fieldError = (field: string, code: string, ja: string, en: string): FieldError => ({ field, code, message: { ja, en } });

/** Cross-field rules of a session body; each names its field. */
export function validateSession(body: CreateTrainingBody): void {
  const errors: FieldError[] = [];
  const starts = Date.parse(body.startsAt);
  const ends = Date.parse(body.endsAt);
  const deadline = Date.parse(body.registrationDeadline);
  if (ends <= starts) errors.push(fieldError('body.endsAt', 'ends_before_start', '終了日時は開始日時より後にしてください', 'The end must be after the start'));
  if (deadline > starts) {
    errors.push(
      fieldError(
        'body.registrationDeadline',
        'deadline_after_start',
        '申込締切は開始日時以前にしてください',
        'The registration deadline must not be after the start',
      ),
    );
  }
  if (body.mode === 'online' && !body.url) {
    errors.push(fieldError('body.url', 'url_required', 'オンライン研修には参加 URL を入力してください', 'An online session needs a URL'));
  }
  if (body.mode === 'onsite' && !body.place) {
    errors.push(fieldError('body.place', 'place_required', '会場を入力してください', 'An on-site session needs a place'));
  }
  const year = new Date(starts).getUTCFullYear();
  if (year < 2000 || year > 2099)
    errors.push(fieldError('body.startsAt', 'date_out_of_range', '開始日時は2000年から2099年の間にしてください', 'The start must be between 2000 and 2099'));
  if (errors.length) throw new ValidationError(errors);
}

/** The fields a create or update stores from a body. */
export function sessionFields(body: CreateTrainingBody) {
  return {
    fiscalYear: fiscalYearOfInstant(body.startsAt),
    kind: body.kind,
    title: body.title,
    description: body.description ?? '',
    mode: body.mode,
    ...(body.mode === 'online' && body.url ? { url: body.url } : {}),
    ...(body.mode === 'onsite' && body.place ? { place: body.place } : {}),
    startsAt: body.startsAt,
    endsAt: body.endsAt,
    capacity: body.capacity,
    registrationDeadline: body.registrationDeadline,
    audience: { facilityKinds: [...body.audience.facilityKinds], sizeBands: [...body.audience.sizeBands], roles: [...body.audience.roles] },
  };
}

/** Is this facility (and this user's role) in the session's audience? Empty lists mean everyone. */
export function audienceMismatch(
  session: Pick<TrainingSessionRecord, 'audience'>,
  facility: Pick<FacilityRecord, 'kind' | 'beds'>,
  role: Identity['role'],
): { field: string; text: LocalizedText } | undefined {
  const a = session.audience;
  if (a.facilityKinds.length && !a.facilityKinds.includes(facility.kind)) {
    return {
      field: 'audience.facilityKinds',
      text: { ja: 'この研修は貴施設の種別を対象としていません', en: "This session is not meant for your facility's kind" },
    };
  }
  if (a.sizeBands.length && !a.sizeBands.includes(sizeBand(facility.beds))) {
    return {
      field: 'audience.sizeBands',
      text: { ja: 'この研修は貴施設の規模 (病床数) を対象としていません', en: "This session is not meant for your facility's size (beds)" },
    };
  }
  if (a.roles.length && !a.roles.includes(role)) {
    return { field: 'audience.roles', text: { ja: 'この研修はあなたの役割の方を対象としていません', en: 'This session is not meant for your role' } };
  }
  return undefined;
}

/** The facility of a facility user (their own organisation). */
export async function ownFacility(repos: Pick<Repositories, 'facilities'>, identity: Identity): Promise<FacilityRecord> {
  if (identity.orgKind !== 'facility' || (identity.role !== 'facility_admin' && identity.role !== 'facility_member')) throw new ForbiddenError();
  return repos.facilities.require(identity.orgId);
}

export const isFacilityUser = (identity: Identity) => identity.role === 'facility_admin' || identity.role === 'facility_member';

/** A session the caller may see: the prefecture and 保健所 every one; a facility only those meant for it. */
export async function readableSession(repos: Pick<Repositories, 'facilities' | 'trainings'>, identity: Identity, sessionId: string) {
  const session = await repos.trainings.getSession(sessionId);
  if (!session) throw new NotFoundError('training');
  if (isFacilityUser(identity)) {
    const facility = await ownFacility(repos, identity);
    // A session not meant for the facility is as if it did not exist for it.
    if (audienceMismatch(session, facility, identity.role)) throw new NotFoundError('training');
    return { session, facility };
  }
  if (identity.role !== 'pref_admin' && identity.role !== 'inspector') throw new ForbiddenError();
  return { session, facility: undefined };
}

/** A registration the caller may read: the prefecture all, a 保健所 its facilities', a facility its own. */
export function canReadRegistration(identity: Identity, r: Pick<TrainingRegistrationRecord, 'facilityId' | 'healthCenterId'>): boolean {
  if (identity.role === 'pref_admin') return true;
  if (identity.role === 'inspector') return !!identity.healthCenterId && identity.healthCenterId === r.healthCenterId;
  if (isFacilityUser(identity)) return identity.orgKind === 'facility' && identity.orgId === r.facilityId;
  return false;
}

export const locked = (field: string, code: string, text: LocalizedText) => new HttpError(409, 'LOCKED', text, [{ field, code, message: text }]);

export const SESSION_CANCELLED: LocalizedText = { ja: 'この研修は中止されました', en: 'This session has been cancelled' };
export const DEADLINE_PASSED: LocalizedText = { ja: '申込締切を過ぎています', en: 'The registration deadline has passed' };
