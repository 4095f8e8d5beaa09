import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { CodeField, isSixDigits, normaliseCode } from './code-field.tsx';

/** The label authenticator apps show next to the code; the stage is added outside production. */
export function totpIssuer(stage: string): string {
  const base = '医療機関サイバー対策';
  return stage === 'prod' ? base : `${base} (${stage})`;
}

/** Key URI format understood by Google/Microsoft Authenticator: SHA-1, 6 digits, 30 s, as Cognito uses. */
export function otpauthUri(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${query.toString().replace(/\+/g, '%20')}`;
}

function QrCode({ uri }: { uri: string }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    // Loaded on demand: only new users ever see this screen.
    import('qrcode')
      .then((qr) => qr.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 208, color: { dark: '#111827', light: '#ffffff' } }))
      .then((url) => {
        if (live) setSrc(url);
      })
      .catch((err: unknown) => console.error('QR code', err));
    return () => {
      live = false;
    };
  }, [uri]);
  return <div className="qr">{src ? <img src={src} width={208} height={208} alt={t(M.qrAlt)} /> : <p className="muted">{t(M.qrLoading)}</p>}</div>;
}

export function TotpEnrolment({
  email,
  secret,
  stage,
  busy,
  onSubmit,
}: {
  email: string;
  secret: string;
  stage: string;
  busy: boolean;
  onSubmit(code: string): void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState(false);
  const uri = otpauthUri(totpIssuer(stage), email, secret);

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

  const copy = () => {
    navigator.clipboard?.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <p>{t(M.enrolWhy)}</p>
      <ol className="steps">
        <li>{t(M.enrolStep1)}</li>
        <li>
          {t(M.enrolStep2)}
          <QrCode uri={uri} />
          <div className="manual-entry">
            <p className="manual-title">{t(M.manualEntry)}</p>
            <p className="muted">{t(M.manualEntryBody)}</p>
            <dl className="kv">
              <dt>{t(M.secretLabel)}</dt>
              <dd>
                <code className="secret" data-testid="totp-secret">
                  {secret}
                </code>{' '}
                <button type="button" className="button small secondary" onClick={copy}>
                  {t(M.copy)}
                </button>
                <span role="status" className="copied">
                  {copied ? t(M.copied) : ''}
                </span>
              </dd>
              <dt>{t(M.accountLabel)}</dt>
              <dd>{email}</dd>
            </dl>
          </div>
        </li>
        <li>
          <CodeField id="enrol-code" value={code} onChange={setCode} error={error} focus={false} />
        </li>
      </ol>
      <p className="muted">{t(M.enrolMustFinish)}</p>
      <button type="submit" className="button primary wide" disabled={busy}>
        {busy ? t(M.working) : t(M.enrolButton)}
      </button>
    </form>
  );
}
