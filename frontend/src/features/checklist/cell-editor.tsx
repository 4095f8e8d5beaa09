import { type DeviceClass, fiscalYearRange, type Item } from '@mcr/domain';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { EMPTY_DRAFT, type FieldMessages, type Round, type RoundDraft } from './draft.ts';

export type CellMode = 'edit' | 'not-applicable' | 'waiting-previous' | 'read-only';

interface Props {
  item: Item;
  deviceClass: DeviceClass;
  round: Round;
  draft: RoundDraft;
  /** The round before this one, shown for reference from round 2 on. */
  previous: RoundDraft | undefined;
  errors: FieldMessages | undefined;
  mode: CellMode;
  reference: boolean;
  fiscalYear: number;
  today: string;
  onEdit(next: RoundDraft): void;
  /** Shown under the cell, outside its (possibly disabled) fieldset: the cell's evidence files. */
  extra?: ReactNode;
}

function ValueText({ draft }: { draft: RoundDraft }) {
  const { t, lang } = useI18n();
  if (!draft.value) return <span className="muted">—</span>;
  return (
    <>
      <span className={`answer-${draft.value}`}>{t(draft.value === 'yes' ? M.yes : M.no)}</span>
      {draft.checkedOn ? `（${formatDate(draft.checkedOn, lang)}）` : null}
    </>
  );
}

export function CarriedBadge() {
  const { t } = useI18n();
  return <span className="badge carried-badge">{t(M.carriedBadge)}</span>;
}

function ReadOnlyCell({ draft, gate }: { draft: RoundDraft; gate: boolean }) {
  const { t, lang } = useI18n();
  return (
    <>
      {draft.carriedForward ? (
        <p className="carried-read-only">
          <CarriedBadge />
        </p>
      ) : null}
      <dl className="kv compact">
        <dt>{t(M.answerLabel)}</dt>
        <dd>{draft.value ? t(draft.value === 'yes' ? M.yes : M.no) : '—'}</dd>
        <dt>{t(M.checkedOn)}</dt>
        <dd>{draft.checkedOn ? formatDate(draft.checkedOn, lang) : '—'}</dd>
        {draft.value === 'no' && !gate ? (
          <>
            <dt>{t(M.targetDate)}</dt>
            <dd>{draft.targetDate ? formatDate(draft.targetDate, lang) : '—'}</dd>
          </>
        ) : null}
        {draft.note ? (
          <>
            <dt>{t(M.note)}</dt>
            <dd className="note-text">{draft.note}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

/** One device class of one item in one round: はい/いいえ, 確認日, 目標日 for いいえ, a note. */
export function CellEditor({ item, deviceClass, round, draft, previous, errors, mode, reference, fiscalYear, today, onEdit, extra }: Props) {
  const { t, lang } = useI18n();
  const gate = item.gate !== undefined;
  const base = `c-${item.id}-${deviceClass}-r${round}`;
  const legendId = `${base}-legend`;
  const msg = (text: Localized | undefined) => (text ? t(text) : undefined);
  const fy = fiscalYearRange(fiscalYear);
  const disabled = mode !== 'edit';

  const targetRef = useRef<HTMLInputElement>(null);
  const [focusTarget, setFocusTarget] = useState(false);
  useEffect(() => {
    if (!focusTarget) return;
    setFocusTarget(false);
    targetRef.current?.focus();
  }, [focusTarget]);

  const change = (patch: Partial<RoundDraft>) => {
    // Editing a carried-over answer is confirming it for this year: it is checked today unless a date is typed.
    const confirmed = draft.carriedForward ? { checkedOn: today } : {};
    onEdit({ ...draft, ...confirmed, ...patch, carriedForward: false });
  };
  const choose = (value: 'yes' | 'no') => change({ value, ...(draft.carriedForward ? {} : { checkedOn: draft.checkedOn || today }) });
  /** 「この回答を確認」: the same answer, checked today, without the flag; a いいえ also needs this year's 目標日. */
  const confirmCarried = () => {
    change({ checkedOn: today });
    if (draft.value === 'no' && !gate) setFocusTarget(true);
  };
  const showTarget = draft.value === 'no' && !gate;
  const valueError = msg(errors?.value ?? errors?.answer);

  return (
    <div
      className={`cell mode-${mode}${draft.carriedForward ? ' is-carried' : ''}`}
      id={`cell-${item.id}-${deviceClass}`}
      data-testid={`cell-${item.id}-${deviceClass}`}
    >
      <fieldset disabled={disabled} aria-describedby={valueError ? `${base}-value-error` : undefined}>
        <legend id={legendId}>
          <span className="cell-name">{t(M.deviceClass[deviceClass])}</span>
          {reference && !item.reference ? <span className="badge reference">{t(M.referenceCell)}</span> : null}
        </legend>

        {previous?.value && round > 1 ? (
          <p className="previous-round">
            {t(M.previousRoundWas(round - 1))}: <ValueText draft={previous} />
          </p>
        ) : null}
        {mode === 'waiting-previous' ? <p className="hint">{t(M.previousRoundFirst(round - 1))}</p> : null}

        {mode === 'read-only' ? (
          <ReadOnlyCell draft={draft} gate={gate} />
        ) : (
          <>
            {draft.carriedForward ? (
              <div className="carried">
                <p>
                  <CarriedBadge />
                </p>
                {mode === 'edit' ? (
                  <>
                    <p>{t(M.carriedForward)}</p>
                    {draft.value === 'no' && !gate ? <p>{t(M.carriedForwardNo)}</p> : null}
                    <button type="button" className="button small primary" data-focus-first onClick={confirmCarried}>
                      {t(M.confirmCarried)}
                    </button>
                  </>
                ) : null}
              </div>
            ) : null}
            <div className="choices">
              <label className="choice">
                <input type="radio" name={`${base}-value`} value="yes" checked={draft.value === 'yes'} onChange={() => choose('yes')} />
                <span>{t(M.yes)}</span>
              </label>
              <label className="choice">
                <input type="radio" name={`${base}-value`} value="no" checked={draft.value === 'no'} onChange={() => choose('no')} />
                <span>{t(M.no)}</span>
              </label>
            </div>
            {valueError ? (
              <p id={`${base}-value-error`} className="field-error">
                {valueError}
              </p>
            ) : null}
            <div className="dates">
              <TextField
                id={`${base}-checkedOn`}
                label={t(M.checkedOn)}
                type="date"
                max={today}
                value={draft.checkedOn}
                onChange={(e) => change({ checkedOn: e.target.value })}
                error={msg(errors?.checkedOn)}
              />
              {showTarget ? (
                <TextField
                  id={`${base}-targetDate`}
                  inputRef={targetRef}
                  label={t(M.targetDate)}
                  type="date"
                  min={draft.checkedOn && draft.checkedOn > fy.start ? draft.checkedOn : fy.start}
                  max={fy.end}
                  required
                  hint={t(M.targetDateHint(formatDate(fy.start, lang), formatDate(fy.end, lang)))}
                  value={draft.targetDate}
                  onChange={(e) => change({ targetDate: e.target.value })}
                  error={msg(errors?.targetDate)}
                />
              ) : null}
            </div>
            <details className="note" open={draft.note !== '' || errors?.note !== undefined}>
              {/* The summary names the textarea: one 「備考」 text per cell (a hidden label would be a second). */}
              <summary id={`${base}-note-label`}>{t(M.note)}</summary>
              <textarea
                id={`${base}-note`}
                aria-labelledby={`${base}-note-label`}
                rows={2}
                maxLength={2000}
                value={draft.note}
                onChange={(e) => change({ note: e.target.value })}
                aria-invalid={errors?.note ? true : undefined}
                aria-describedby={errors?.note ? `${base}-note-error` : undefined}
              />
              {errors?.note ? (
                <p id={`${base}-note-error`} className="field-error">
                  {t(errors.note)}
                </p>
              ) : null}
            </details>
            {mode === 'edit' && (draft.value || draft.checkedOn || draft.note) ? (
              <button type="button" className="button link small" onClick={() => onEdit(EMPTY_DRAFT)}>
                {t(M.clearAnswer)}
              </button>
            ) : null}
          </>
        )}
      </fieldset>
      {extra}
    </div>
  );
}
