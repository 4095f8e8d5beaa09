import { type Facility, INVITABLE_ROLES, type InviteUserBody, ROLE_LABELS, type User } from '@mcr/contract';
import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { inviteUser } from '../../api/invite-user.ts';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { useDebounced } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';

type InvitableRole = (typeof INVITABLE_ROLES)[number];
type OrgKind = 'none' | 'health_center' | 'facility' | 'vendor';
type FieldKey = 'email' | 'displayName' | 'role' | 'orgId';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FACILITY_CHOICES = 30;

export function orgKindOf(role: InvitableRole | ''): OrgKind {
  if (role === 'inspector') return 'health_center';
  if (role === 'facility_admin' || role === 'facility_member') return 'facility';
  if (role === 'vendor_user') return 'vendor';
  return 'none';
}

/** 保健所 from the health-center list. */
function HealthCenterPicker({ value, error, onChange }: { value: string; error: string | undefined; onChange(v: string): void }) {
  const { t } = useI18n();
  const [hcs, reload] = asLoaded(useApiQuery('healthCenters.list'));
  if (hcs.state === 'loading') return <Loading />;
  if (hcs.state === 'error') return <LoadError error={hcs.error} onRetry={reload} />;
  return (
    <SelectField id="invite-org" label={t(M.fieldOrg)} hint={t(M.fieldOrgHcHint)} value={value} error={error} onChange={onChange}>
      <option value="">{t(M.choose)}</option>
      {[...hcs.data.items]
        .sort((a, b) => a.name.localeCompare(b.name, 'ja'))
        .map((h) => (
          <option key={h.id} value={h.id}>
            {h.name}（{h.medicalAreaName}）
          </option>
        ))}
    </SelectField>
  );
}

function VendorPicker({ value, error, onChange }: { value: string; error: string | undefined; onChange(v: string): void }) {
  const { t } = useI18n();
  const [vendors, reload] = asLoaded(useApiQuery('vendors.list'));
  if (vendors.state === 'loading') return <Loading />;
  if (vendors.state === 'error') return <LoadError error={vendors.error} onRetry={reload} />;
  return (
    <SelectField id="invite-org" label={t(M.fieldOrg)} hint={t(M.fieldOrgVendorHint)} value={value} error={error} onChange={onChange}>
      <option value="">{t(M.choose)}</option>
      {[...vendors.data.items]
        .sort((a, b) => a.name.localeCompare(b.name, 'ja'))
        .map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
    </SelectField>
  );
}

/**
 * A facility out of thousands: a combobox. Typing part of the name (or the code) lists the matches; a click,
 * or the arrow keys and Enter, chooses one.
 */
function FacilityPicker({ value, error, onChange }: { value: string; error: string | undefined; onChange(v: string): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Facility | undefined>();
  // The server searches (name prefix or 医療機関コード) once typing pauses; one more than shown says "more".
  const needle = useDebounced(q.trim(), 250);
  const search = useApiQuery('facilities.list', { query: { q: needle, limit: FACILITY_CHOICES + 1 }, enabled: needle !== '' && !value });
  const matches = useMemo<Facility[]>(() => (needle && search.data ? search.data.items : []), [needle, search.data]);
  const shown = matches.slice(0, FACILITY_CHOICES);
  const expanded = open && shown.length > 0;
  const choose = (f: Facility) => {
    setSelected(f);
    onChange(f.id);
    setQ(f.name);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault();
      const f = shown[active];
      if (f) choose(f);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setOpen(false);
    }
  };
  const status = selected
    ? t(M.orgChosen(`${selected.name}（${selected.healthCenterName}・${selected.medicalInstitutionCode}）`))
    : !q.trim()
      ? t(M.orgTypeToSearch)
      : search.isFetching || needle !== q.trim()
        ? t(M.loadingMore)
        : matches.length > FACILITY_CHOICES
          ? t(M.orgMatchesMany(FACILITY_CHOICES))
          : t(M.orgMatches(matches.length));
  return (
    <div className="field facility-picker">
      <label htmlFor="invite-org">{t(M.fieldOrgSearch)}</label>
      <input
        id="invite-org"
        type="text"
        role="combobox"
        autoComplete="off"
        value={q}
        aria-expanded={expanded}
        aria-controls="invite-org-list"
        aria-autocomplete="list"
        aria-activedescendant={expanded && shown[active] ? `invite-org-option-${shown[active]?.id}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`invite-org-status${error ? ' invite-org-error' : ''}`}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
          setActive(0);
          setSelected(undefined);
          if (value) onChange('');
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div id="invite-org-list" role="listbox" aria-label={t(M.orgCandidates)} className="combo-list" hidden={!expanded}>
        {shown.map((f, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keys work in the combobox input (aria-activedescendant), where the focus stays.
          <div
            key={f.id}
            id={`invite-org-option-${f.id}`}
            role="option"
            tabIndex={-1}
            aria-selected={f.id === value}
            className={i === active ? 'combo-option is-active' : 'combo-option'}
            // Keeps the focus in the input, so that the list does not close before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(f)}
          >
            <span className="combo-name">{f.name}</span>
            <span className="combo-sub">
              {f.healthCenterName}・{f.medicalInstitutionCode}
            </span>
          </div>
        ))}
      </div>
      <p id="invite-org-status" className={selected ? 'hint chosen' : 'hint'} aria-live="polite" data-testid="invite-org-status">
        {status}
      </p>
      {error ? (
        <p id="invite-org-error" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** 「利用者を招待」: e-mail, name, role and (for the prefecture) the organisation; the server mails the invitation. */
export function InviteForm({ onInvited, onCancel }: { onInvited(user: User): void; onCancel(): void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const prefecture = me.role === 'pref_admin';
  const roles: readonly InvitableRole[] = prefecture ? INVITABLE_ROLES : ['facility_admin', 'facility_member'];
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<InvitableRole | ''>(prefecture ? '' : 'facility_member');
  const [orgId, setOrgId] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldKey, Localized>>>({});
  const [failure, setFailure] = useState<{ text: Localized; requestId?: string | undefined } | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const kind = prefecture ? orgKindOf(role) : 'none';
  const chooseOrg = (v: string) => {
    setOrgId(v);
    setErrors((e) => ({ ...e, orgId: undefined }));
  };

  const clear = (k: FieldKey) =>
    setErrors((e) => {
      const next = { ...e };
      delete next[k];
      return next;
    });

  const focusFirst = (e: Partial<Record<FieldKey, Localized>>) => {
    const order: Array<[FieldKey, string]> = [
      ['email', 'invite-email'],
      ['displayName', 'invite-name'],
      ['role', 'invite-role'],
      ['orgId', 'invite-org'],
    ];
    const first = order.find(([k]) => e[k]);
    if (first) document.getElementById(first[1])?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Partial<Record<FieldKey, Localized>> = {};
    if (!EMAIL.test(email.trim())) next.email = email.trim() ? M.errEmailInvalid : M.errEmailRequired;
    if (!displayName.trim()) next.displayName = M.errNameRequired;
    else if (displayName.trim().length > 100) next.displayName = M.errTooLong(100);
    if (!role) next.role = M.errRoleRequired;
    if (kind !== 'none' && !orgId) next.orgId = M.errOrgRequired;
    setErrors(next);
    setFailure(undefined);
    if (Object.keys(next).length > 0 || !role) {
      focusFirst(next);
      return;
    }
    const body: InviteUserBody = { email: email.trim(), displayName: displayName.trim(), role, ...(kind !== 'none' ? { orgId } : {}) };
    setBusy(true);
    try {
      onInvited(await inviteUser(body));
    } catch (err) {
      if (!(err instanceof ApiError)) {
        setFailure({ text: M.unexpected });
      } else if (err.code === 'ALREADY_EXISTS') {
        setErrors({ email: M.errEmailTaken });
        focusFirst({ email: M.errEmailTaken });
      } else if (err.status === 400 && err.fields.length > 0) {
        const placed: Partial<Record<FieldKey, Localized>> = {};
        for (const f of err.fields) {
          const key = (['email', 'displayName', 'role', 'orgId'] as const).find((k) => f.field === `body.${k}`);
          if (key) placed[key] ??= f.message;
        }
        setErrors(placed);
        if (Object.keys(placed).length === 0) setFailure({ text: err.text, requestId: err.requestId });
        focusFirst(placed);
      } else {
        setFailure({ text: err.text, requestId: err.requestId });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="invite-form" className="card narrow-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="invite-heading">
      <h2 id="invite-heading" ref={heading} tabIndex={-1}>
        {t(M.inviteTitle)}
      </h2>
      <p className="muted">{t(prefecture ? M.inviteLead : M.inviteLeadFacility(me.organisation?.name ?? ''))}</p>
      {failure ? (
        <Alert tone="error" title={t(M.inviteFailed)}>
          <p>{t(failure.text)}</p>
          {failure.requestId ? (
            <p className="muted small-text">
              {t(M.requestId)}: <code>{failure.requestId}</code>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <TextField
        id="invite-email"
        label={t(M.email)}
        type="email"
        autoComplete="off"
        value={email}
        required
        hint={t(M.inviteEmailHint)}
        error={errors.email ? t(errors.email) : undefined}
        onChange={(e) => {
          setEmail(e.target.value);
          clear('email');
        }}
      />
      <TextField
        id="invite-name"
        label={t(M.fieldDisplayName)}
        type="text"
        autoComplete="off"
        value={displayName}
        required
        maxLength={100}
        error={errors.displayName ? t(errors.displayName) : undefined}
        onChange={(e) => {
          setDisplayName(e.target.value);
          clear('displayName');
        }}
      />
      <SelectField
        id="invite-role"
        label={t(M.fieldRole)}
        value={role}
        required
        error={errors.role ? t(errors.role) : undefined}
        hint={role ? t(M.roleHelp[role]) : undefined}
        onChange={(v) => {
          setRole(v as InvitableRole | '');
          setOrgId('');
          clear('role');
          clear('orgId');
        }}
      >
        {prefecture ? <option value="">{t(M.choose)}</option> : null}
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(ROLE_LABELS[r])}
          </option>
        ))}
      </SelectField>
      {kind === 'health_center' ? <HealthCenterPicker value={orgId} error={errors.orgId ? t(errors.orgId) : undefined} onChange={chooseOrg} /> : null}
      {kind === 'facility' ? <FacilityPicker value={orgId} error={errors.orgId ? t(errors.orgId) : undefined} onChange={chooseOrg} /> : null}
      {kind === 'vendor' ? <VendorPicker value={orgId} error={errors.orgId ? t(errors.orgId) : undefined} onChange={chooseOrg} /> : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t(M.sending) : t(M.inviteButton)}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
          {t(M.cancel)}
        </button>
      </div>
    </form>
  );
}
