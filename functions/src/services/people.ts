import type { InviteUserBody, User } from '@mcr/contract';
import type { Actor, MembershipRecord, Repositories } from '@mcr/data';
import type { Identity } from '../pipeline/auth.ts';
import { ForbiddenError, ValidationError } from '../pipeline/errors.ts';
import { actorOf } from './access.ts';
import { createPoolUser, deletePoolUser, temporaryPassword } from './identity-admin.ts';
import { invitationMail, sendMail } from './mail.ts';

export function toUser(m: MembershipRecord): User {
  return {
    userId: m.userId,
    email: m.email,
    displayName: m.displayName,
    role: m.role,
    orgKind: m.orgKind,
    orgId: m.orgId,
    orgName: m.orgName,
    status: m.status,
    invitedAt: m.invitedAt ?? null,
  };
}

/** A facility administrator manages its own facility's people only; the prefecture manages everyone. */
export function assertCanManage(identity: Identity, target: Pick<MembershipRecord, 'orgId' | 'role'>): void {
  if (identity.role === 'pref_admin') return;
  const ownFacility =
    identity.role === 'facility_admin' && target.orgId === identity.orgId && (target.role === 'facility_admin' || target.role === 'facility_member');
  if (!ownFacility) throw new ForbiddenError({ ja: '自施設の利用者のみ管理できます', en: 'You can manage only your own facility’s users' });
}

const bad = (field: string, ja: string, en: string) => new ValidationError([{ field: `body.${field}`, code: 'invalid', message: { ja, en } }]);

/** Which organisation the new user belongs to, checked against the tenant's data. */
async function organisationFor(
  repos: Pick<Repositories, 'facilities' | 'healthCenters' | 'tenant' | 'vendors'>,
  identity: Identity,
  body: InviteUserBody,
): Promise<Pick<MembershipRecord, 'orgKind' | 'orgId' | 'orgName' | 'healthCenterId'>> {
  switch (body.role) {
    case 'pref_admin': {
      const tenant = await repos.tenant.get();
      return { orgKind: 'prefecture', orgId: 'pref', orgName: tenant?.name ?? '' };
    }
    case 'inspector': {
      const hc = (await repos.healthCenters.list()).find((h) => h.id === body.orgId);
      if (!hc) throw bad('orgId', '保健所を選んでください', 'Choose a health center');
      return { orgKind: 'health_center', orgId: hc.id, orgName: hc.name, healthCenterId: hc.id };
    }
    case 'vendor_user': {
      const v = body.orgId ? await repos.vendors.get(body.orgId) : undefined;
      if (!v) throw bad('orgId', '事業者を選んでください', 'Choose a vendor');
      return { orgKind: 'vendor', orgId: v.id, orgName: v.name };
    }
    default: {
      const facilityId = body.orgId ?? (identity.orgKind === 'facility' ? identity.orgId : undefined);
      const f = facilityId ? await repos.facilities.get(facilityId) : undefined;
      if (!f) throw bad('orgId', '医療機関を選んでください', 'Choose a facility');
      return { orgKind: 'facility', orgId: f.id, orgName: f.name };
    }
  }
}

/**
 * Invites a user: creates them in the user pool with a temporary password and the tenant group, writes the
 * membership (role, organisation) with its audit entry, and e-mails the invitation. If the membership cannot
 * be written, the pool user is removed again so that the invitation can simply be retried.
 */
export async function provisionMember(
  repos: Pick<Repositories, 'memberships'>,
  tenant: { tenantId: string; name: string },
  who: Pick<MembershipRecord, 'email' | 'displayName' | 'role' | 'orgKind' | 'orgId' | 'orgName' | 'healthCenterId'>,
  actor: Actor,
): Promise<User> {
  const email = who.email.toLowerCase();
  const password = temporaryPassword();
  const userId = await createPoolUser(email, tenant.tenantId, password);
  const membership: MembershipRecord = { ...who, userId, email, status: 'active', invitedAt: new Date().toISOString() };
  try {
    await repos.memberships.write(membership, actor, 'user.invite', { email, role: who.role, orgId: who.orgId });
  } catch (err) {
    await deletePoolUser(email);
    throw err;
  }
  const mail = invitationMail({ displayName: who.displayName, orgName: who.orgName, tenantName: tenant.name, email, password });
  await sendMail(email, mail.subject, mail.text);
  return toUser(membership);
}

export async function inviteUser(
  repos: Pick<Repositories, 'facilities' | 'healthCenters' | 'memberships' | 'tenant' | 'vendors'>,
  identity: Identity,
  requestId: string,
  body: InviteUserBody,
): Promise<User> {
  const org = await organisationFor(repos, identity, body);
  assertCanManage(identity, { orgId: org.orgId, role: body.role });
  const tenant = await repos.tenant.get();
  return provisionMember(
    repos,
    { tenantId: identity.tenantId as string, name: tenant?.name ?? '' },
    { email: body.email, displayName: body.displayName, role: body.role, ...org },
    actorOf(identity, requestId),
  );
}
