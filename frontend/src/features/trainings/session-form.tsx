import {
  FACILITY_KIND_LABELS,
  FACILITY_KINDS,
  ROLE_LABELS,
  routes,
  TRAINING_AUDIENCE_ROLES,
  TRAINING_KIND_LABELS,
  TRAINING_KINDS,
  TRAINING_SIZE_BANDS,
  type TrainingAudience,
  type TrainingKind,
  type TrainingSession,
} from '@mcr/contract';
import { SIZE_BAND_LABELS } from '@mcr/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { TM } from './messages.ts';
import { isoToLocal, localToIso } from './time.ts';

type Field = 'kind' | 'title' | 'description' | 'url' | 'place' | 'startsAt' | 'endsAt' | 'capacity' | 'registrationDeadline';
const FIELDS: Field[] = ['kind', 'title', 'description', 'url', 'place', 'startsAt', 'endsAt', 'capacity', 'registrationDeadline'];
const FIELD_ID: Record<Field, string> = {
  kind: 'training-kind',
  title: 'training-title',
  description: 'training-description',
  url: 'training-url',
  place: 'training-place',
  startsAt: 'training-starts',
  endsAt: 'training-ends',
  capacity: 'training-capacity',
  registrationDeadline: 'training-deadline',
};
const LABEL: Record<Field, Localized> = {
  kind: TM.fieldKind,
  title: TM.fieldTitle,
  description: TM.fieldDescription,
  url: TM.fieldUrl,
  place: TM.fieldPlace,
  startsAt: TM.fieldStartsAt,
  endsAt: TM.fieldEndsAt,
  capacity: TM.fieldCapacity,
  registrationDeadline: TM.fieldDeadline,
};

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
}

/**
 * Schedules or edits one session, in a modal dialog: an error summary on top (links to each field), errors next
 * to their fields, the server's field errors (`body.url` …) mapped the same way. Times are Japan time.
 */
export function SessionForm({ editing, onSaved, onClose }: { editing?: TrainingSession | undefined; onSaved(s: TrainingSession): void; onClose(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  const [kind, setKind] = useState<TrainingKind | ''>(editing?.kind ?? '');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [mode, setMode] = useState<'online' | 'onsite'>(editing?.mode ?? 'online');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [place, setPlace] = useState(editing?.place ?? '');
  const [startsAt, setStartsAt] = useState(editing ? isoToLocal(editing.startsAt) : '');
  const [endsAt, setEndsAt] = useState(editing ? isoToLocal(editing.endsAt) : '');
  const [capacity, setCapacity] = useState(editing ? String(editing.capacity) : '');
  const [deadline, setDeadline] = useState(editing ? isoToLocal(editing.registrationDeadline) : '');
  const [audience, setAudience] = useState<TrainingAudience>(editing?.audience ?? { facilityKinds: [], sizeBands: [], roles: [] });
  const [errors, setErrors] = useState<Partial<Record<Field, Localized>>>({});
  const [failure, setFailure] = useState<{ text: Localized; requestId?: string | undefined } | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d || d.open) return;
    opener.current = document.activeElement;
    d.showModal();
    d.querySelector<HTMLElement>('select, input')?.focus();
  }, []);

  const close = () => {
    dialog.current?.close();
    onClose();
  };
  const focusField = (f: Field) => document.getElementById(FIELD_ID[f])?.focus();
  const clear = (f: Field) => setErrors((x) => ({ ...x, [f]: undefined }));

  const check = (): Partial<Record<Field, Localized>> => {
    const next: Partial<Record<Field, Localized>> = {};
    if (!kind) next.kind = TM.errRequired;
    if (!title.trim()) next.title = TM.errRequired;
    if (mode === 'online' && !/^https?:\/\/\S+$/.test(url.trim())) next.url = TM.errUrl;
    if (mode === 'onsite' && !place.trim()) next.place = TM.errRequired;
    const s = localToIso(startsAt);
    const e = localToIso(endsAt);
    const d = localToIso(deadline);
    if (!s) next.startsAt = TM.errDateTime;
    if (!e) next.endsAt = TM.errDateTime;
    else if (s && Date.parse(e) <= Date.parse(s)) next.endsAt = TM.errEndsBefore;
    if (!d) next.registrationDeadline = TM.errDateTime;
    else if (s && Date.parse(d) > Date.parse(s)) next.registrationDeadline = TM.errDeadlineAfter;
    if (!/^\d+$/.test(capacity) || Number(capacity) < 1) next.capacity = TM.errCapacity;
    return next;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFailure(undefined);
    const next = check();
    setErrors(next);
    if (FIELDS.some((f) => next[f])) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const body = {
      kind: kind as TrainingKind,
      title: title.trim(),
      description: description.trim(),
      mode,
      ...(mode === 'online' ? { url: url.trim() } : { place: place.trim() }),
      startsAt: localToIso(startsAt) as string,
      endsAt: localToIso(endsAt) as string,
      capacity: Number(capacity),
      registrationDeadline: localToIso(deadline) as string,
      audience,
    };
    setBusy(true);
    try {
      const saved = editing
        ? await callRoute(routes['trainings.update'], { params: { sessionId: editing.sessionId }, body: { ...body, expectedVersion: editing.version } })
        : await callRoute(routes['trainings.create'], { body });
      dialog.current?.close();
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError) {
        const fromServer: Partial<Record<Field, Localized>> = {};
        for (const f of err.fields) {
          const name = f.field.replace(/^body\./, '').split(/[.[]/)[0] as Field;
          if (FIELDS.includes(name)) fromServer[name] = f.message;
        }
        setErrors(fromServer);
        setFailure(Object.keys(fromServer).length ? undefined : { text: err.code === 'VERSION_CONFLICT' ? TM.conflict : err.text, requestId: err.requestId });
      } else {
        setFailure({ text: M.unexpected });
      }
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const err = (f: Field) => (errors[f] ? t(errors[f] as Localized) : undefined);
  const listed = FIELDS.filter((f) => errors[f]);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog training-dialog"
      aria-labelledby="training-form-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) close();
      }}
      onClose={() => {
        const back = opener.current;
        if (back instanceof HTMLElement && back.isConnected) back.focus();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="training-form">
        <h2 id="training-form-title">{editing ? t(TM.formEdit(editing.title)) : t(TM.formNew)}</h2>
        {listed.length > 0 || failure ? (
          <div className="alert alert-error" role="alert" tabIndex={-1} ref={summary} data-testid="training-form-errors">
            <p className="alert-title">{listed.length > 0 ? t(TM.errorSummary) : t(TM.saveFailed)}</p>
            {failure ? <p>{t(failure.text)}</p> : null}
            {listed.length > 0 ? (
              <ul className="problem-list">
                {listed.map((f) => (
                  <li key={f}>
                    <a
                      href={`#${FIELD_ID[f]}`}
                      onClick={(e) => {
                        e.preventDefault();
                        focusField(f);
                      }}
                    >
                      {t(LABEL[f])}: {err(f)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {failure?.requestId ? (
              <p className="muted small-text">
                {t(M.requestId)}: <code>{failure.requestId}</code>
              </p>
            ) : null}
          </div>
        ) : null}
        <SelectField
          id={FIELD_ID.kind}
          label={t(TM.fieldKind)}
          value={kind}
          required
          error={err('kind')}
          onChange={(v) => {
            setKind(v as TrainingKind);
            clear('kind');
          }}
        >
          <option value="">{t(M.choose)}</option>
          {TRAINING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(TRAINING_KIND_LABELS[k])}
            </option>
          ))}
        </SelectField>
        <TextField
          id={FIELD_ID.title}
          label={t(TM.fieldTitle)}
          value={title}
          required
          maxLength={200}
          error={err('title')}
          onChange={(e) => {
            setTitle(e.target.value);
            clear('title');
          }}
        />
        <div className="field">
          <label htmlFor={FIELD_ID.description}>{t(TM.fieldDescription)}</label>
          <textarea
            id={FIELD_ID.description}
            rows={3}
            value={description}
            maxLength={4000}
            aria-describedby={`${FIELD_ID.description}-hint`}
            onChange={(e) => setDescription(e.target.value)}
          />
          <p id={`${FIELD_ID.description}-hint`} className="hint">
            {t(TM.fieldDescriptionHint)}
          </p>
        </div>
        <fieldset className="target-fieldset">
          <legend>{t(TM.fieldMode)}</legend>
          <div className="choice-row">
            {(['online', 'onsite'] as const).map((m) => (
              <label key={m} className="choice-line">
                <input type="radio" name="training-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                <span>{t(TM.mode[m])}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {mode === 'online' ? (
          <TextField
            id={FIELD_ID.url}
            type="url"
            label={t(TM.fieldUrl)}
            hint={t(TM.fieldUrlHint)}
            value={url}
            required
            error={err('url')}
            onChange={(e) => {
              setUrl(e.target.value);
              clear('url');
            }}
          />
        ) : (
          <TextField
            id={FIELD_ID.place}
            label={t(TM.fieldPlace)}
            value={place}
            required
            maxLength={500}
            error={err('place')}
            onChange={(e) => {
              setPlace(e.target.value);
              clear('place');
            }}
          />
        )}
        <div className="training-form-row">
          <DateInput
            withTime
            id={FIELD_ID.startsAt}
            label={t(TM.fieldStartsAt)}
            hint={t(TM.fieldTimeHint)}
            value={startsAt}
            required
            error={err('startsAt')}
            onChange={(value) => {
              setStartsAt(value);
              clear('startsAt');
            }}
          />
          <DateInput
            withTime
            id={FIELD_ID.endsAt}
            label={t(TM.fieldEndsAt)}
            hint={t(TM.fieldTimeHint)}
            value={endsAt}
            min={startsAt || undefined}
            required
            error={err('endsAt')}
            onChange={(value) => {
              setEndsAt(value);
              clear('endsAt');
            }}
          />
        </div>
        <div className="training-form-row">
          <TextField
            id={FIELD_ID.capacity}
            type="number"
            inputMode="numeric"
            min={1}
            max={10000}
            label={t(TM.fieldCapacity)}
            hint={t(TM.fieldCapacityHint)}
            value={capacity}
            required
            error={err('capacity')}
            onChange={(e) => {
              setCapacity(e.target.value);
              clear('capacity');
            }}
          />
          <DateInput
            withTime
            id={FIELD_ID.registrationDeadline}
            label={t(TM.fieldDeadline)}
            hint={t(TM.fieldTimeHint)}
            value={deadline}
            max={startsAt || undefined}
            required
            error={err('registrationDeadline')}
            onChange={(value) => {
              setDeadline(value);
              clear('registrationDeadline');
            }}
          />
        </div>
        <fieldset className="target-fieldset" aria-describedby="training-audience-hint">
          <legend>{t(TM.fieldAudience)}</legend>
          <p id="training-audience-hint" className="hint">
            {t(TM.fieldAudienceHint)}
          </p>
          <fieldset className="training-audience-group">
            <legend>{t(TM.fieldFacilityKinds)}</legend>
            <div className="choice-row">
              {FACILITY_KINDS.map((k) => (
                <label key={k} className="choice-line">
                  <input
                    type="checkbox"
                    checked={audience.facilityKinds.includes(k)}
                    onChange={(e) => setAudience((a) => ({ ...a, facilityKinds: toggle(a.facilityKinds, k, e.target.checked) }))}
                  />
                  <span>{t(FACILITY_KIND_LABELS[k])}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="training-audience-group">
            <legend>{t(TM.fieldSizeBands)}</legend>
            <div className="choice-row">
              {TRAINING_SIZE_BANDS.map((b) => (
                <label key={b} className="choice-line">
                  <input
                    type="checkbox"
                    checked={audience.sizeBands.includes(b)}
                    onChange={(e) => setAudience((a) => ({ ...a, sizeBands: toggle(a.sizeBands, b, e.target.checked) }))}
                  />
                  <span>{t(SIZE_BAND_LABELS[b])}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="training-audience-group">
            <legend>{t(TM.fieldRoles)}</legend>
            <div className="choice-row">
              {TRAINING_AUDIENCE_ROLES.map((r) => (
                <label key={r} className="choice-line">
                  <input
                    type="checkbox"
                    checked={audience.roles.includes(r)}
                    onChange={(e) => setAudience((a) => ({ ...a, roles: toggle(a.roles, r, e.target.checked) }))}
                  />
                  <span>{t(ROLE_LABELS[r])}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </fieldset>
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t(TM.saving) : t(TM.save)}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={close}>
            {t(TM.cancel)}
          </button>
        </div>
      </form>
    </dialog>
  );
}
