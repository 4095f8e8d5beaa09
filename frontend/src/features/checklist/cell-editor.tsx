import { type DeviceClass, fiscalYearLabel, type Item, type RoundAnswer, targetDateWindow } from '@mcr/domain';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { formatDate } from '../../lib/dates.ts';
import { EMPTY_DRAFT, type FieldMessages, type Round, type RoundDraft } from './draft.ts';
import type { CellConflict } from './use-autosave.ts';
import './cell-conflict.css';

/** The answering side's own texts (docs/decisions/0018-dates-and-answering.md). */
const A = {
  targetWindow: (from: string, to: string) => ({ ja: `対応を終える予定日（${from}〜${to}）`, en: `When it will be done (${from} – ${to})` }),
  targetWindowExtended: (from: string, to: string, over: Localized) => ({
    ja: `対応を終える予定日（${from}〜${to}）。${over.ja}は終了しているため、確認日の年度の末日まで選べます。`,
    en: `When it will be done (${from} – ${to}). ${over.en ?? over.ja} is over, so any day up to the end of the year of the check can be chosen.`,
  }),
  conflictTitle: { ja: '他の人が先にこの欄を保存しました', en: 'Someone else saved this field first' },
  conflictTheirs: { ja: '相手の値', en: 'Their value' },
  conflictEmpty: { ja: '（空欄にしました）', en: '(cleared it)' },
  conflictMine: { ja: 'あなたの入力', en: 'Your entry' },
  useTheirs: { ja: '相手の値を使う', en: 'Use their value' },
  keepMine: { ja: '自分の値で上書き', en: 'Overwrite with mine' },
  // The title leaves out 「いいえ」, so that the radio stays the only thing labelled so in the cell.
  gateTitle: {
    ja: '医療情報システムがない場合、ほかの項目はすべて対象外になります',
    en: 'Without a medical information system, every other item is not applicable',
  },
  gateBody: {
    ja: '医療情報システムを導入・運用していない場合、チェックリストのほかの項目はすべて「対象外」となり、回答できなくなります。すでに入力した回答は消えず、「はい」に戻すと再び表示されます。',
    en: 'Without a medical information system, every other item of the checklist becomes "not applicable" and cannot be answered. Answers already entered are kept and come back if you change this to "Yes".',
  },
  gateQuestion: { ja: '「いいえ」にしてよろしいですか。', en: 'Answer "No"?' },
  gateConfirm: { ja: '「いいえ」にする', en: 'Answer "No"' },
};

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
  /** Someone else saved this cell first: their value is shown here with the two choices. */
  conflict?: CellConflict | undefined;
  onResolve?(choice: 'theirs' | 'mine'): void;
}

function AnswerSummary({ answer, gate }: { answer: RoundAnswer | RoundDraft | null; gate: boolean }) {
  const { t, lang } = useI18n();
  if (!answer?.value) return <span>{t(A.conflictEmpty)}</span>;
  return (
    <span>
      <strong className={`answer-${answer.value}`}>{t(answer.value === 'yes' ? M.yes : M.no)}</strong>
      {answer.checkedOn ? ` ・ ${t(M.checkedOn)} ${formatDate(answer.checkedOn, lang, 'short')}` : ''}
      {answer.value === 'no' && !gate && answer.targetDate ? ` ・ ${t(M.targetDate)} ${formatDate(answer.targetDate, lang, 'short')}` : ''}
      {answer.note ? ` ・ ${t(M.note)}: ${answer.note}` : ''}
    </span>
  );
}

/** The other person's value next to the field, with 「相手の値を使う」 / 「自分の値で上書き」. */
function ConflictBox({
  id,
  conflict,
  draft,
  gate,
  onResolve,
}: {
  id: string;
  conflict: CellConflict;
  draft: RoundDraft;
  gate: boolean;
  onResolve(choice: 'theirs' | 'mine'): void;
}) {
  const { t } = useI18n();
  return (
    <div className="cell-conflict" data-testid="cell-conflict">
      <p id={`${id}-conflict-title`} className="cell-conflict-title" role="alert">
        {t(A.conflictTitle)}
      </p>
      <dl className="kv compact">
        <dt>{t(A.conflictTheirs)}</dt>
        <dd data-testid="conflict-theirs">
          <AnswerSummary answer={conflict.theirs} gate={gate} />
        </dd>
        <dt>{t(A.conflictMine)}</dt>
        <dd>
          <AnswerSummary answer={draft} gate={gate} />
        </dd>
      </dl>
      <div className="cell-conflict-actions">
        <button type="button" className="button small secondary" onClick={() => onResolve('theirs')}>
          {t(A.useTheirs)}
        </button>
        <button type="button" className="button small primary" onClick={() => onResolve('mine')}>
          {t(A.keepMine)}
        </button>
      </div>
    </div>
  );
}

function ValueText({ draft }: { draft: RoundDraft }) {
  const { t, lang } = useI18n();
  if (!draft.value) return <span className="muted">—</span>;
  return (
    <>
      <span className={`answer-${draft.value}`}>{t(draft.value === 'yes' ? M.yes : M.no)}</span>
      {draft.checkedOn ? `（${formatDate(draft.checkedOn, lang, 'short')}）` : null}
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
export function CellEditor({
  item,
  deviceClass,
  round,
  draft,
  previous,
  errors,
  mode,
  reference,
  fiscalYear,
  today,
  onEdit,
  extra,
  conflict,
  onResolve,
}: Props) {
  const { t, lang } = useI18n();
  const gate = item.gate !== undefined;
  const base = `c-${item.id}-${deviceClass}-r${round}`;
  const legendId = `${base}-legend`;
  const msg = (text: Localized | undefined) => (text ? t(text) : undefined);
  // 目標日: from the 確認日 to the end of the campaign year, or of the year of the check once the campaign year is over.
  const targetWindow = targetDateWindow(fiscalYear, draft.checkedOn || today);
  const disabled = mode !== 'edit';
  const [askGate, setAskGate] = useState(false);

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
  const apply = (value: 'yes' | 'no') => change({ value, ...(draft.carriedForward ? {} : { checkedOn: draft.checkedOn || today }) });
  // The gate's いいえ takes every other item out: it is asked first.
  const choose = (value: 'yes' | 'no') => (gate && value === 'no' && draft.value !== 'no' ? setAskGate(true) : apply(value));
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
        {conflict && onResolve && mode === 'edit' ? <ConflictBox id={base} conflict={conflict} draft={draft} gate={gate} onResolve={onResolve} /> : null}

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
              <DateInput
                id={`${base}-checkedOn`}
                label={t(M.checkedOn)}
                max={today}
                value={draft.checkedOn}
                onChange={(value) => change({ checkedOn: value })}
                error={msg(errors?.checkedOn)}
                disabled={disabled}
              />
              {showTarget ? (
                <DateInput
                  id={`${base}-targetDate`}
                  inputRef={targetRef}
                  label={t(M.targetDate)}
                  min={targetWindow.start}
                  max={targetWindow.end}
                  required
                  hint={t(
                    targetWindow.extended
                      ? A.targetWindowExtended(formatDate(targetWindow.start, lang, 'short'), formatDate(targetWindow.end, lang, 'short'), {
                          ja: fiscalYearLabel(fiscalYear),
                          en: fiscalYearLabel(fiscalYear, 'en'),
                        })
                      : A.targetWindow(formatDate(targetWindow.start, lang, 'short'), formatDate(targetWindow.end, lang, 'short')),
                  )}
                  value={draft.targetDate}
                  onChange={(value) => change({ targetDate: value })}
                  error={msg(errors?.targetDate)}
                  disabled={disabled}
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
      {gate ? (
        <ConfirmDialog
          open={askGate}
          id={`${base}-gate-confirm`}
          title={t(A.gateTitle)}
          confirmText={t(A.gateConfirm)}
          busy={false}
          danger
          onConfirm={() => {
            setAskGate(false);
            apply('no');
          }}
          onClose={() => setAskGate(false)}
        >
          <p>{t(A.gateBody)}</p>
          <p>{t(A.gateQuestion)}</p>
        </ConfirmDialog>
      ) : null}
      {extra}
    </div>
  );
}
