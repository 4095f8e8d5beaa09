import {
  FINDINGS_MAX,
  type Facility,
  INSPECTION_RESULT_LABELS,
  INSPECTION_RESULTS,
  INSPECTION_STATUS_LABELS,
  INSPECTION_STATUSES,
  type Inspection,
  type InspectionResult,
  type InspectionStatus,
} from '@mcr/contract';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/feedback.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { todayInJapan } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { createInspection, updateInspection } from './api.ts';
import { IM } from './messages.ts';

type Field = 'facility' | 'date' | 'status' | 'result' | 'findings' | 'followUpDue';

export interface InspectionFormProps {
  /** The inspection being edited; undefined to add one. */
  editing: Inspection | undefined;
  /** For a new inspection: the facilities to choose from (or one fixed facility). */
  facilities: Pick<Facility, 'id' | 'name'>[];
  defaultDate?: string;
  onSaved(inspection: Inspection): void;
  onClose(): void;
}

/**
 * Plans or records one 立入検査, in a modal dialog: the focus goes to the first field and comes back to the opener
 * when the dialog closes. Field errors from the server (`body.followUpDue` …) are shown next to their fields.
 */
export function InspectionForm({ editing, facilities, defaultDate, onSaved, onClose }: InspectionFormProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const [facilityId, setFacilityId] = useState(editing?.facilityId ?? (facilities.length === 1 ? (facilities[0]?.id ?? '') : ''));
  const [date, setDate] = useState(editing?.date ?? defaultDate ?? '');
  const [status, setStatus] = useState<InspectionStatus>(editing?.status ?? 'planned');
  const [result, setResult] = useState<InspectionResult | null>(editing?.result ?? null);
  const [findings, setFindings] = useState(editing?.findings ?? '');
  const [followUpDue, setFollowUpDue] = useState(editing?.followUpDue ?? '');
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

  const focusField = (f: Field) => {
    const el = dialog.current?.querySelector<HTMLElement>(`[data-field="${f}"] input, [data-field="${f}"] select, [data-field="${f}"] textarea`);
    el?.focus();
  };

  const check = (): Partial<Record<Field, Localized>> => {
    const next: Partial<Record<Field, Localized>> = {};
    if (!editing && !facilityId) next.facility = IM.errFacility;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) next.date = IM.errDate;
    else if (status === 'done' && date > todayInJapan()) next.date = IM.errDoneFuture;
    if (status === 'done' && !result) next.result = IM.errResult;
    if (followUpDue && date && followUpDue < date) next.followUpDue = IM.errFollowUp;
    if (findings.length > FINDINGS_MAX) next.findings = IM.errFindings(FINDINGS_MAX);
    return next;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(undefined);
    const next = check();
    setErrors(next);
    const first = (['facility', 'date', 'status', 'result', 'findings', 'followUpDue'] as const).find((f) => next[f]);
    if (first) {
      focusField(first);
      return;
    }
    const body = {
      date,
      status,
      result: status === 'done' ? result : null,
      findings,
      followUpDue: followUpDue || null,
    };
    setBusy(true);
    try {
      const saved = editing
        ? await updateInspection(editing.facilityId, editing.id, { ...body, expectedVersion: editing.version })
        : await createInspection(facilityId, body);
      dialog.current?.close();
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError) {
        const fromServer: Partial<Record<Field, Localized>> = {};
        for (const f of err.fields) {
          const name = f.field.replace(/^body\./, '').split(/[.[]/)[0] as Field;
          if (['date', 'status', 'result', 'findings', 'followUpDue'].includes(name)) fromServer[name] = f.message;
        }
        setErrors(fromServer);
        setFailure({ text: err.code === 'VERSION_CONFLICT' ? IM.conflict : err.text, requestId: err.requestId });
        const firstServer = Object.keys(fromServer)[0] as Field | undefined;
        if (firstServer) focusField(firstServer);
      } else {
        setFailure({ text: M.unexpected });
      }
    } finally {
      setBusy(false);
    }
  };

  const title = editing ? t(IM.formEdit(editing.facilityName)) : t(IM.formNew);
  const err = (f: Field) => (errors[f] ? t(errors[f] as Localized) : undefined);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog inspection-dialog"
      aria-labelledby="inspection-form-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) close();
      }}
      onClose={() => {
        const back = opener.current;
        if (back instanceof HTMLElement && back.isConnected) back.focus();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="inspection-form">
        <h2 id="inspection-form-title">{title}</h2>
        {failure ? (
          <Alert tone="error" title={t(IM.saveFailed)}>
            <p>{t(failure.text)}</p>
            {failure.requestId ? (
              <p className="muted small-text">
                {t(M.requestId)}: <code>{failure.requestId}</code>
              </p>
            ) : null}
          </Alert>
        ) : null}
        {editing ? null : (
          <div data-field="facility">
            <SelectField
              id="inspection-facility"
              label={t(IM.fieldFacility)}
              value={facilityId}
              hint={t(IM.fieldFacilityHint)}
              error={err('facility')}
              disabled={facilities.length === 1}
              onChange={(v) => {
                setFacilityId(v);
                setErrors((x) => ({ ...x, facility: undefined }));
              }}
            >
              {facilities.length === 1 ? null : <option value="">{t(M.choose)}</option>}
              {facilities.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </SelectField>
          </div>
        )}
        <div data-field="date">
          <DateInput
            id="inspection-date"
            label={t(IM.fieldDate)}
            value={date}
            required
            error={err('date')}
            onChange={(value) => {
              setDate(value);
              setErrors((x) => ({ ...x, date: undefined }));
            }}
          />
        </div>
        <fieldset className="target-fieldset" data-field="status">
          <legend>{t(IM.fieldStatus)}</legend>
          <div className="choice-row">
            {INSPECTION_STATUSES.map((s) => (
              <label key={s} className="choice-line">
                <input
                  type="radio"
                  name="inspection-status"
                  value={s}
                  checked={status === s}
                  onChange={() => {
                    setStatus(s);
                    setErrors((x) => ({ ...x, result: undefined, date: undefined }));
                  }}
                />
                <span>{t(INSPECTION_STATUS_LABELS[s])}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {status === 'done' ? (
          <fieldset
            className="target-fieldset"
            data-field="result"
            aria-describedby={`inspection-result-hint${errors.result ? ' inspection-result-error' : ''}`}
          >
            <legend>{t(IM.fieldResult)}</legend>
            <p id="inspection-result-hint" className="hint">
              {t(IM.fieldResultHint)}
            </p>
            <div className="choice-row">
              {INSPECTION_RESULTS.map((r) => (
                <label key={r} className="choice-line">
                  <input
                    type="radio"
                    name="inspection-result"
                    value={r}
                    checked={result === r}
                    onChange={() => {
                      setResult(r);
                      setErrors((x) => ({ ...x, result: undefined }));
                    }}
                  />
                  <span>{t(INSPECTION_RESULT_LABELS[r])}</span>
                </label>
              ))}
            </div>
            {errors.result ? (
              <p id="inspection-result-error" className="field-error">
                {err('result')}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <div className="field" data-field="findings">
          <label htmlFor="inspection-findings">{t(IM.fieldFindings)}</label>
          <textarea
            id="inspection-findings"
            rows={4}
            value={findings}
            aria-invalid={errors.findings ? true : undefined}
            aria-describedby={`inspection-findings-hint${errors.findings ? ' inspection-findings-error' : ''}`}
            onChange={(e) => {
              setFindings(e.target.value);
              setErrors((x) => ({ ...x, findings: undefined }));
            }}
          />
          <p id="inspection-findings-hint" className="hint">
            {t(IM.fieldFindingsHint(FINDINGS_MAX))} ({findings.length} / {FINDINGS_MAX})
          </p>
          {errors.findings ? (
            <p id="inspection-findings-error" className="field-error">
              {err('findings')}
            </p>
          ) : null}
        </div>
        <div data-field="followUpDue">
          <DateInput
            id="inspection-follow-up"
            label={t(IM.fieldFollowUp)}
            hint={t(IM.fieldFollowUpHint)}
            value={followUpDue}
            min={date || undefined}
            error={err('followUpDue')}
            onChange={(value) => {
              setFollowUpDue(value);
              setErrors((x) => ({ ...x, followUpDue: undefined }));
            }}
          />
        </div>
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t(IM.saving) : t(IM.save)}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={close}>
            {t(IM.cancel)}
          </button>
        </div>
      </form>
    </dialog>
  );
}
