import type { Actor, FacilityRecord } from '@mcr/data';
import { ForbiddenError } from '../pipeline/errors.ts';
import type { Identity } from '../pipeline/auth.ts';

const OUT_OF_SCOPE = { ja: 'この医療機関の情報は閲覧できません', en: 'This facility is outside your scope' };

/** Who may read one facility's data inside the tenant: the prefecture, its 保健所, and the facility itself. */
export function canReadFacility(identity: Identity, facility: Pick<FacilityRecord, 'id' | 'healthCenterId'>): boolean {
  switch (identity.role) {
    case 'pref_admin':
      return true;
    case 'inspector':
      return identity.healthCenterId === facility.healthCenterId;
    case 'facility_admin':
    case 'facility_member':
      return identity.orgKind === 'facility' && identity.orgId === facility.id;
    default:
      return false;
  }
}

export function assertCanReadFacility(identity: Identity, facility: Pick<FacilityRecord, 'id' | 'healthCenterId'>): void {
  if (!canReadFacility(identity, facility)) throw new ForbiddenError(OUT_OF_SCOPE);
}

/** Only the facility's own people answer for it. */
export function assertCanAnswerFor(identity: Identity, facilityId: string): void {
  const own = (identity.role === 'facility_admin' || identity.role === 'facility_member') && identity.orgKind === 'facility' && identity.orgId === facilityId;
  if (!own) throw new ForbiddenError(OUT_OF_SCOPE);
}

/** The 保健所 an inspector is limited to; undefined for roles that see the whole tenant. */
export function healthCenterScope(identity: Identity): string | undefined {
  if (identity.role !== 'inspector') return undefined;
  if (!identity.healthCenterId) throw new ForbiddenError({ ja: '管轄の保健所が設定されていません', en: 'No health center assigned' });
  return identity.healthCenterId;
}

/** Who did a write, for the audit log: always from the verified identity. */
export function actorOf(identity: Identity, requestId: string): Actor {
  return { userId: identity.userId, name: identity.displayName, role: identity.role, orgId: identity.orgId, requestId };
}
