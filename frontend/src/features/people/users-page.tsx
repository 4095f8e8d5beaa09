import { ROLE_LABELS, ROLES, type Role, type User } from '@mcr/contract';
import { useMemo, useRef, useState } from 'react';
import { resendInvitation } from '../../api/notifications.ts';
import { updateUser } from '../../api/update-user.ts';
import { Page } from '../../app/page.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Alert, LoadError } from '../../components/feedback.tsx';
import { dayInJapan, formatDate } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { useDebounced, usePagedQuery } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { NM } from '../notifications/messages.ts';
import { InviteForm } from './invite-form.tsx';

const PAGE = 100;

function UserTable({ onChanged, onFailed }: { onChanged(message: Localized): void; onFailed(): void }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const prefecture = me.role === 'pref_admin';
  const [role, setRole] = useState<Role | ''>('');
  const [q, setQ] = useState('');
  const needle = useDebounced(q.trim(), 300);
  const [target, setTarget] = useState<User | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ title: Localized; text: Localized; requestId?: string | undefined } | undefined>();
  // 招待を再送: a new temporary password by mail; the server answers 409 once the person has signed in.
  const [resendTarget, setResendTarget] = useState<User | undefined>();
  // One page at a time from the server (e-mail order); role and search are applied there.
  const list = usePagedQuery('users.list', { query: { role: role || undefined, q: needle || undefined, limit: PAGE } });
  // A disabled or re-enabled user is updated in place: the table, its filters and the focus stay where they are.
  const [changed, setChanged] = useState<Record<string, User>>({});
  const rows = useMemo(() => list.items.map((u) => changed[u.userId] ?? u), [list.items, changed]);

  const change = async () => {
    if (!target) return;
    const status = target.status === 'active' ? 'disabled' : 'active';
    setBusy(true);
    setFailure(undefined);
    try {
      const next = await updateUser(target.userId, { status });
      setChanged((c) => ({ ...c, [next.userId]: next }));
      setTarget(undefined);
      onChanged(status === 'disabled' ? M.userDisabled(next.displayName) : M.userEnabled(next.displayName));
    } catch (err) {
      setTarget(undefined);
      setFailure(
        err instanceof ApiError ? { title: M.userUpdateFailed, text: err.text, requestId: err.requestId } : { title: M.userUpdateFailed, text: M.unexpected },
      );
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    if (!resendTarget) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const sent = await resendInvitation(resendTarget.userId);
      setChanged((c) => ({ ...c, [resendTarget.userId]: { ...resendTarget, invitedAt: sent.invitedAt } }));
      setResendTarget(undefined);
      onChanged(NM.resent(sent.email));
    } catch (err) {
      setResendTarget(undefined);
      onFailed();
      setFailure(
        err instanceof ApiError
          ? { title: NM.resendFailed, text: err.fields[0]?.message ?? err.text, requestId: err.requestId }
          : { title: NM.resendFailed, text: M.unexpected },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card flush" aria-labelledby="users-heading">
      <h2 id="users-heading" className="pad">
        {t(M.userListHeading)}
      </h2>
      {failure ? (
        <div className="pad">
          <Alert tone="error" title={t(failure.title)}>
            <p data-testid="user-failure">{t(failure.text)}</p>
            {failure.requestId ? (
              <p className="muted small-text">
                {t(M.requestId)}: <code>{failure.requestId}</code>
              </p>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <div className="filters pad">
        {prefecture ? (
          <>
            <div className="field">
              <label htmlFor="users-role">{t(M.filterRole)}</label>
              <select id="users-role" value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
                <option value="">{t(M.filterAll)}</option>
                {ROLES.filter((r) => r !== 'operator').map((r) => (
                  <option key={r} value={r}>
                    {t(ROLE_LABELS[r])}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
        <div className="field grow">
          <label htmlFor="users-search">{t(M.userSearch)}</label>
          <input id="users-search" type="search" value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} />
        </div>
      </div>
      <p className="pad muted" role="status">
        {list.isPending ? t(M.loadingMore) : t(M.itemsShown(rows.length))}
      </p>
      {list.isError ? (
        <div className="pad">
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        </div>
      ) : null}
      <div className="table-wrap" aria-busy={list.isFetching}>
        <table className="table">
          <caption className="sr-only">{t(M.userListHeading)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(M.colName)}</th>
              <th scope="col">{t(M.colEmail)}</th>
              <th scope="col">{t(M.colRole)}</th>
              {prefecture ? <th scope="col">{t(M.colOrg)}</th> : null}
              <th scope="col">{t(M.colUserStatus)}</th>
              <th scope="col">{t(M.colInvited)}</th>
              <th scope="col">{t(M.colActions)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => {
              const self = u.userId === me.userId;
              return (
                <tr key={u.userId} data-testid={`user-row-${u.email}`} className={u.status === 'disabled' ? 'is-disabled' : undefined}>
                  <th scope="row">
                    {u.displayName}
                    {self ? <span className="badge self-badge">{t(M.you)}</span> : null}
                  </th>
                  <td className="email-cell">
                    {u.email.split('@')[0]}
                    <wbr />@{u.email.split('@').slice(1).join('@')}
                  </td>
                  <td className="nowrap">{t(ROLE_LABELS[u.role])}</td>
                  {prefecture ? <td>{u.orgName}</td> : null}
                  <td>
                    <span className={`badge user-${u.status}`}>{t(M.userStatus[u.status])}</span>
                  </td>
                  <td className="nowrap">{u.invitedAt ? formatDate(dayInJapan(u.invitedAt), lang) : t(M.never)}</td>
                  <td className="actions">
                    {self ? (
                      <span className="muted small-text">{t(M.cannotDisableSelf)}</span>
                    ) : (
                      <>
                        {u.status === 'active' ? (
                          <button
                            type="button"
                            className="button small secondary"
                            aria-label={t(NM.resendFor(u.displayName))}
                            onClick={() => setResendTarget(u)}
                          >
                            {t(NM.resend)}
                          </button>
                        ) : null}{' '}
                        <button
                          type="button"
                          className="button small secondary"
                          aria-label={t(u.status === 'active' ? M.disableUserFor(u.displayName) : M.enableUserFor(u.displayName))}
                          onClick={() => setTarget(u)}
                        >
                          {t(u.status === 'active' ? M.disableUser : M.enableUser)}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!list.isPending && rows.length === 0 ? <p className="pad">{t(M.noUsers)}</p> : null}
      {list.hasNextPage ? (
        <p className="pad">
          <button type="button" className="button secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t(M.loadingMore) : t(M.loadMore)}
          </button>
        </p>
      ) : null}
      <ConfirmDialog
        open={target !== undefined}
        id="user-status-dialog"
        title={target ? t(target.status === 'active' ? M.disableTitle(target.displayName) : M.enableTitle(target.displayName)) : ''}
        confirmText={target ? t(target.status === 'active' ? M.disableUser : M.enableUser) : ''}
        busy={busy}
        danger={target?.status === 'active'}
        onConfirm={() => void change()}
        onClose={() => setTarget(undefined)}
      >
        {target ? <p>{t(target.status === 'active' ? M.disableBody(target.email) : M.enableBody(target.email))}</p> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={resendTarget !== undefined}
        id="user-resend-dialog"
        title={resendTarget ? t(NM.resendTitle(resendTarget.displayName)) : ''}
        confirmText={t(NM.resendSend)}
        busy={busy}
        onConfirm={() => void resend()}
        onClose={() => setResendTarget(undefined)}
      >
        {resendTarget ? <p>{t(NM.resendBody(resendTarget.email))}</p> : null}
      </ConfirmDialog>
    </section>
  );
}

/** 「利用者」: the prefecture's users (a facility administrator: its facility's), invitations, disabling. */
export function UsersPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [inviting, setInviting] = useState(false);
  const [message, setMessage] = useState<{ text: Localized; testId: string } | undefined>();
  const toggle = useRef<HTMLButtonElement>(null);
  const lead = me.role === 'pref_admin' ? M.usersLead : M.usersLeadFacility(me.organisation?.name ?? '');
  return (
    <Page
      title={t(M.usersTitle)}
      lead={t(lead)}
      actions={
        <button
          ref={toggle}
          type="button"
          className="button primary"
          aria-expanded={inviting}
          aria-controls="invite-form"
          onClick={() => {
            setInviting((v) => !v);
            setMessage(undefined);
          }}
        >
          <span aria-hidden="true">＋ </span>
          {t(M.inviteOpen)}
        </button>
      }
    >
      {message ? (
        <Alert tone="success">
          <p data-testid={message.testId}>{t(message.text)}</p>
        </Alert>
      ) : null}
      {inviting ? (
        <InviteForm
          onInvited={(u) => {
            setInviting(false);
            setMessage({ text: M.invited(u.email), testId: 'invite-success' });
            toggle.current?.focus();
          }}
          onCancel={() => {
            setInviting(false);
            toggle.current?.focus();
          }}
        />
      ) : null}
      <UserTable onChanged={(text) => setMessage({ text, testId: 'user-updated' })} onFailed={() => setMessage(undefined)} />
    </Page>
  );
}
