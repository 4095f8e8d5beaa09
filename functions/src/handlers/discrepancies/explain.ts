import { NotFoundError, discrepancyRepositories } from '@mcr/data';
import { discrepanciesExplain } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { actorOf } from '../../services/access.ts';
import { NOT_OPEN, toDiscrepancy } from '../../services/discrepancies.ts';

/**
 * Either side explains: the facility's own people, or a user of the discrepancy's vendor. The explanation goes
 * into the history (≤ 1,000 characters) and the state becomes 説明あり; the audit entry is in the same write.
 */
export const handler = defineHandler(discrepanciesExplain, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(discrepancyRepositories);
  const facilitySide = (identity.role === 'facility_admin' || identity.role === 'facility_member') && identity.orgKind === 'facility';
  if (facilitySide && identity.orgId !== params.facilityId) {
    throw new ForbiddenError({ ja: 'この医療機関の情報は閲覧できません', en: 'This facility is outside your scope' });
  }
  const current = await r.discrepancies.find(params.facilityId, params.discrepancyId);
  // A vendor learns nothing of another vendor's discrepancies: not found, as if there were none.
  const mine = (d: { vendorId: string; facilityId: string }) =>
    d.facilityId === params.facilityId && (facilitySide || (identity.role === 'vendor_user' && identity.orgKind === 'vendor' && identity.orgId === d.vendorId));
  if (!current || !mine(current)) throw new NotFoundError('discrepancy');
  if (current.state !== 'open' && current.state !== 'explained') throw NOT_OPEN();
  const next = await r.discrepancies.explain(
    params.facilityId,
    params.discrepancyId,
    { expectedVersion: body.expectedVersion, text: body.text, byOrg: facilitySide ? 'facility' : 'vendor' },
    actorOf(identity, requestId),
    mine,
  );
  return toDiscrepancy(next);
});
