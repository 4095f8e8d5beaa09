import { type AnswerChange, routes, type VendorFacilityView, type VendorResponseView } from '@mcr/contract';
import { type Item, parseCellKey } from '@mcr/domain';
import { useCallback, useMemo, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatFiscalYear } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import type { Round } from '../checklist/draft.ts';
import { RoundTabs, SaveLine, VendorFormItems } from './form-view.tsx';
import { useCellAutosave } from './use-cell-autosave.ts';
import { V } from './vendor-messages.ts';
import './vendors.css';

function OverrideNotice({ item, overridden, editable, onClear }: { item: Item; overridden: string[]; editable: boolean; onClear(cells: string[]): void }) {
  const { t } = useI18n();
  const cells = overridden.filter((c) => parseCellKey(c)?.itemId === item.id);
  if (cells.length === 0) return null;
  const names = cells.map((c) => {
    const d = parseCellKey(c)?.deviceClass;
    return d ? t(M.deviceClass[d]) : c;
  });
  return (
    <div className="override-note" data-testid={`override-${item.id}`}>
      <span className="badge overridden">{t(V.overriddenBadge)}</span>
      {item.cells.length > 1 ? <span>{t(V.overriddenCells(names.join('、')))}</span> : null}
      {editable ? (
        <button type="button" className="button link small" onClick={() => onClear(cells)}>
          {t(V.clearOverride)}
        </button>
      ) : null}
    </div>
  );
}

function FacilityEditor({
  view,
  profiles,
  responseView,
  onReload,
}: {
  view: VendorFacilityView;
  profiles: VendorResponseView['profiles'];
  responseView: VendorResponseView;
  onReload(): void;
}) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const vendorUser = me.role === 'vendor_user';
  const locked = view.status === 'submitted' || view.status === 'confirmed';
  const editable = vendorUser && !locked;
  const [latest, setLatest] = useState(view);
  const [round, setRound] = useState<Round>(1);
  const [choosing, setChoosing] = useState(false);
  const [problem, setProblem] = useState<{ text: { ja: string; en?: string | undefined }; reload: boolean } | undefined>();
  const params = useMemo(
    () => ({ campaignId: view.campaign.id, vendorId: view.vendor.id, facilityId: view.facility.id }),
    [view.campaign.id, view.vendor.id, view.facility.id],
  );

  const save = useCallback(
    async (expectedVersion: number, changes: AnswerChange[]) => {
      const next = await callRoute(routes['vendorResponses.saveFacility'], { params, body: { expectedVersion, changes } });
      setLatest(next);
      return { answers: next.answers, version: next.version };
    },
    [params],
  );
  const autosave = useCellAutosave({
    answers: view.answers,
    version: view.version,
    template: view.template,
    fiscalYear: view.campaign.fiscalYear,
    editable,
    save,
  });

  /** 「標準回答に戻す」: every stored round of those cells back to the profile's. */
  const clear = (cells: string[]) => {
    const changes: AnswerChange[] = [];
    for (const cell of cells) {
      const parsed = parseCellKey(cell);
      if (!parsed) continue;
      for (const r of Object.keys(latest.overrides[cell] ?? {})) {
        changes.push({ itemId: parsed.itemId, deviceClass: parsed.deviceClass, round: Number(r) as Round, answer: null });
      }
    }
    void autosave.sendNow(changes);
  };

  /** Choosing the standard answer changes every cell: the page reloads with the new effective answers. */
  const choose = async (value: string) => {
    setChoosing(true);
    try {
      await callRoute(routes['vendorResponses.saveFacility'], {
        params,
        body: { expectedVersion: autosave.version, profileId: value === '' ? null : value, changes: [] },
      });
      onReload();
    } catch (err) {
      setProblem(
        err instanceof ApiError && (err.code === 'VERSION_CONFLICT' || err.code === 'LOCKED')
          ? { text: V.conflict, reload: true }
          : { text: err instanceof ApiError ? err.text : M.unexpected, reload: false },
      );
    } finally {
      setChoosing(false);
    }
  };

  const overridden = latest.overriddenCells;
  const ruleName = latest.explicitProfile ? undefined : latest.profileName;
  return (
    <Page
      title={t(V.facilityTitle(view.facility.name))}
      lead={
        <>
          {view.vendor.name} ・ {t(view.campaign.title)} ・ {formatFiscalYear(view.campaign.fiscalYear, lang)}
        </>
      }
      actions={<StatusBadge status={view.status} />}
    >
      <p className="back">
        <Link to={paths.vendorResponse(view.campaign.id, view.vendor.id)}>← {t(V.facilityBack)}</Link>
      </p>
      {!vendorUser ? <Alert tone="info">{t(V.readOnlyPref)}</Alert> : null}
      {vendorUser && locked ? <Alert tone="info">{t(V.submittedLocked)}</Alert> : null}
      {problem || autosave.state.kind === 'conflict' ? (
        <Alert tone="error" title={t(M.conflictTitle)}>
          <p>{t(problem?.text ?? V.conflict)}</p>
          {problem?.reload !== false ? (
            <button type="button" className="button primary" onClick={onReload}>
              {t(V.reload)}
            </button>
          ) : null}
        </Alert>
      ) : null}

      <section className="card" aria-labelledby="facility-profile-heading">
        <h2 id="facility-profile-heading">{t(V.facilityApplied)}</h2>
        <p className="muted">{t(V.facilityLead)}</p>
        <dl className="kv">
          <dt>{t(V.facilityContract)}</dt>
          <dd>
            {view.contractSystems.join('、') || '—'} ・ {t(V.colRemote)}: {t(view.remoteMaintenance ? V.remoteYes : V.remoteNo)}
          </dd>
        </dl>
        {editable ? (
          <div className="field">
            <label htmlFor="facility-profile">{t(V.facilityProfile)}</label>
            <select
              id="facility-profile"
              value={latest.explicitProfile ? (latest.profileId ?? '') : ''}
              disabled={choosing}
              onChange={(e) => void choose(e.target.value)}
            >
              <option value="">{t(V.facilityProfileAuto(ruleName ?? profiles[0]?.name ?? '—'))}</option>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p data-testid="facility-profile-name">
            {latest.profileName ?? t(V.noProfile)} <span className="muted">{t(latest.explicitProfile ? V.chosen : V.byRule)}</span>
          </p>
        )}
        <p className="overrides-summary" data-testid="overrides-summary">
          {t(V.overridesSummary(overridden.length))}
        </p>
      </section>

      <section className="card" aria-labelledby="facility-answers-heading">
        <h2 id="facility-answers-heading">{t(responseView.template.title)}</h2>
        <div className="toolbar">
          <RoundTabs round={round} onChange={setRound} idPrefix="facility" />
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
          idPrefix="facility"
          noticeFor={(item) => <OverrideNotice item={item} overridden={overridden} editable={editable} onClear={clear} />}
          highlighted={(item) => overridden.some((c) => parseCellKey(c)?.itemId === item.id)}
        />
      </section>
    </Page>
  );
}

/** `/campaigns/:campaignId/vendors/:vendorId/facilities/:facilityId`: what the vendor answers for one facility. */
export function VendorFacilityPage({ campaignId, vendorId, facilityId }: { campaignId: string; vendorId: string; facilityId: string }) {
  const [loads, setLoads] = useState(0);
  const [data, reload] = useApi(
    (signal) =>
      Promise.all([
        callRoute(routes['vendorResponses.getFacility'], { params: { campaignId, vendorId, facilityId }, signal }),
        callRoute(routes['vendorResponses.get'], { params: { campaignId, vendorId }, signal }),
      ]),
    [campaignId, vendorId, facilityId, loads],
  );
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={reload} />;
  const [view, response] = data.data;
  return (
    <FacilityEditor key={`${loads}-${view.version}`} view={view} profiles={response.profiles} responseView={response} onReload={() => setLoads((k) => k + 1)} />
  );
}
