import {
  type Campaign,
  type CampaignTarget,
  FACILITY_KIND_LABELS,
  FACILITY_KINDS,
  type Facility,
  type FacilityKind,
  type TemplateSummary,
} from '@mcr/contract';
import { fiscalYearLabel, fiscalYearOf } from '@mcr/domain';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { type CreateCampaignInput, createCampaign } from '../../api/create-campaign.ts';
import { paths } from '../../app/paths.ts';
import { Link, navigate } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/text-field.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { formatFiscalYear, todayInJapan } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { setFlash } from '../../lib/flash.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { useDebounced } from '../../lib/use-paged-query.ts';
import { V } from '../vendors/vendor-messages.ts';
import { BM } from '../bcp/bcp-messages.ts'; // bcp
import { CampaignCreationProgress } from './campaign-creation.tsx';

type TargetKind = 'all' | 'facility_kinds' | 'health_centers' | 'facilities';
type FieldKey = 'templateId' | 'title' | 'titleEn' | 'fiscalYear' | 'opensOn' | 'deadline' | 'deadline2' | 'deadline3' | 'target';
type Errors = Partial<Record<FieldKey, Localized>>;

interface FormState {
  templateId: string;
  /** Typed by the user; undefined while the title follows the template and year. */
  title: string | undefined;
  titleEn: string | undefined;
  fiscalYear: number;
  opensOn: string;
  deadline: string;
  /** 2回目 and 3回目 deadlines, optional ('' = none). */
  deadline2: string;
  deadline3: string;
  targetKind: TargetKind;
  kinds: FacilityKind[];
  healthCenters: string[];
  /** Chosen one by one (a selection), by facility id. */
  facilityIds: string[];
}

const FIELD_ORDER: FieldKey[] = ['templateId', 'title', 'titleEn', 'fiscalYear', 'opensOn', 'deadline', 'deadline2', 'deadline3', 'target'];
const FIELD_ID: Record<FieldKey, string> = {
  templateId: 'nc-template',
  title: 'nc-title',
  titleEn: 'nc-title-en',
  fiscalYear: 'nc-fiscal-year',
  opensOn: 'nc-opens-on',
  deadline: 'nc-deadline',
  deadline2: 'nc-deadline-2',
  deadline3: 'nc-deadline-3',
  target: 'nc-target',
};

/** Flash key for the progress page of a newly created survey. */
export const createdFlashKey = (campaignId: string) => `campaign-created:${campaignId}`;

/**
 * 「令和7年度 医療機関におけるサイバーセキュリティ対策チェックリスト」: the year, then the form title without its
 * 「（医療機関確認用）」. A vendor form keeps its 「（事業者確認用）」, so the two surveys of a year differ by name.
 */
export function defaultTitle(template: TemplateSummary, fiscalYear: number): { ja: string; en: string } {
  const strip = (s: string) => (template.form === 'vendor' ? s : s.replace(/\s*[（(][^（）()]*[）)]\s*$/, ''));
  return { ja: `${fiscalYearLabel(fiscalYear, 'ja')} ${strip(template.title.ja)}`, en: `${fiscalYearLabel(fiscalYear, 'en')} ${strip(template.title.en)}` };
}

/** Facility forms first (the usual survey), then vendor forms, then the BCP 確認表; newest first within each. */
function newestFirst(a: TemplateSummary, b: TemplateSummary): number {
  const form = (s: TemplateSummary) => (s.form === 'vendor' ? 1 : s.form === 'bcp' ? 2 : 0);
  return form(a) - form(b) || b.fiscalYear - a.fiscalYear || (b.uploadedAt ?? '').localeCompare(a.uploadedAt ?? '') || a.id.localeCompare(b.id);
}

function validate(s: FormState, title: string): Errors {
  const errors: Errors = {};
  if (!s.templateId) errors.templateId = M.errTemplateRequired;
  if (!title.trim()) errors.title = M.errTitleRequired;
  else if (title.trim().length > 200) errors.title = M.errTitleTooLong;
  if ((s.titleEn ?? '').trim().length > 200) errors.titleEn = M.errTitleTooLong;
  if (!s.opensOn) errors.opensOn = M.errOpensOnRequired;
  if (!s.deadline) errors.deadline = M.errDeadlineRequired;
  else if (s.opensOn && s.deadline < s.opensOn) errors.deadline = M.errDeadlineBeforeOpening;
  if (s.deadline2 && s.deadline && s.deadline2 <= s.deadline) errors.deadline2 = M.errDeadline2Order;
  if (s.deadline3 && !s.deadline2) errors.deadline3 = M.errDeadline3NeedsSecond;
  else if (s.deadline3 && s.deadline3 <= s.deadline2) errors.deadline3 = M.errDeadline3Order;
  if (s.targetKind === 'facility_kinds' && s.kinds.length === 0) errors.target = M.errKindsRequired;
  if (s.targetKind === 'health_centers' && s.healthCenters.length === 0) errors.target = M.errHcRequired;
  if (s.targetKind === 'facilities' && s.facilityIds.length === 0) errors.target = M.errFacilitiesRequired;
  return errors;
}

/** A server field (`body.title.ja`, `deadline`, `body.target.kinds`) → the input it belongs to. */
function fieldOfServer(field: string): FieldKey | undefined {
  const f = field.replace(/^body\.?/, '');
  if (f.startsWith('templateId')) return 'templateId';
  if (f.startsWith('title.en')) return 'titleEn';
  if (f.startsWith('title')) return 'title';
  if (f.startsWith('fiscalYear')) return 'fiscalYear';
  if (f.startsWith('opensOn')) return 'opensOn';
  if (f.startsWith('deadline')) return 'deadline';
  if (f.startsWith('roundDeadlines.2')) return 'deadline2';
  if (f.startsWith('roundDeadlines.3')) return 'deadline3';
  if (f.startsWith('target')) return 'target';
  return undefined;
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function FieldError({ id, error }: { id: string; error: Localized | undefined }) {
  const { t } = useI18n();
  return error ? (
    <p id={`${id}-error`} className="field-error">
      {t(error)}
    </p>
  ) : null;
}

function SelectField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error: Localized | undefined;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, !!hint, !!error)}
      >
        {children}
      </select>
      {hint ? (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

interface HealthCenter {
  id: string;
  name: string;
  medicalAreaName: string;
}

function Form({ templates, onCancel }: { templates: TemplateSummary[]; onCancel(): void }) {
  const { t, lang } = useI18n();
  const today = todayInJapan();
  const choices = useMemo(() => templates.filter((s) => s.form === 'facility' || s.form === 'vendor' || s.form === 'bcp').sort(newestFirst), [templates]);
  const [healthCenterList] = asLoaded(useApiQuery('healthCenters.list'));
  const facilityCounts = useApiQuery('facilities.counts');
  const [state, setState] = useState<FormState>(() => ({
    templateId: choices[0]?.id ?? '',
    title: undefined,
    titleEn: undefined,
    fiscalYear: choices[0]?.fiscalYear ?? fiscalYearOf(today),
    opensOn: today,
    deadline: '',
    deadline2: '',
    deadline3: '',
    targetKind: 'all',
    kinds: [],
    healthCenters: [],
    facilityIds: [],
  }));
  const [facilityQuery, setFacilityQuery] = useState('');
  // Facilities chosen one by one, kept with their names: the list itself is searched on the server.
  const [chosenFacilities, setChosenFacilities] = useState<Map<string, Facility>>(() => new Map());
  const facilityNeedle = useDebounced(facilityQuery.trim(), 300);
  const facilitySearch = useApiQuery('facilities.list', { query: { q: facilityNeedle, limit: 51 }, enabled: facilityNeedle !== '' });
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<{ text: Localized; requestId?: string | undefined } | undefined>();
  const [showSummary, setShowSummary] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The campaign whose responses are being written (202 from the server); the form waits for it. */
  const [creating, setCreating] = useState<Campaign | undefined>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [focusSummary, setFocusSummary] = useState(0);
  useEffect(() => {
    if (focusSummary > 0) summaryRef.current?.focus();
  }, [focusSummary]);

  const template = choices.find((c) => c.id === state.templateId);
  const previous = template?.previousId ? templates.find((s) => s.id === template.previousId) : undefined;
  const suggested = template ? defaultTitle(template, state.fiscalYear) : { ja: '', en: '' };
  const title = state.title ?? suggested.ja;
  // The English title follows the template only while the Japanese one does; a retitled survey gets no stale English.
  const titleEn = state.titleEn ?? (state.title === undefined ? suggested.en : '');

  const currentFy = fiscalYearOf(today);
  const years = useMemo(() => {
    const low = Math.max(2023, Math.min(currentFy, template?.fiscalYear ?? currentFy) - 1);
    const high = Math.max(currentFy, template?.fiscalYear ?? currentFy) + 1;
    return Array.from({ length: high - low + 1 }, (_, i) => high - i);
  }, [currentFy, template?.fiscalYear]);

  const healthCenters = useMemo<HealthCenter[]>(
    () =>
      healthCenterList.state === 'ok'
        ? healthCenterList.data.items
            .map((h) => ({ id: h.id, name: h.name, medicalAreaName: h.medicalAreaName }))
            .sort((a, b) => a.name.localeCompare(b.name, 'ja'))
        : [],
    [healthCenterList],
  );

  // From the facility counts (a read model: one read whatever the size of the prefecture); the server answers the
  // exact number once the survey is created.
  const counts = facilityCounts.data;
  const estimate =
    state.targetKind === 'facilities'
      ? state.facilityIds.length
      : !counts
        ? undefined
        : state.targetKind === 'all'
          ? counts.total
          : state.targetKind === 'facility_kinds'
            ? state.kinds.reduce((n, k) => n + (counts.byKind[k] ?? 0), 0)
            : state.healthCenters.reduce((n, hc) => n + (counts.byHealthCenter[hc] ?? 0), 0);

  /** Up to 50 matches for the search (name prefix or 医療機関コード), with the already chosen facilities listed first. */
  const found = facilityNeedle && facilitySearch.data ? facilitySearch.data.items : [];
  const facilityMatches = [
    ...state.facilityIds.map((id) => chosenFacilities.get(id)).filter((f): f is Facility => f !== undefined),
    ...found.slice(0, 50).filter((f) => !state.facilityIds.includes(f.id)),
  ];

  const update = (patch: Partial<FormState>, clears: FieldKey[]) => {
    setState((s) => ({ ...s, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of clears) delete next[k];
      return next;
    });
  };

  const chooseTemplate = (id: string) => {
    const next = choices.find((c) => c.id === id);
    // The BCP 確認表 (2024) is reviewed every year: it defaults to the current fiscal year, not the table's own.
    const year = next?.form === 'bcp' ? Math.max(next.fiscalYear, fiscalYearOf(today)) : next?.fiscalYear;
    update({ templateId: id, ...(year !== undefined ? { fiscalYear: year } : {}) }, ['templateId', 'fiscalYear']);
  };

  const toggle = <T extends string>(list: T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const fail = (next: Errors, message?: { text: Localized; requestId?: string | undefined }) => {
    setErrors(next);
    setGeneral(message);
    setShowSummary(true);
    setFocusSummary((n) => n + 1);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const found = validate(state, title);
    if (Object.keys(found).length > 0) return fail(found);
    const target: CampaignTarget =
      state.targetKind === 'all'
        ? { kind: 'all' }
        : state.targetKind === 'facility_kinds'
          ? { kind: 'facility_kinds', kinds: FACILITY_KINDS.filter((k) => state.kinds.includes(k)) }
          : state.targetKind === 'health_centers'
            ? { kind: 'health_centers', ids: state.healthCenters }
            : { kind: 'facilities', ids: state.facilityIds };
    const body: CreateCampaignInput = {
      templateId: state.templateId,
      title: { ja: title.trim(), ...(titleEn.trim() ? { en: titleEn.trim() } : {}) },
      fiscalYear: state.fiscalYear,
      opensOn: state.opensOn,
      deadline: state.deadline,
      roundDeadlines: { ...(state.deadline2 ? { '2': state.deadline2 } : {}), ...(state.deadline3 ? { '3': state.deadline3 } : {}) },
      target,
    };
    setBusy(true);
    setShowSummary(false);
    setGeneral(undefined);
    try {
      const created = await createCampaign(body);
      // The server writes the facilities' responses in the background: follow it, then open the survey.
      setCreating(created.campaign);
    } catch (err) {
      setBusy(false);
      if (!(err instanceof ApiError)) return fail({}, { text: M.unexpected });
      if (err.status === 401) return;
      const placed: Errors = {};
      let unplaced = false;
      for (const f of err.fields) {
        const key = fieldOfServer(f.field);
        if (key) placed[key] ??= f.message;
        else unplaced = true;
      }
      if (err.code === 'NOT_FOUND' && err.fields.length === 0) placed.templateId = err.text;
      const nothingPlaced = Object.keys(placed).length === 0;
      fail(placed, nothingPlaced || unplaced ? { text: err.text, requestId: err.requestId } : undefined);
    }
  };

  const listed = FIELD_ORDER.filter((k) => errors[k]);
  const labels: Record<FieldKey, Localized> = {
    templateId: M.fieldTemplate,
    title: M.fieldTitle,
    titleEn: M.fieldTitleEn,
    fiscalYear: M.fieldFiscalYear,
    opensOn: M.fieldOpensOn,
    deadline: M.fieldDeadline,
    deadline2: M.fieldDeadline2,
    deadline3: M.fieldDeadline3,
    target: M.fieldTarget,
  };
  const focusField = (key: FieldKey) => {
    const el = document.getElementById(FIELD_ID[key]);
    const control = key === 'target' ? el?.querySelector<HTMLElement>('.sub-choices input, input:checked') : el;
    control?.focus();
  };

  if (choices.length === 0) {
    return (
      <Alert tone="warning" live={false}>
        <p>
          {t(M.noFacilityTemplates)} <Link to={paths.templates()}>{t(M.navTemplates)}</Link>
        </p>
      </Alert>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="campaign-form">
      {showSummary && (listed.length > 0 || general) ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="campaign-form-errors">
          <p className="alert-title">{general && listed.length === 0 ? t(M.createFailed) : t(M.errorSummaryTitle)}</p>
          {general ? <p>{t(general.text)}</p> : null}
          {listed.length > 0 ? (
            <ul className="problem-list">
              {listed.map((k) => (
                <li key={k}>
                  <a
                    href={`#${FIELD_ID[k]}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusField(k);
                    }}
                  >
                    {t(labels[k])}: {t(errors[k] as Localized)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {general?.requestId ? (
            <p className="muted small-text">
              {t(M.requestId)}: <code>{general.requestId}</code>
            </p>
          ) : null}
        </div>
      ) : null}

      <SelectField
        id={FIELD_ID.templateId}
        label={t(M.fieldTemplate)}
        error={errors.templateId}
        value={state.templateId}
        onChange={chooseTemplate}
        hint={
          template ? (
            <>
              <p className="hint-line">
                {t(template.title)}（{t(M.templateChoiceFacts(formatFiscalYear(template.fiscalYear, lang), template.itemCount))}）{' '}
                <Link to={paths.template(template.id)}>{t(M.uploadDoneLink)}</Link>
              </p>
              {template.form === 'vendor' ? (
                <p className="hint-line" data-testid="vendor-form-hint">
                  {t(V.vendorTargetHint)}
                </p>
              ) : null}
              {template.previousId ? (
                <p className="hint-line carry-hint" data-testid="carry-hint">
                  {t(M.carryHint(previous ? t(previous.label) : template.previousId))}
                </p>
              ) : null}
            </>
          ) : undefined
        }
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {t(M.templateOption(t(c.label), c.id))}
            {c.form === 'vendor' ? ` ・ ${t(V.formVendor)}` : c.form === 'bcp' ? ` ・ ${t(BM.formLabel)}` : ''}
            {c.unverifiedCount > 0 ? ` ・ ${t(M.unverifiedBadge(c.unverifiedCount))}` : ''}
          </option>
        ))}
      </SelectField>

      <TextField
        id={FIELD_ID.title}
        label={t(M.fieldTitle)}
        type="text"
        value={title}
        maxLength={200}
        required
        hint={t(M.fieldTitleHint)}
        error={errors.title ? t(errors.title) : undefined}
        onChange={(e) => update({ title: e.target.value }, ['title'])}
      />
      <TextField
        id={FIELD_ID.titleEn}
        label={t(M.fieldTitleEn)}
        type="text"
        lang="en"
        value={titleEn}
        maxLength={200}
        error={errors.titleEn ? t(errors.titleEn) : undefined}
        onChange={(e) => update({ titleEn: e.target.value }, ['titleEn'])}
      />

      <SelectField
        id={FIELD_ID.fiscalYear}
        label={t(M.fieldFiscalYear)}
        error={errors.fiscalYear}
        value={String(state.fiscalYear)}
        onChange={(v) => update({ fiscalYear: Number(v) }, ['fiscalYear'])}
        hint={t(M.fieldFiscalYearHint)}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {formatFiscalYear(y, lang)}
            {lang === 'ja' ? `（${y}年度）` : ''}
          </option>
        ))}
      </SelectField>

      <div className="date-pair">
        <DateInput
          id={FIELD_ID.opensOn}
          label={t(M.fieldOpensOn)}
          required
          value={state.opensOn}
          error={errors.opensOn ? t(errors.opensOn) : undefined}
          onChange={(value) => update({ opensOn: value }, ['opensOn', 'deadline'])}
        />
        <DateInput
          id={FIELD_ID.deadline}
          label={t(M.fieldDeadline)}
          required
          min={state.opensOn || undefined}
          value={state.deadline}
          hint={t(M.fieldDeadlineHint)}
          error={errors.deadline ? t(errors.deadline) : undefined}
          onChange={(value) => update({ deadline: value }, ['deadline', 'deadline2'])}
        />
      </div>
      <fieldset className="target-fieldset round-deadlines">
        <legend>{t(M.roundDeadlinesLegend)}</legend>
        <p className="hint">{t(M.roundDeadlinesHint)}</p>
        <div className="date-pair">
          <DateInput
            id={FIELD_ID.deadline2}
            label={t(M.fieldDeadline2)}
            min={state.deadline || undefined}
            value={state.deadline2}
            error={errors.deadline2 ? t(errors.deadline2) : undefined}
            onChange={(value) => update({ deadline2: value }, ['deadline2', 'deadline3'])}
          />
          <DateInput
            id={FIELD_ID.deadline3}
            label={t(M.fieldDeadline3)}
            min={state.deadline2 || undefined}
            disabled={!state.deadline2 && !state.deadline3}
            value={state.deadline3}
            hint={t(M.fieldDeadline3Hint)}
            error={errors.deadline3 ? t(errors.deadline3) : undefined}
            onChange={(value) => update({ deadline3: value }, ['deadline3'])}
          />
        </div>
      </fieldset>

      <fieldset id={FIELD_ID.target} className="target-fieldset" aria-describedby={errors.target ? `${FIELD_ID.target}-error` : undefined}>
        <legend>{t(M.fieldTarget)}</legend>
        {(
          [
            ['all', M.targetAll],
            ['facility_kinds', M.targetKinds],
            ['health_centers', M.targetHealthCenters],
            ['facilities', M.targetFacilities],
          ] as const
        ).map(([kind, text]) => (
          <div key={kind} className="target-option">
            <label className="choice-line">
              <input type="radio" name="nc-target" value={kind} checked={state.targetKind === kind} onChange={() => update({ targetKind: kind }, ['target'])} />
              <span>{t(text)}</span>
            </label>
            {kind === 'facility_kinds' && state.targetKind === 'facility_kinds' ? (
              <fieldset className="sub-choices">
                <legend>{t(M.targetKindsLegend)}</legend>
                {FACILITY_KINDS.map((k) => (
                  <label key={k} className="choice-line">
                    <input
                      type="checkbox"
                      checked={state.kinds.includes(k)}
                      onChange={(e) => update({ kinds: toggle(state.kinds, k, e.target.checked) }, ['target'])}
                    />
                    <span>
                      {t(FACILITY_KIND_LABELS[k])}
                      {facilityCounts.data ? <span className="muted">（{t(M.facilityCountShort(facilityCounts.data.byKind[k] ?? 0))}）</span> : null}
                    </span>
                  </label>
                ))}
              </fieldset>
            ) : null}
            {kind === 'health_centers' && state.targetKind === 'health_centers' ? (
              <fieldset className="sub-choices">
                <legend>{t(M.targetHcLegend)}</legend>
                {healthCenterList.state === 'loading' ? <Loading /> : null}
                {healthCenterList.state === 'error' ? <LoadError error={healthCenterList.error} /> : null}
                {healthCenterList.state === 'error' ? <p className="hint">{t(M.facilitiesLoadFailed)}</p> : null}
                {healthCenters.map((hc) => (
                  <label key={hc.id} className="choice-line">
                    <input
                      type="checkbox"
                      checked={state.healthCenters.includes(hc.id)}
                      onChange={(e) => update({ healthCenters: toggle(state.healthCenters, hc.id, e.target.checked) }, ['target'])}
                    />
                    <span>
                      {hc.name}{' '}
                      <span className="muted">
                        （{hc.medicalAreaName}
                        {facilityCounts.data ? ` ・ ${t(M.facilityCountShort(facilityCounts.data.byHealthCenter[hc.id] ?? 0))}` : ''}）
                      </span>
                    </span>
                  </label>
                ))}
              </fieldset>
            ) : null}
            {kind === 'facilities' && state.targetKind === 'facilities' ? (
              <fieldset className="sub-choices">
                <legend>{t(M.targetFacilitiesLegend)}</legend>
                <div className="field">
                  <label htmlFor="nc-facility-search">{t(M.targetFacilitySearch)}</label>
                  <input
                    id="nc-facility-search"
                    type="search"
                    value={facilityQuery}
                    autoComplete="off"
                    aria-describedby="nc-facility-search-hint"
                    onChange={(e) => setFacilityQuery(e.target.value)}
                  />
                  <p id="nc-facility-search-hint" className="hint" aria-live="polite">
                    {!facilityNeedle
                      ? t(M.facilityPickerHint)
                      : facilitySearch.isFetching
                        ? t(M.loadingMore)
                        : found.length === 0
                          ? t(M.facilityPickerNone)
                          : found.length > 50
                            ? t(M.facilityPickerMore)
                            : null}
                  </p>
                </div>
                {facilityMatches.map((f) => (
                  <label key={f.id} className="choice-line">
                    <input
                      type="checkbox"
                      checked={state.facilityIds.includes(f.id)}
                      onChange={(e) => {
                        if (e.target.checked) setChosenFacilities((m) => new Map(m).set(f.id, f));
                        update({ facilityIds: toggle(state.facilityIds, f.id, e.target.checked) }, ['target']);
                      }}
                    />
                    <span>
                      {f.name} <span className="muted">（{f.healthCenterName}）</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            ) : null}
          </div>
        ))}
        <FieldError id={FIELD_ID.target} error={errors.target} />
        {estimate !== undefined ? (
          <p className="estimate" aria-live="polite">
            {t(template?.form === 'vendor' ? V.vendorEstimate(estimate) : M.targetEstimate(estimate))}
          </p>
        ) : null}
      </fieldset>

      {creating ? (
        <CampaignCreationProgress
          campaign={creating}
          onDone={(done) => {
            if (done.form === 'vendor') {
              setFlash(createdFlashKey(done.id), V.vendorCreated(done.creation?.total ?? 0));
              navigate(paths.vendorProgress(done.id));
              return;
            }
            setFlash(createdFlashKey(done.id), M.createdFlash(done.creation?.total ?? 0, done.creation?.carriedForward ?? 0));
            navigate(paths.progress(done.id));
          }}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t(M.creating) : t(M.createButton)}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} disabled={busy && !creating}>
          {t(M.cancel)}
        </button>
      </div>
    </form>
  );
}

/** The prefecture distributes a checklist version: 様式, タイトル, 対象年度, 開始日, 回答期限 and 対象. */
export function NewCampaignForm({ onCancel }: { onCancel(): void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [templates, reload] = asLoaded(useApiQuery('templates.list'));
  useEffect(() => heading.current?.focus(), []);
  return (
    <section id="new-campaign" className="card new-campaign" aria-labelledby="new-campaign-heading">
      <h2 id="new-campaign-heading" ref={heading} tabIndex={-1}>
        {t(M.newCampaignTitle)}
      </h2>
      <p className="muted">{t(M.newCampaignLead)}</p>
      {templates.state === 'loading' ? <Loading /> : null}
      {templates.state === 'error' ? <LoadError error={templates.error} onRetry={reload} /> : null}
      {templates.state === 'ok' ? <Form templates={templates.data.items} onCancel={onCancel} /> : null}
    </section>
  );
}
