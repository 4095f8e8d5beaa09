import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { ensureTenantGroup } from '../../services/identity-admin.ts';
import { provisionMember } from '../../services/people.ts';

/** The operator creates a prefecture and invites its first administrators; it reads nothing of the tenant. */
export const handler = defineHandler('tenants.create', async ({ identity, body, operator, requestId }) => {
  const op = operator();
  const tenant = { tenantId: body.tenantId, name: body.name, nameEn: body.nameEn };
  await op.registry.createTenant(tenant);
  await ensureTenantGroup(tenant.tenantId);
  const repos = op.newTenant(body.tenantId);
  const actor = actorOf(identity, requestId);
  for (const admin of body.admins) {
    await provisionMember(
      repos,
      tenant,
      { email: admin.email, displayName: admin.displayName, role: 'pref_admin', orgKind: 'prefecture', orgId: 'pref', orgName: body.name },
      actor,
    );
  }
  return tenant;
});
