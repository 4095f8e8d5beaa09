import { MAX_VENDOR_PROFILES, routes, SYSTEM_KINDS, type VendorProfile, type VendorResponseView } from '@mcr/contract';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DeadlineSummary } from '../../components/deadlines.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { TextField } from '../../components/text-field.tsx';
import { formatFiscalYear } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';
import type { Round } from '../checklist/draft.ts';
import { SubmissionHistory } from '../checklist/submit-panel.tsx';
import { roundCompleteness } from '../checklist/submission.ts';
import { RoundTabs, SaveLine, VENDOR_CONTEXT, VendorFormItems } from './form-view.tsx';
import { useCellAutosave } from './use-cell-autosave.ts';
import { V } from './vendor-messages.ts';
import { VendorReviewPanel, VendorReviewHistory, VendorStatusBanner, VendorSubmitPanel } from './vendor-review.tsx';
import './vendors.css';

const ASSIGNMENT_PAGE = 100;

type ProfileMeta = Pick<VendorProfile, 'id' | 'name' | 'systems' | 'version' | 'answers'>;

function newProfileId(): string {
  return `p-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** The first round still to submit: after a 差戻し the returned round, after a submission the next one. */
function initialRound(view: VendorResponseView): Round {
  const last = view.submissions.at(-1)?.round ?? 0;
  if (view.status === 'returned') return ((view.reviews.at(-1)?.round ?? last) || 1) as Round;
  if (view.status === 'submitted' || view.status === 'confirmed') return (last || 1) as Round;
  return (Math.min(3, last + 1) || 1) as Round;
}

/** 名前 and 対象システム of a standard answer: adding one, or changing one. */
function ProfileForm({
  initial,
  title,
  onSave,
  onCancel,
}: {
  initial: { name: string; systems: string[] };
  title: Localized;
  onSave(name: string, systems: string[]): Promise<Localized | undefined>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(initial.name);
  const [systems, setSystems] = useState<string[]>(initial.systems);
  const [error, setError] = useState<Localized | undefined>();
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(V.profileNameRequired);
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    const failed = await onSave(
      name.trim(),
      SYSTEM_KINDS.filter((s) => systems.includes(s)),
    );
    setBusy(false);
    if (failed) setError(failed);
  };
  return (
    <form className="card profile-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="profile-form-heading">
      <h3 id="profile-form-heading">{t(title)}</h3>
      <TextField
        id="profile-name"
        label={t(V.profileName)}
        hint={t(V.profileNameHint)}
        inputRef={nameRef}
        type="text"
        maxLength={100}
        required
        value={name}
        error={error ? t(error) : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setError(undefined);
        }}
      />
      <fieldset className="target-fieldset">
        <legend>{t(V.profileSystemsLegend)}</legend>
        <p className="hint">{t(V.profileSystemsHint)}</p>
        <div className="system-choices">
          {SYSTEM_KINDS.map((s) => (
            <label key={s} className="choice-line">
              <input
                type="checkbox"
                checked={systems.includes(s)}
                onChange={(e) => setSystems((x) => (e.target.checked ? [...x, s] : x.filter((v) => v !== s)))}
              />
              <span>{s}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t(M.working) : t(V.profileSave)}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
          {t(M.cancel)}
        </button>
      </div>
    </form>
  );
}

/**
 * One standard answer: its autosaving cells (kept alive while another one is shown, so nothing typed is lost when
 * switching), its 「N 施設に適用」 statement and, when shown, the form.
 */
function ProfileEditor({
  view,
  profile,
  shown,
  editable,
  round,
  onRound,
  applies,
  onSaved,
  onStatus,
  onReload,
}: {
  view: VendorResponseView;
  profile: ProfileMeta;
  shown: boolean;
  editable: boolean;
  round: Round;
  onRound(r: Round): void;
  applies: Localized;
  onSaved(p: ProfileMeta, responseVersion: number, status: VendorResponseView['status']): void;
  onStatus(id: string, s: { unsaved: boolean; conflict: boolean; missing: number }): void;
  onReload(): void;
}) {
  const { t } = useI18n();
  const meta = useRef(profile);
  meta.current = profile;
  const save = useCallback(
    async (expectedVersion: number, changes: Parameters<Parameters<typeof useCellAutosave>[0]['save']>[1]) => {
      const saved = await callRoute(routes['vendorResponses.saveProfile'], {
        params: { campaignId: view.campaign.id, vendorId: view.vendor.id, profileId: meta.current.id },
        body: { expectedVersion, name: meta.current.name, systems: meta.current.systems as (typeof SYSTEM_KINDS)[number][], changes },
      });
      onSaved(
        { id: saved.id, name: saved.name, systems: saved.systems, version: saved.version, answers: saved.answers },
        saved.responseVersion,
        saved.responseStatus,
      );
      return { answers: saved.answers, version: saved.version };
    },
    [view.campaign.id, view.vendor.id, onSaved],
  );
  const autosave = useCellAutosave({
    answers: profile.answers,
    version: profile.version,
    template: view.template,
    fiscalYear: view.campaign.fiscalYear,
    editable,
    save,
  });
  const missing = useMemo(
    () => roundCompleteness(view.template, autosave.effectiveAnswers, VENDOR_CONTEXT, round).missing.length,
    [view.template, autosave.effectiveAnswers, round],
  );
  const unsaved = autosave.hasUnsaved;
  const conflict = autosave.state.kind === 'conflict';
  useEffect(() => onStatus(profile.id, { unsaved, conflict, missing }), [onStatus, profile.id, unsaved, conflict, missing]);
  if (!shown) return null;
  return (
    <div className="profile-editor" data-testid={`profile-${profile.id}`}>
      <p className="applies-to" data-testid="applies-to">
        {t(applies)}
      </p>
      <p className="muted">
        {t(V.profileSystems)}: {profile.systems.length > 0 ? profile.systems.join('、') : t(V.profileSystemsAny)}
      </p>
      {conflict ? (
        <Alert tone="error" title={t(M.conflictTitle)}>
          <p>{t(V.conflict)}</p>
          <button type="button" className="button primary" onClick={onReload}>
            {t(V.reload)}
          </button>
        </Alert>
      ) : null}
      <p className="missing-line">
        {t(M.round(round))}: {missing === 0 ? t(V.profileComplete) : t(V.profileMissing(missing))}
      </p>
      <div className="toolbar">
        <RoundTabs round={round} onChange={onRound} idPrefix="vendor" />
        {editable ? <SaveLine state={autosave.state} heldBack={autosave.heldBack} onRetry={() => void autosave.retry()} onReload={onReload} /> : null}
      </div>
      <VendorFormItems
        template={view.template}
        answers={autosave.effectiveAnswers}
        round={round}
        readOnly={!editable}
        fiscalYear={view.campaign.fiscalYear}
        draftFor={autosave.draftFor}
        issues={autosave.issues}
        onEdit={autosave.edit}
        idPrefix="vendor"
      />
    </div>
  );
}

function AssignmentsTable({ view }: { view: VendorResponseView }) {
  const { t } = useI18n();
  const rows = usePagedQuery('vendorResponses.facilities', {
    params: { campaignId: view.campaign.id, vendorId: view.vendor.id },
    query: { limit: ASSIGNMENT_PAGE },
  });
  return (
    <section className="card flush" aria-labelledby="assignments-heading" data-testid="vendor-assignments">
      <h2 id="assignments-heading" className="pad">
        {t(V.assignmentsHeading)}
      </h2>
      <p className="pad muted">{t(V.assignmentsLead)}</p>
      <p className="pad muted" role="status">
        {rows.isPending ? t(V.loading) : t(V.shown(rows.items.length, view.facilityCount))}
      </p>
      {rows.isError ? (
        <div className="pad">
          <LoadError error={rows.error} onRetry={() => void rows.refetch()} />
        </div>
      ) : null}
      <div className="table-wrap" aria-busy={rows.isFetching}>
        <table className="table">
          <caption className="sr-only">{t(V.assignmentsHeading)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(V.colFacility)}</th>
              <th scope="col">{t(V.colSystems)}</th>
              <th scope="col">{t(V.colProfileApplied)}</th>
              <th scope="col">{t(V.colOverrides)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.items.map((r) => (
              <tr key={r.facilityId} data-testid={`assignment-${r.facilityId}`}>
                <th scope="row">
                  <Link to={paths.vendorFacility(view.campaign.id, view.vendor.id, r.facilityId)}>{r.facilityName}</Link>
                </th>
                <td>{r.contractSystems.join('、') || '—'}</td>
                <td>
                  {r.profileName ?? t(V.noProfile)} <span className="muted">{t(r.explicitProfile ? V.chosen : V.byRule)}</span>
                </td>
                <td>{r.overriddenCells.count > 0 ? <span className="badge overridden">{t(V.overridesN(r.overriddenCells.count))}</span> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!rows.isPending && rows.items.length === 0 ? <p className="pad">{t(V.facilitiesEmpty)}</p> : null}
      {rows.hasNextPage ? (
        <p className="pad">
          <button type="button" className="button secondary" onClick={() => void rows.fetchNextPage()} disabled={rows.isFetchingNextPage}>
            {rows.isFetchingNextPage ? t(V.loading) : t(V.loadMore)}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/**
 * How many facilities each standard answer applies to. One standard answer applies to all of them; with several, the
 * rows say which applies where (read by pages of 200, so a count may be a lower bound until all are read).
 */
function useAppliesTo(view: VendorResponseView, profiles: ProfileMeta[]): (profileId: string) => Localized {
  const many = profiles.length > 1;
  const rows = usePagedQuery('vendorResponses.facilities', {
    params: { campaignId: view.campaign.id, vendorId: view.vendor.id },
    query: { limit: 200 },
    enabled: many,
  });
  if (!many) return () => V.appliesTo(view.facilityCount);
  if (rows.isPending) return () => V.appliesCounting;
  const counts = new Map<string, number>();
  for (const r of rows.items) if (r.profileId) counts.set(r.profileId, (counts.get(r.profileId) ?? 0) + 1);
  const all = !rows.hasNextPage;
  return (id) => (all ? V.appliesTo(counts.get(id) ?? 0) : V.appliesAtLeast(counts.get(id) ?? 0));
}

function ResponseEditor({ view, onReplace, onReload }: { view: VendorResponseView; onReplace(next: VendorResponseView): void; onReload(): void }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const vendorUser = me.role === 'vendor_user';
  const locked = view.status === 'submitted' || view.status === 'confirmed';
  const editable = vendorUser && !locked;
  const [profiles, setProfiles] = useState<ProfileMeta[]>(() => view.profiles);
  const [selected, setSelected] = useState(() => view.profiles[0]?.id ?? '');
  const [round, setRound] = useState<Round>(() => initialRound(view));
  const [responseVersion, setResponseVersion] = useState(view.version);
  const [status, setStatus] = useState(view.status);
  const [states, setStates] = useState<Record<string, { unsaved: boolean; conflict: boolean; missing: number }>>({});
  const [form, setForm] = useState<'new' | 'edit' | undefined>();
  const [deleting, setDeleting] = useState(false);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: Localized; reload: boolean } | undefined>();
  const appliesTo = useAppliesTo(view, profiles);
  const current = profiles.find((p) => p.id === selected) ?? profiles[0];

  const onSaved = useCallback((p: ProfileMeta, rv: number, s: VendorResponseView['status']) => {
    setProfiles((list) => list.map((x) => (x.id === p.id ? p : x)));
    setResponseVersion(rv);
    setStatus(s);
  }, []);
  const onStatus = useCallback((id: string, s: { unsaved: boolean; conflict: boolean; missing: number }) => setStates((x) => ({ ...x, [id]: s })), []);

  const problemOf = (err: unknown): { text: Localized; reload: boolean } => {
    if (err instanceof ApiError && (err.code === 'VERSION_CONFLICT' || err.code === 'LOCKED')) return { text: V.conflict, reload: true };
    if (err instanceof ApiError) return { text: err.fields[0]?.message ?? err.text, reload: false };
    return { text: M.unexpected, reload: false };
  };

  /** Creating (version 0) or renaming a standard answer; answers the message to show when it fails. */
  const saveMeta = async (id: string, expectedVersion: number, name: string, systems: string[]): Promise<Localized | undefined> => {
    try {
      const saved = await callRoute(routes['vendorResponses.saveProfile'], {
        params: { campaignId: view.campaign.id, vendorId: view.vendor.id, profileId: id },
        body: { expectedVersion, name, systems: systems as (typeof SYSTEM_KINDS)[number][], changes: [] },
      });
      const meta = { id: saved.id, name: saved.name, systems: saved.systems, version: saved.version, answers: saved.answers };
      setProfiles((list) => (list.some((x) => x.id === id) ? list.map((x) => (x.id === id ? meta : x)) : [...list, meta]));
      setResponseVersion(saved.responseVersion);
      setStatus(saved.responseStatus);
      setSelected(id);
      setForm(undefined);
      return undefined;
    } catch (err) {
      const p = problemOf(err);
      if (p.reload) setProblem(p);
      return p.text;
    }
  };

  const remove = async () => {
    if (!current) return;
    setDeleteBusy(true);
    try {
      await callRoute(routes['vendorResponses.deleteProfile'], {
        params: { campaignId: view.campaign.id, vendorId: view.vendor.id, profileId: current.id },
        query: { expectedVersion: String(current.version) },
      });
      const rest = profiles.filter((p) => p.id !== current.id);
      setProfiles(rest);
      setSelected(rest[0]?.id ?? '');
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setDeleteBusy(false);
      setDeleting(false);
    }
  };

  const shownView: VendorResponseView = { ...view, status, version: responseVersion, profiles: profiles.map((p) => ({ ...p, updatedAt: null })) };
  const anyUnsaved = Object.values(states).some((s) => s.unsaved);
  const anyConflict = Object.values(states).some((s) => s.conflict);
  const missing = profiles.some((p) => (states[p.id]?.missing ?? 1) > 0);
  const blocked = anyConflict ? V.conflict : anyUnsaved ? V.submitWait : missing ? V.submitNeedsComplete : undefined;
  const back = vendorUser ? { to: paths.home(), text: V.responseBack } : { to: paths.vendorProgress(view.campaign.id), text: V.responseBackPref };

  return (
    <Page
      title={t(view.campaign.title)}
      lead={
        <>
          {view.vendor.name} ・ {formatFiscalYear(view.campaign.fiscalYear, lang)} ・ <DeadlineSummary campaign={view.campaign} />
        </>
      }
      actions={<StatusBadge status={status} />}
    >
      <p className="back">
        <Link to={back.to}>← {t(back.text)}</Link>
      </p>
      {!vendorUser ? <Alert tone="info">{t(V.readOnlyPref)}</Alert> : null}
      <VendorStatusBanner view={shownView} vendorUser={vendorUser} />
      {problem ? (
        <Alert tone="error" title={t(V.reviewFailed)}>
          <p>{t(problem.text)}</p>
          {problem.reload ? (
            <button type="button" className="button primary" onClick={onReload}>
              {t(V.reload)}
            </button>
          ) : null}
        </Alert>
      ) : null}

      <section className="card profiles-card" aria-labelledby="profiles-heading">
        <div className="section-head">
          <h2 id="profiles-heading">{t(V.profilesHeading)}</h2>
          {editable && profiles.length < MAX_VENDOR_PROFILES ? (
            <button type="button" className="button secondary small" aria-expanded={form === 'new'} onClick={() => setForm(form === 'new' ? undefined : 'new')}>
              <span aria-hidden="true">＋ </span>
              {t(V.profileAdd)}
            </button>
          ) : null}
        </div>
        {editable ? <p className="muted">{t(V.answerOnceLead)}</p> : null}
        {form === 'new' ? (
          <ProfileForm
            initial={{ name: '', systems: [] }}
            title={V.profileFormTitleNew}
            onSave={(name, systems) => saveMeta(newProfileId(), 0, name, systems)}
            onCancel={() => setForm(undefined)}
          />
        ) : null}
        {profiles.length > 1 || editable ? (
          <ul className="profile-tabs" aria-label={t(V.profilesTabs)}>
            {profiles.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className={`profile-tab${p.id === current?.id ? ' active' : ''}`}
                  aria-pressed={p.id === current?.id}
                  onClick={() => {
                    setSelected(p.id);
                    setForm(undefined);
                  }}
                >
                  <span className="profile-tab-name">{p.name}</span>
                  <span className="profile-tab-sub">
                    {(states[p.id]?.missing ?? 0) === 0 ? t(V.profileComplete) : t(V.profileMissing(states[p.id]?.missing ?? 0))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {current && editable ? (
          <div className="profile-actions">
            <button type="button" className="button link small" aria-expanded={form === 'edit'} onClick={() => setForm(form === 'edit' ? undefined : 'edit')}>
              {t(V.profileEdit)}
            </button>
            {profiles.length > 1 ? (
              <button type="button" className="button link small danger-text" onClick={() => setDeleting(true)}>
                {t(V.profileDelete)}
              </button>
            ) : null}
          </div>
        ) : null}
        {form === 'edit' && current ? (
          <ProfileForm
            key={current.id}
            initial={{ name: current.name, systems: current.systems }}
            title={V.profileFormTitleEdit}
            onSave={(name, systems) => saveMeta(current.id, current.version, name, systems)}
            onCancel={() => setForm(undefined)}
          />
        ) : null}
        {profiles.map((p) => (
          <ProfileEditor
            key={p.id}
            view={view}
            profile={p}
            shown={p.id === current?.id}
            editable={editable}
            round={round}
            onRound={setRound}
            applies={appliesTo(p.id)}
            onSaved={onSaved}
            onStatus={onStatus}
            onReload={onReload}
          />
        ))}
      </section>

      {vendorUser && editable ? (
        <VendorSubmitPanel view={shownView} version={responseVersion} round={round} blocked={blocked} onSubmitted={onReplace} onReload={onReload} />
      ) : null}
      {me.role === 'pref_admin' && status === 'submitted' ? <VendorReviewPanel view={shownView} onDone={onReplace} onReload={onReload} /> : null}
      <AssignmentsTable view={view} />
      <VendorReviewHistory view={view} />
      <SubmissionHistory submissions={view.submissions} />
      <ConfirmDialog
        open={deleting}
        id="profile-delete-dialog"
        title={current ? t(V.profileDeleteTitle(current.name)) : ''}
        confirmText={t(V.profileDelete)}
        busy={deleteBusy}
        danger
        onConfirm={() => void remove()}
        onClose={() => setDeleting(false)}
      >
        <p>{t(V.profileDeleteBody)}</p>
      </ConfirmDialog>
    </Page>
  );
}

/** `/campaigns/:campaignId/vendors/:vendorId`: the vendor answers (standard answers, per facility); the prefecture reads and reviews. */
export function VendorResponsePage({ campaignId, vendorId }: { campaignId: string; vendorId: string }) {
  const [loads, setLoads] = useState(0);
  const [view, reload] = useApi(
    (signal) => callRoute(routes['vendorResponses.get'], { params: { campaignId, vendorId }, signal }),
    [campaignId, vendorId, loads],
  );
  const [replaced, setReplaced] = useState<{ loads: number; view: VendorResponseView } | undefined>();
  if (view.state === 'loading') return <Loading />;
  if (view.state === 'error') return <LoadError error={view.error} onRetry={reload} />;
  const current = replaced?.loads === loads ? replaced.view : view.data;
  return (
    <ResponseEditor
      key={`${loads}-${current.version}-${current.status}`}
      view={current}
      onReplace={(next) => {
        setReplaced({ loads, view: next });
        window.scrollTo(0, 0);
      }}
      onReload={() => setLoads((k) => k + 1)}
    />
  );
}
