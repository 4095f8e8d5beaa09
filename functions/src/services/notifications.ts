import {
  MANDATORY_NOTIFICATION_KINDS,
  NOTIFICATION_KINDS,
  type Notification,
  type NotificationKind,
  type Preferences,
  type PutPreferencesBody,
  type ResendInvitationResponse,
} from '@mcr/contract';
import type { NotificationPreferencesRecord, NotificationRecord, Repositories } from '@mcr/data';
import { NotFoundError } from '@mcr/data';
import type { Identity } from '../pipeline/auth.ts';
import { HttpError, ValidationError } from '../pipeline/errors.ts';
import { actorOf } from './access.ts';
import { poolUserStatus, resetTemporaryPassword, temporaryPassword } from './identity-admin.ts';
import { invitationMail, sendMail } from './mail.ts';
import { assertCanManage } from './people.ts';

/** The signed-in user's notifications, preferences and the invitation resend (issue 9, decision 0015). */

const MANDATORY = new Set<NotificationKind>(MANDATORY_NOTIFICATION_KINDS);
export const isMandatory = (kind: NotificationKind) => MANDATORY.has(kind);

export function toNotificationView(r: NotificationRecord): Notification {
  return { notificationId: r.notificationId, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt, readAt: r.readAt };
}

/** Whether a kind is mailed to a user with these preferences: mandatory ones always; optional ones unless turned off. */
export function wantsMail(prefs: Pick<NotificationPreferencesRecord, 'kinds'> | undefined, kind: NotificationKind): boolean {
  return isMandatory(kind) || prefs?.kinds[kind] !== false;
}

export function toPreferences(r: NotificationPreferencesRecord | undefined): Preferences {
  const kinds = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, wantsMail(r, k)])) as Record<NotificationKind, boolean>;
  return { language: r?.language ?? 'ja', kinds, mandatory: [...MANDATORY_NOTIFICATION_KINDS], version: r?.version ?? 0, updatedAt: r?.updatedAt ?? null };
}

export async function putPreferences(repos: Pick<Repositories, 'preferences'>, identity: Identity, body: PutPreferencesBody): Promise<Preferences> {
  const refused = Object.entries(body.kinds ?? {})
    .filter(([k, on]) => on === false && isMandatory(k as NotificationKind))
    .map(([k]) => ({
      field: `body.kinds.${k}`,
      code: 'mandatory',
      message: { ja: 'このお知らせは必須のため、止めることはできません', en: 'This notification is mandatory and cannot be turned off' },
    }));
  if (refused.length) throw new ValidationError(refused);
  const current = await repos.preferences.get(identity.userId);
  const kinds: NotificationPreferencesRecord['kinds'] = { ...(current?.kinds ?? {}) };
  for (const [k, on] of Object.entries(body.kinds ?? {})) {
    if (isMandatory(k as NotificationKind) || on === undefined) continue;
    kinds[k as NotificationKind] = on;
  }
  const saved = await repos.preferences.put(
    { userId: identity.userId, language: body.language, kinds, updatedAt: new Date().toISOString() },
    body.expectedVersion,
  );
  return toPreferences(saved);
}

/**
 * Sends the invitation again with a new temporary password, for a user who has not signed in yet. Same people
 * as the first invitation (the prefecture, or a facility administrator for its own staff). A user who has
 * signed in, or a disabled one, gets a 409 saying why. The mail goes from here because it carries the password,
 * which is never stored; resending again is harmless if it fails.
 */
export async function resendInvitation(
  repos: Pick<Repositories, 'memberships' | 'tenant'>,
  identity: Identity,
  requestId: string,
  userId: string,
): Promise<ResendInvitationResponse> {
  const member = await repos.memberships.get(userId);
  if (!member) throw new NotFoundError('user');
  assertCanManage(identity, member);
  const conflict = (code: string, ja: string, en: string) =>
    new HttpError(409, 'ALREADY_EXISTS', { ja, en }, [{ field: 'path.userId', code, message: { ja, en } }]);
  if (member.status !== 'active') {
    throw conflict(
      'disabled',
      '無効化された利用者には招待を再送できません。先に再有効化してください。',
      'This user is disabled; re-enable them before resending the invitation.',
    );
  }
  const status = await poolUserStatus(member.email);
  if (status !== 'FORCE_CHANGE_PASSWORD') {
    throw conflict(
      'already_signed_in',
      'この利用者は既にログインしてパスワードを設定済みのため、招待は再送できません。',
      'This user has already signed in and set a password; there is no invitation to resend.',
    );
  }
  const password = temporaryPassword();
  await resetTemporaryPassword(member.email, password);
  const invitedAt = new Date().toISOString();
  await repos.memberships.write({ ...member, invitedAt }, actorOf(identity, requestId), 'user.resendInvite', { email: member.email });
  const tenant = await repos.tenant.get();
  const mail = invitationMail({ displayName: member.displayName, orgName: member.orgName, tenantName: tenant?.name ?? '', email: member.email, password });
  await sendMail(member.email, mail.subject, mail.text);
  return { userId: member.userId, email: member.email, invitedAt };
}
