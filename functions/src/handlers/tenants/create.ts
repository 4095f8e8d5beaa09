import { AlreadyExistsError, type MembershipRecord, organisationRepositories } from '@mcr/data';
import { tenantsCreate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { HttpError, ValidationError } from '../../pipeline/errors.ts';
import { actorOf } from '../../services/access.ts';
import { createPoolUser, deletePoolUser, ensureTenantGroup, temporaryPassword } from '../../services/identity-admin.ts';
import { invitationMail, sendMail } from '../../services/mail.ts';

const TENANT_EXISTS = { ja: 'この都道府県は既に登録されています', en: 'This prefecture already exists' };
const EMAIL_TAKEN = { ja: 'このメールアドレスは既に利用者として登録されています', en: 'This e-mail address already belongs to a user' };
const EMAIL_TWICE = { ja: '同じメールアドレスが 2 回指定されています', en: 'The same e-mail address is given twice' };

/**
 * The operator creates a prefecture and invites its first administrators; of the tenant it reads only whether it exists.
 * Nothing is left half done (decision 0004): the pool users are created first (creating one is the check that
 * its e-mail is free), then the tenant, its memberships and their audit entries are written in one transaction
 * conditional on the tenant not existing. If anything fails, the pool users this request created are deleted
 * again, so the same request (or one with another e-mail) can simply be sent again. The invitations are mailed
 * only once the tenant exists.
 */
export const handler = defineHandler(tenantsCreate, async ({ identity, body, operator, requestId, log }) => {
  const op = operator();
  const tenant = { tenantId: body.tenantId, name: body.name, nameEn: body.nameEn };
  const emails = body.admins.map((a) => a.email.toLowerCase());
  const twice = emails.findIndex((e, i) => emails.indexOf(e) !== i);
  if (twice >= 0) throw new ValidationError([{ field: `body.admins[${twice}].email`, code: 'duplicate', message: EMAIL_TWICE }]);
  // Everything below reads and writes inside the new tenant's own partitions (its scoped client, decision 0022).
  const repos = op.newTenant(tenant.tenantId, organisationRepositories);
  if (await repos.tenant.get()) throw new HttpError(409, 'ALREADY_EXISTS', TENANT_EXISTS, [{ field: 'body.tenantId', code: 'exists', message: TENANT_EXISTS }]);
  await ensureTenantGroup(tenant.tenantId);

  const invitedAt = new Date().toISOString();
  const created: { email: string; password: string; membership: MembershipRecord }[] = [];
  try {
    for (const [i, admin] of body.admins.entries()) {
      const email = emails[i] as string;
      const password = temporaryPassword();
      let userId: string;
      try {
        userId = await createPoolUser(email, tenant.tenantId, password);
      } catch (err) {
        if (err instanceof AlreadyExistsError)
          throw new HttpError(409, 'ALREADY_EXISTS', EMAIL_TAKEN, [{ field: `body.admins[${i}].email`, code: 'exists', message: EMAIL_TAKEN }]);
        throw err;
      }
      const membership: MembershipRecord = {
        userId,
        email,
        displayName: admin.displayName,
        role: 'pref_admin',
        orgKind: 'prefecture',
        orgId: 'pref',
        orgName: body.name,
        status: 'active',
        invitedAt,
      };
      created.push({ email, password, membership });
    }
    await repos.tenant.create(
      tenant,
      created.map((c) => c.membership),
      actorOf(identity, requestId),
    );
  } catch (err) {
    for (const c of created) {
      await deletePoolUser(c.email).catch((e: Error) => log.error('pool user left behind', { email: c.email, error: e.message }));
    }
    if (err instanceof AlreadyExistsError)
      throw new HttpError(409, 'ALREADY_EXISTS', TENANT_EXISTS, [{ field: 'body.tenantId', code: 'exists', message: TENANT_EXISTS }]);
    throw err;
  }

  for (const c of created) {
    const mail = invitationMail({ displayName: c.membership.displayName, orgName: body.name, tenantName: body.name, email: c.email, password: c.password });
    await sendMail(c.email, mail.subject, mail.text);
  }
  return tenant;
});
