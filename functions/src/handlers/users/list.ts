import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { toUser } from '../../services/people.ts';

export const handler = defineHandler('users.list', async ({ identity, query, repos }) => {
  // A facility administrator sees its own facility only, whatever the query asks for.
  if (identity.role === 'facility_admin' && query.orgId && query.orgId !== identity.orgId) throw new ForbiddenError();
  const orgId = identity.role === 'facility_admin' ? identity.orgId : query.orgId;
  const items = await repos().memberships.list(orgId);
  return { items: items.map(toUser).sort((a, b) => a.orgName.localeCompare(b.orgName, 'ja') || a.email.localeCompare(b.email)) };
});
