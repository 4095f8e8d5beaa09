import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { CodeField, isSixDigits, normaliseCode } from './code-field.tsx';

export function MfaForm({ busy, onSubmit }: { busy: boolean; onSubmit(code: string): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = normaliseCode(code);
    if (!isSixDigits(clean)) {
      setError(t(M.codeInvalid));
      return;
    }
    setError(undefined);
    onSubmit(clean);
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{t(M.mfaLead)}</p>
      <CodeField id="mfa-code" value={code} onChange={setCode} error={error} />
      <button type="submit" className="button primary wide" disabled={busy}>
        {busy ? t(M.signingIn) : t(M.mfaButton)}
      </button>
    </form>
  );
}
