import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { answerMfa, describeAuthError, type FlowStep, finishEnrolment, setNewPassword, signInWithPassword } from './auth-flow.ts';
import type { CognitoClient } from './cognito-client.ts';
import { CredentialsForm } from './credentials-form.tsx';
import { MfaForm } from './mfa-form.tsx';
import { NewPasswordForm } from './new-password-form.tsx';
import { getSignOutReason, setSession } from './session.ts';
import { TotpEnrolment } from './totp-enrolment.tsx';

const TITLES = { credentials: M.signInTitle, mfa: M.mfaTitle, newPassword: M.newPasswordTitle, enrol: M.enrolTitle, done: M.signInTitle } as const;

/** Sign-in, first-time password, TOTP enrolment and TOTP code: one card, one step at a time. */
export function SignInPage({ cognito, stage }: { cognito: CognitoClient; stage: string }) {
  const { t } = useI18n();
  const [step, setStep] = useState<FlowStep>({ kind: 'credentials' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReturnType<typeof describeAuthError> | null>(null);
  const [notice] = useState(getSignOutReason);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t(TITLES[step.kind])} | ${t(M.appName)}`;
  }, [step.kind, t]);

  const run = async (work: () => Promise<FlowStep>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await work();
      if (next.kind === 'done') {
        setSession(next.session);
        return;
      }
      setStep(next);
    } catch (err) {
      setError(describeAuthError(err, step.kind));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setError(null);
    setStep({ kind: 'credentials' });
    heading.current?.focus();
  };

  return (
    <div className="signin">
      <section className="card signin-card" aria-labelledby="signin-heading">
        <h1 id="signin-heading" ref={heading} tabIndex={-1}>
          {t(TITLES[step.kind])}
        </h1>
        {step.kind === 'credentials' && notice === 'expired' ? <Alert tone="info">{t(M.sessionExpired)}</Alert> : null}
        {step.kind === 'credentials' && notice === 'signed-out' ? <Alert tone="info">{t(M.signedOut)}</Alert> : null}
        {error ? (
          <Alert tone="error" title={t(error.text)}>
            {error.detail ? <p lang="en">{error.detail}</p> : null}
          </Alert>
        ) : null}

        {step.kind === 'credentials' ? (
          <>
            <p>{t(M.signInLead)}</p>
            <CredentialsForm busy={busy} onSubmit={(email, password) => run(() => signInWithPassword(cognito, email, password))} />
          </>
        ) : null}
        {step.kind === 'mfa' ? <MfaForm busy={busy} onSubmit={(code) => run(() => answerMfa(cognito, step, code))} /> : null}
        {step.kind === 'newPassword' ? <NewPasswordForm busy={busy} onSubmit={(password) => run(() => setNewPassword(cognito, step, password))} /> : null}
        {step.kind === 'enrol' ? (
          <TotpEnrolment
            email={step.email}
            secret={step.secret}
            stage={stage}
            busy={busy}
            onSubmit={(code) => run(() => finishEnrolment(cognito, step, code))}
          />
        ) : null}

        {step.kind !== 'credentials' ? (
          <p className="restart">
            <button type="button" className="button link" onClick={restart}>
              {t(M.startOver)}
            </button>
          </p>
        ) : null}
      </section>
    </div>
  );
}
