import { ROLE_LABELS, ROLES, type Role, type User } from '@mcr/contract';
import { useMemo, useRef, useState } from 'react';
import { updateUser } from '../../api/update-user.ts';
import { Page } from '../../app/page.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { dayInJapan, formatDate } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { fold } from '../../lib/text.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { InviteForm } from './invite-form.tsx';

const PAGE = 200;

function UserTable({ users: loaded, onChanged }: { users: User[]; onChanged(message: Localized): void }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const prefecture = me.role === 'pref_admin';
  const [role, setRole] = useState<Role | ''>('');
  const [org, setOrg] = useState('');
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [target, setTarget] = useState<User | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: Localized; requestId?: string | undefined } | undefined>();
  // A disabled or re-enabled user is updated in place: the table, its filters and the focus stay where they are.
  const [changed, setChanged] = useState<Record<string, User>>({});
  const users = useMemo(() => loaded.map((u) => changed[u.userId] ?? u), [loaded, changed]);

  const orgs = useMemo(() => {
    const map = new Map<string, string>();
    for (const u of users) map.set(u.orgId, u.orgName);
    return [...map.entries()].sort((a, b) => a[1].localeCompare(b[1], 'ja'));
  }, [users]);
  const rolesPresent = ROLES.filter((r) => users.some((u) => u.role === r));
  const rows = useMemo(() => {
    const needle = fold(q);
    return users.filter(
      (u) =>
        (!role || u.role === role) && (!org || u.orgId === org) && (!needle || fold(u.displayName).includes(needle) || u.email.toLowerCase().includes(needle)),
    );
  }, [users, role, org, q]);

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
      setFailure(err instanceof ApiError ? { text: err.text, requestId: err.requestId } : { text: M.unexpected });
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
          <Alert tone="error" title={t(M.userUpdateFailed)}>
            <p>{t(failure.text)}</p>
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
              <select
                id="users-role"
                value={role}
                onChange={(e) => {
                  setRole(e.target.value as Role | '');
                  setLimit(PAGE);
                }}
              >
                <option value="">{t(M.filterAll)}</option>
                {rolesPresent.map((r) => (
                  <option key={r} value={r}>
                    {t(ROLE_LABELS[r])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="users-org">{t(M.filterOrg)}</label>
              <select
                id="users-org"
                value={org}
                onChange={(e) => {
                  setOrg(e.target.value);
                  setLimit(PAGE);
                }}
              >
                <option value="">{t(M.filterAll)}</option>
                {orgs.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
        <div className="field grow">
          <label htmlFor="users-search">{t(M.userSearch)}</label>
          <input
            id="users-search"
            type="search"
            value={q}
            autoComplete="off"
            onChange={(e) => {
              setQ(e.target.value);
              setLimit(PAGE);
            }}
          />
        </div>
      </div>
      <p className="pad muted" role="status">
        {t(M.showingUsers(rows.length, users.length))}
      </p>
      <div className="table-wrap">
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
            {rows.slice(0, limit).map((u) => {
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
                      <button
                        type="button"
                        className="button small secondary"
                        aria-label={t(u.status === 'active' ? M.disableUserFor(u.displayName) : M.enableUserFor(u.displayName))}
                        onClick={() => setTarget(u)}
                      >
                        {t(u.status === 'active' ? M.disableUser : M.enableUser)}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="pad">{t(M.noUsers)}</p> : null}
      {rows.length > limit ? (
        <p className="pad">
          <button type="button" className="button secondary" onClick={() => setLimit((n) => n + PAGE)}>
            {t(M.showMoreRows(rows.length - limit))}
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
    </section>
  );
}

/** 「利用者」: the prefecture's users (a facility administrator: its facility's), invitations, disabling. */
export function UsersPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [users, reload] = asLoaded(useApiQuery('users.list'));
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
      {users.state === 'loading' ? <Loading /> : null}
      {users.state === 'error' ? <LoadError error={users.error} onRetry={reload} /> : null}
      {users.state === 'ok' ? <UserTable users={users.data.items} onChanged={(text) => setMessage({ text, testId: 'user-updated' })} /> : null}
    </Page>
  );
}
