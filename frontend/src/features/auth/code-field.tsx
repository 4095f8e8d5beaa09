import { useEffect, useRef } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';

/** Digits only (full-width digits and spaces forgiven); six of them make a TOTP code. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s-]/g, '');
}

export function isSixDigits(code: string): boolean {
  return /^\d{6}$/.test(code);
}

export function CodeField({
  id,
  value,
  onChange,
  error,
  focus = true,
}: {
  id: string;
  value: string;
  onChange(v: string): void;
  error?: string | undefined;
  focus?: boolean;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <TextField
      id={id}
      label={t(M.code)}
      hint={t(M.codeHint)}
      className="code-field"
      inputRef={ref}
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={9}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      required
    />
  );
}
