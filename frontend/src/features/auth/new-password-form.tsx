import { type FormEvent, useEffect, useRef, useState } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { meetsPasswordRules, PASSWORD_RULES } from './password-rules.ts';

export function NewPasswordForm({ busy, onSubmit }: { busy: boolean; onSubmit(password: string): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      ...(meetsPasswordRules(password) ? {} : { password: t(M.passwordRulesNotMet) }),
      ...(confirm === password ? {} : { confirm: t(M.passwordMismatch) }),
    };
    setErrors(next);
    if (next.password || next.confirm) return;
    onSubmit(password);
  };

  return (
    <form onSubmit={submit} noValidate>
      <p>{t(M.newPasswordLead)}</p>
      <TextField
        id="new-password"
        label={t(M.newPassword)}
        type="password"
        autoComplete="new-password"
        inputRef={first}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        aria-describedby="password-rules"
        required
      />
      <div id="password-rules" className="rules">
        <p className="rules-title">{t(M.passwordRules)}</p>
        <ul>
          {PASSWORD_RULES.map((rule) => {
            const ok = rule.test(password);
            return (
              <li key={rule.id} className={ok ? 'rule-ok' : 'rule-todo'}>
                <span aria-hidden="true">{ok ? '✓' : '・'}</span> {t(rule.text)}
                <span className="sr-only">: {t(ok ? M.ruleMet : M.ruleNotMet)}</span>
              </li>
            );
          })}
        </ul>
      </div>
      <TextField
        id="new-password-confirm"
        label={t(M.newPasswordConfirm)}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={errors.confirm}
        required
      />
      <button type="submit" className="button primary wide" disabled={busy}>
        {busy ? t(M.working) : t(M.newPasswordButton)}
      </button>
    </form>
  );
}
