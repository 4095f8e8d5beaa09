import { type Ref, useEffect, useId, useRef, useState } from 'react';
import { DayPicker } from 'react-day-picker';
import { enGB } from 'react-day-picker/locale/en-GB';
import { ja } from 'react-day-picker/locale/ja';
import 'react-day-picker/style.css';
import './date-input.css';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDate, parseIsoDay, parseTypedDate, parseTypedDateTime, toSlashed, toSlashedDateTime } from '../lib/dates.ts';

/**
 * A date field that reads and writes yyyy/mm/dd whatever the browser's locale (`<input type="date">` follows the
 * browser, so an English browser shows mm/dd/yyyy on a Japanese page). A text input — typing 20261206, 2026-12-06,
 * 2026/12/6 or 令和8年12月6日 all work — with the day read back in words below it, and a calendar button that opens
 * react-day-picker in a popover (keyboard: arrows move, Enter picks, Escape closes and returns focus).
 * docs/decisions/0018-dates-and-answering.md.
 */
export interface DateInputProps {
  id: string;
  label: string;
  /** `YYYY-MM-DD` (with `withTime`: `YYYY-MM-DDTHH:MM`, Japan time), or '' for none. */
  value: string;
  /** A day and a time: shows and reads `yyyy/mm/dd hh:mm`; replaces `<input type="datetime-local">`. */
  withTime?: boolean | undefined;
  /** Called with `YYYY-MM-DD` once the text is a real date, or '' when cleared; never with a half-typed text. */
  onChange: (value: string) => void;
  /** `YYYY-MM-DD` bounds, inclusive. */
  min?: string | undefined;
  max?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  disabled?: boolean | undefined;
  /** When set, a hidden input of this name carries the `YYYY-MM-DD` value for forms read with FormData. */
  name?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  className?: string | undefined;
  'aria-describedby'?: string | undefined;
}

const M = {
  format: { ja: '例: 2026/04/01（年/月/日）', en: 'e.g. 2026/04/01 (year/month/day)' },
  formatTime: { ja: '例: 2026/04/01 14:00（年/月/日 時:分）', en: 'e.g. 2026/04/01 14:00 (year/month/day hour:minute)' },
  notADate: { ja: '日付を 年/月/日（例: 2026/04/01）で入力してください。', en: 'Enter the date as year/month/day, e.g. 2026/04/01.' },
  notADateTime: {
    ja: '日時を 年/月/日 時:分（例: 2026/04/01 14:00）で入力してください。',
    en: 'Enter the date and time as year/month/day hour:minute, e.g. 2026/04/01 14:00.',
  },
  tooEarly: (d: string) => ({ ja: `${d}以降の日付を入力してください。`, en: `Enter a date on or after ${d}.` }),
  tooLate: (d: string) => ({ ja: `${d}以前の日付を入力してください。`, en: `Enter a date on or before ${d}.` }),
  open: { ja: 'カレンダーから選ぶ', en: 'Pick from a calendar' },
  calendar: { ja: 'カレンダー', en: 'Calendar' },
  close: { ja: '閉じる', en: 'Close' },
};

const toDate = (iso: string | undefined): Date | undefined => {
  const p = iso ? parseIsoDay(iso) : undefined;
  return p ? new Date(p.year, p.month - 1, p.day) : undefined;
};
const fromDate = (d: Date): string =>
  `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** While typing digits only, put the slashes in: 202612 → 2026/12, 20261206 → 2026/12/06. Other text is left alone. */
function mask(next: string, previous: string): string {
  if (next.length < previous.length) return next; // deleting: leave it alone
  if (!/^(\d{0,4}\/?|\d{4}\/\d{0,2}|\d{4}\/\d{2}\/?\d{0,2}|\d{5,8})$/.test(next)) return next;
  const only = next.replaceAll('/', '');
  const slash = next.endsWith('/') ? '/' : '';
  if (only.length < 4) return only;
  if (only.length === 4) return only + slash;
  if (only.length < 6) return `${only.slice(0, 4)}/${only.slice(4)}`;
  if (only.length === 6) return `${only.slice(0, 4)}/${only.slice(4)}${slash}`;
  return `${only.slice(0, 4)}/${only.slice(4, 6)}/${only.slice(6)}`;
}

export function DateInput(props: DateInputProps) {
  const { id, label, value, onChange, min, max, hint, error, required, disabled, name, inputRef, className, withTime = false } = props;
  const { t, lang } = useI18n();
  const parse = withTime ? parseTypedDateTime : parseTypedDate;
  const show = withTime ? toSlashedDateTime : toSlashed;
  /** 令和8年12月10日（2026年） or, with a time, 令和8年12月10日（2026年） 14:00. */
  const words = (v: string) => (withTime ? `${formatDate(v.slice(0, 10), lang)} ${v.slice(11, 16)}` : formatDate(v, lang));
  const [text, setText] = useState(() => show(value));
  const [localError, setLocalError] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popRef = useRef<HTMLDivElement>(null);
  const popId = useId();

  // Follow the value when it changes from outside (a reload, 相手の値を使う, today filled in by a choice).
  useEffect(() => {
    setText((current) => (parse(current) === value ? current : show(value)));
    if (value) setLocalError(undefined);
  }, [value, parse, show]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (popRef.current?.contains(e.target as Node) || buttonRef.current?.contains(e.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const rangeError = (iso: string): string | undefined => {
    if (min && iso < min) return t(M.tooEarly(words(min)));
    if (max && iso > max) return t(M.tooLate(words(max)));
    return undefined;
  };

  const typed = (raw: string) => {
    const next = withTime ? raw : mask(raw, text);
    setText(next);
    if (next.trim() === '') {
      setLocalError(undefined);
      if (value !== '') onChange('');
      return;
    }
    const iso = parse(next);
    if (iso) {
      setLocalError(rangeError(iso));
      if (iso !== value) onChange(iso);
    }
  };

  const blurred = () => {
    if (text.trim() === '') return;
    const iso = parse(text);
    if (!iso) setLocalError(t(withTime ? M.notADateTime : M.notADate));
    else setText(show(iso));
  };

  const picked = (d: Date | undefined) => {
    setOpen(false);
    buttonRef.current?.focus();
    if (!d) return;
    // With a time, the day changes and the time typed stays (09:00 when there was none).
    const iso = withTime ? `${fromDate(d)}T${/T(\d{2}:\d{2})/.exec(value)?.[1] ?? '09:00'}` : fromDate(d);
    setText(show(iso));
    setLocalError(rangeError(iso));
    if (iso !== value) onChange(iso);
  };

  const shownError = error ?? localError;
  const readBack = (withTime ? parse(value) : parseIsoDay(value)) && !shownError ? words(value) : undefined;
  const describedBy =
    [`${id}-format`, hint ? `${id}-hint` : '', shownError ? `${id}-error` : '', props['aria-describedby'] ?? ''].filter(Boolean).join(' ') || undefined;
  const selected = toDate(value.slice(0, 10));
  const [minDay, maxDay] = [min?.slice(0, 10), max?.slice(0, 10)];

  return (
    <div className={`field date-input ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="date-input-row">
        <input
          id={id}
          ref={inputRef}
          type="text"
          inputMode={withTime ? 'text' : 'numeric'}
          autoComplete="off"
          value={text}
          required={required}
          disabled={disabled}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => typed(e.target.value)}
          onBlur={blurred}
        />
        <button
          ref={buttonRef}
          type="button"
          className="date-input-button"
          aria-label={t(M.open)}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? popId : undefined}
          disabled={disabled}
          onClick={() => setOpen((o) => !o)}
        >
          <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24">
            <path
              fill="currentColor"
              d="M7 2v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2H7zm-2 7h14v11H5V9zm2 2v2h2v-2H7zm4 0v2h2v-2h-2zm4 0v2h2v-2h-2zm-8 4v2h2v-2H7zm4 0v2h2v-2h-2z"
            />
          </svg>
        </button>
      </div>
      {name ? <input type="hidden" name={name} value={value} /> : null}
      <p id={`${id}-format`} className="hint">
        {readBack ?? t(withTime ? M.formatTime : M.format)}
      </p>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {shownError ? (
        <p id={`${id}-error`} className="field-error">
          {shownError}
        </p>
      ) : null}
      {open ? (
        <div
          ref={popRef}
          id={popId}
          className="date-input-popover"
          role="dialog"
          aria-label={t(M.calendar)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          <DayPicker
            mode="single"
            autoFocus
            locale={lang === 'ja' ? ja : enGB}
            selected={selected}
            defaultMonth={selected ?? toDate(maxDay && maxDay < today() ? maxDay : minDay && minDay > today() ? minDay : undefined)}
            onSelect={picked}
            disabled={[...(minDay ? [{ before: toDate(minDay)! }] : []), ...(maxDay ? [{ after: toDate(maxDay)! }] : [])]}
            startMonth={toDate(minDay)}
            endMonth={toDate(maxDay)}
          />
          <button type="button" className="secondary small" onClick={() => picked(undefined)}>
            {t(M.close)}
          </button>
        </div>
      ) : null}
    </div>
  );
}

const today = () => fromDate(new Date());
