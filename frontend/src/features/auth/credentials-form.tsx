import { type FormEvent, useEffect, useRef, useState } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';

export function CredentialsForm({ busy, onSubmit }: { busy: boolean; onSubmit(email: string, password: string): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { ...(email.trim() ? {} : { email: t(M.emailRequired) }), ...(password ? {} : { password: t(M.passwordRequired) }) };
    setErrors(next);
    if (next.email || next.password) return;
    onSubmit(email.trim(), password);
  };

  return (
    <form onSubmit={submit} noValidate>
      <TextField
        id="signin-email"
        label={t(M.email)}
        type="email"
        autoComplete="username"
        inputRef={first}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        required
      />
      <TextField
        id="signin-password"
        label={t(M.password)}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        required
      />
      <button type="submit" className="button primary wide" disabled={busy}>
        {busy ? t(M.signingIn) : t(M.signInButton)}
      </button>
    </form>
  );
}
