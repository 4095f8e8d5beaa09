import { NotFoundError, organisationRepositories } from '@mcr/data';
import { usersUpdate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ValidationError } from '../../pipeline/errors.ts';
import { actorOf } from '../../services/access.ts';
import { setPoolUserEnabled } from '../../services/identity-admin.ts';
import { assertCanManage, toUser } from '../../services/people.ts';

export const handler = defineHandler(usersUpdate, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(organisationRepositories);
  const m = await r.memberships.get(params.userId);
  if (!m) throw new NotFoundError('user');
  assertCanManage(identity, m);
  if (m.userId === identity.userId) {
    throw new ValidationError([{ field: 'path.userId', code: 'self', message: { ja: '自分自身は無効にできません', en: 'You cannot disable yourself' } }]);
  }
  if (m.status === body.status) return toUser(m);
  // The membership is what every request checks: writing it first takes effect at once; the pool follows.
  const next = { ...m, status: body.status };
  await r.memberships.write(next, actorOf(identity, requestId), body.status === 'disabled' ? 'user.disable' : 'user.enable', { status: body.status });
  await setPoolUserEnabled(m.email, body.status === 'active');
  return toUser(next);
});
