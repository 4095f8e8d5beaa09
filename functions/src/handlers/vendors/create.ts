import { organisationRepositories } from '@mcr/data';
import { randomUUID } from 'node:crypto';
import { vendorsCreate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';

export const handler = defineHandler(vendorsCreate, async ({ identity, body, repos, requestId }) => {
  const vendor = { id: `v-${randomUUID().slice(0, 8)}`, name: body.name.trim(), contactEmail: body.contactEmail.toLowerCase() };
  await repos(organisationRepositories).vendors.create(vendor, actorOf(identity, requestId));
  return vendor;
});
