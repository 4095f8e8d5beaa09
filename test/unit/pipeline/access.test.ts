import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../functions/src/pipeline/auth.ts';
import { ForbiddenError } from '../../../functions/src/pipeline/errors.ts';
import { actorOf, assertCanAnswerFor, assertCanReadFacility, canReadFacility, healthCenterScope } from '../../../functions/src/services/access.ts';

/**
 * Who may read and answer for one facility (functions/src/services/access.ts), role by role: the single-facility
 * routes rely on these checks alone (the integration suite's scope and isolation tests try the same through the API).
 */

const FACILITY = { id: 'fac-1', healthCenterId: 'hc-1' };

function who(role: Identity['role'], extra: Partial<Identity> = {}): Identity {
  const orgKind =
    role === 'operator'
      ? 'operator'
      : role === 'pref_admin'
        ? 'prefecture'
        : role === 'inspector'
          ? 'health_center'
          : role === 'vendor_user'
            ? 'vendor'
            : 'facility';
  return { userId: 'u-1', email: 'u@example.jp', displayName: '利用者', role, tenantId: '36', orgKind, orgId: 'org-1', orgName: '組織', ...extra } as Identity;
}

describe('canReadFacility', () => {
  it('the prefecture reads every facility of its tenant', () => {
    expect(canReadFacility(who('pref_admin'), FACILITY)).toBe(true);
    expect(canReadFacility(who('pref_admin'), { id: 'other', healthCenterId: 'hc-9' })).toBe(true);
  });

  it('an inspector reads the facilities of its own 保健所 only', () => {
    expect(canReadFacility(who('inspector', { healthCenterId: 'hc-1' }), FACILITY)).toBe(true);
    expect(canReadFacility(who('inspector', { healthCenterId: 'hc-2' }), FACILITY)).toBe(false);
    // An inspector without a 保健所 matches no facility, not even one without a 保健所.
    expect(canReadFacility(who('inspector'), FACILITY)).toBe(false);
  });

  it("a facility's admin and member read their own facility only", () => {
    for (const role of ['facility_admin', 'facility_member'] as const) {
      expect(canReadFacility(who(role, { orgId: 'fac-1' }), FACILITY)).toBe(true);
      expect(canReadFacility(who(role, { orgId: 'fac-2' }), FACILITY)).toBe(false);
      // Same id but not a facility organisation (a vendor whose id collides): refused.
      expect(canReadFacility(who(role, { orgId: 'fac-1', orgKind: 'vendor' }), FACILITY)).toBe(false);
    }
  });

  it('a vendor and the operator read no facility through this check', () => {
    expect(canReadFacility(who('vendor_user', { orgId: 'fac-1' }), FACILITY)).toBe(false);
    expect(canReadFacility(who('operator', { orgId: 'fac-1', healthCenterId: 'hc-1' }), FACILITY)).toBe(false);
  });

  it('assertCanReadFacility throws a 403 exactly when canReadFacility is false', () => {
    expect(() => assertCanReadFacility(who('pref_admin'), FACILITY)).not.toThrow();
    const err = (() => {
      try {
        assertCanReadFacility(who('inspector', { healthCenterId: 'hc-2' }), FACILITY);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).status).toBe(403);
    expect((err as ForbiddenError).text.en).toBe('This facility is outside your scope');
  });
});

describe('assertCanAnswerFor', () => {
  it("only the facility's own admin and member answer for it", () => {
    expect(() => assertCanAnswerFor(who('facility_admin', { orgId: 'fac-1' }), 'fac-1')).not.toThrow();
    expect(() => assertCanAnswerFor(who('facility_member', { orgId: 'fac-1' }), 'fac-1')).not.toThrow();
    expect(() => assertCanAnswerFor(who('facility_admin', { orgId: 'fac-2' }), 'fac-1')).toThrow(ForbiddenError);
    expect(() => assertCanAnswerFor(who('facility_member', { orgId: 'fac-1', orgKind: 'vendor' }), 'fac-1')).toThrow(ForbiddenError);
    // Roles that read a facility still never answer for it.
    expect(() => assertCanAnswerFor(who('pref_admin', { orgId: 'fac-1' }), 'fac-1')).toThrow(ForbiddenError);
    expect(() => assertCanAnswerFor(who('inspector', { orgId: 'fac-1', orgKind: 'facility', healthCenterId: 'hc-1' }), 'fac-1')).toThrow(ForbiddenError);
  });
});

describe('healthCenterScope', () => {
  it('limits an inspector to its 保健所, refuses one without, and leaves the other roles unlimited', () => {
    expect(healthCenterScope(who('inspector', { healthCenterId: 'hc-1' }))).toBe('hc-1');
    expect(() => healthCenterScope(who('inspector'))).toThrow(ForbiddenError);
    try {
      healthCenterScope(who('inspector'));
    } catch (e) {
      expect((e as ForbiddenError).text).toEqual({ ja: '管轄の保健所が設定されていません', en: 'No health center assigned' });
    }
    expect(() => healthCenterScope(who('inspector', { healthCenterId: '' }))).toThrow(ForbiddenError);
    expect(healthCenterScope(who('pref_admin', { healthCenterId: 'hc-1' }))).toBeUndefined();
    expect(healthCenterScope(who('facility_admin', { healthCenterId: 'hc-1' }))).toBeUndefined();
  });
});

describe('actorOf', () => {
  it('names the verified caller and the request in the audit entry', () => {
    expect(actorOf(who('pref_admin', { userId: 'u-7', displayName: '県 担当', orgId: 'pref-36' }), 'req-1')).toEqual({
      userId: 'u-7',
      name: '県 担当',
      role: 'pref_admin',
      orgId: 'pref-36',
      requestId: 'req-1',
    });
  });
});
