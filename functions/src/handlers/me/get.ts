import { organisationRepositories } from '@mcr/data';
import { meGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';

export const handler = defineHandler(meGet, async ({ identity, repos }) => {
  const tenant = identity.tenantId ? await repos(organisationRepositories).tenant.get() : undefined;
  return {
    userId: identity.userId,
    email: identity.email,
    displayName: identity.displayName,
    role: identity.role,
    tenant: tenant ? { id: tenant.tenantId, name: tenant.name } : null,
    organisation: identity.role === 'operator' ? null : { id: identity.orgId, kind: identity.orgKind, name: identity.orgName },
  };
});
