import type { FieldError, ResponseView } from '@mcr/contract';
import type { Repositories, ReviewRecord } from '@mcr/data';
import { allItems } from '@mcr/domain';
import type { Identity } from '../pipeline/auth.ts';
import { ValidationError } from '../pipeline/errors.ts';
import { actorOf } from './access.ts';
import { assertReviewable } from './campaign-lifecycle.ts';
import { buildResponseView, loadResponse } from './response-view.ts';

/** Confirms (受理) or sends back (差戻し) the round a facility submitted last. */
export async function reviewResponse(
  repos: Pick<Repositories, 'campaignLifecycle' | 'campaigns' | 'contracts' | 'facilities' | 'responses' | 'templates'>,
  identity: Identity,
  requestId: string,
  params: { campaignId: string; facilityId: string },
  input: { action: ReviewRecord['action']; expectedVersion: number; message: string; itemComments: ReviewRecord['itemComments'] },
): Promise<ResponseView> {
  const loaded = await loadResponse(repos, params.campaignId, params.facilityId);
  assertReviewable(loaded.campaign, input.action === 'returned' ? 'return' : 'confirm');
  const known = new Set(allItems(loaded.template).map((i) => i.id));
  const unknown: FieldError[] = input.itemComments
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !known.has(c.itemId))
    .map(({ i }) => ({
      field: `body.itemComments[${i}].itemId`,
      code: 'unknown_item',
      message: { ja: 'この調査票にない項目です', en: 'No such item on this form' },
    }));
  if (unknown.length) throw new ValidationError(unknown);
  const round = loaded.response.submissions.at(-1)?.round ?? 1;
  const saved = await repos.responses.review(
    params.campaignId,
    params.facilityId,
    {
      expectedVersion: input.expectedVersion,
      review: {
        action: input.action,
        round,
        at: new Date().toISOString(),
        by: identity.userId,
        byName: identity.displayName,
        message: input.message.trim(),
        itemComments: input.itemComments,
      },
    },
    actorOf(identity, requestId),
  );
  return buildResponseView(loaded, saved);
}
