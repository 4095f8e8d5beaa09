import { organisationRepositories } from '@mcr/data';
import { usersList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { toUser } from '../../services/people.ts';

/** One page of users in e-mail order. */
export const handler = defineHandler(usersList, async ({ identity, query, repos }) => {
  // A facility administrator sees its own facility only, whatever the query asks for.
  if (identity.role === 'facility_admin' && query.orgId && query.orgId !== identity.orgId) throw new ForbiddenError();
  const orgId = identity.role === 'facility_admin' ? identity.orgId : query.orgId;
  const page = await repos(organisationRepositories).memberships.page({ ...query, orgId });
  return { items: page.items.map(toUser), nextCursor: page.nextCursor };
});
