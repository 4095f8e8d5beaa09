import { NotFoundError, discrepancyRepositories } from '@mcr/data';
import { discrepanciesResolve } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { NOT_OPEN, toDiscrepancy } from '../../services/discrepancies.ts';

/** The prefecture marks a discrepancy resolved (with an optional note): it leaves the work list and the counts. */
export const handler = defineHandler(discrepanciesResolve, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(discrepancyRepositories);
  const current = await r.discrepancies.find(params.facilityId, params.discrepancyId);
  if (!current) throw new NotFoundError('discrepancy');
  if (current.state !== 'open' && current.state !== 'explained') throw NOT_OPEN();
  const next = await r.discrepancies.resolve(
    params.facilityId,
    params.discrepancyId,
    { expectedVersion: body.expectedVersion, text: body.text || undefined },
    actorOf(identity, requestId),
  );
  return toDiscrepancy(next);
});
