import { type MailLanguage, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind, type Preferences } from '@mcr/contract';
import { type FormEvent, useState } from 'react';
import { putPreferences } from '../../api/notifications.ts';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { useApiQuery, useInvalidateApi } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { KIND_HELP, NM } from './messages.ts';
import { ReminderSettingsCard } from './reminder-settings-form.tsx';
import './notifications.css';

type Message = { tone: 'success' | 'error' | 'warning'; title?: Localized; text: Localized };

function PreferencesForm({ prefs, onMessage }: { prefs: Preferences; onMessage(message: Message | undefined): void }) {
  const { t } = useI18n();
  const invalidate = useInvalidateApi();
  const [language, setLanguage] = useState<MailLanguage>(prefs.language);
  const [kinds, setKinds] = useState<Record<NotificationKind, boolean>>(prefs.kinds as Record<NotificationKind, boolean>);
  const [busy, setBusy] = useState(false);
  const mandatory = new Set<NotificationKind>(prefs.mandatory);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    onMessage(undefined);
    // Only the optional kinds are sent: the mandatory ones cannot change.
    const changed = Object.fromEntries(NOTIFICATION_KINDS.filter((k) => !mandatory.has(k)).map((k) => [k, kinds[k]]));
    try {
      await putPreferences({ language, kinds: changed, expectedVersion: prefs.version });
      onMessage({ tone: 'success', text: NM.saved });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        onMessage({ tone: 'warning', text: NM.staleReload });
        await invalidate('preferences.get');
      } else {
        onMessage({ tone: 'error', title: NM.saveFailed, text: err instanceof ApiError ? err.text : M.unexpected });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <section className="card" aria-labelledby="mail-language-heading">
        <fieldset className="plain-fieldset">
          <legend id="mail-language-heading" className="h2-like">
            {t(NM.language)}
          </legend>
          <div className="lang-choices">
            {(['ja', 'en'] as const).map((l) => (
              <label key={l} className="choice">
                <input type="radio" name="mail-language" value={l} checked={language === l} onChange={() => setLanguage(l)} />{' '}
                <span lang={l === 'ja' ? 'ja' : 'en'}>{t(l === 'ja' ? NM.languageJa : NM.languageEn)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      <section className="card" aria-labelledby="mail-kinds-heading">
        <fieldset className="plain-fieldset">
          <legend id="mail-kinds-heading" className="h2-like">
            {t(NM.kindsTitle)}
          </legend>
          <ul className="prefs-list">
            {NOTIFICATION_KINDS.map((k) => {
              const locked = mandatory.has(k);
              const id = `pref-${k}`;
              const help = KIND_HELP[k];
              return (
                <li key={k} data-testid={id}>
                  <input
                    id={id}
                    type="checkbox"
                    role="switch"
                    checked={locked ? true : kinds[k]}
                    aria-checked={locked ? true : kinds[k]}
                    disabled={locked}
                    aria-describedby={`${id}-help`}
                    onChange={(e) => setKinds((v) => ({ ...v, [k]: e.target.checked }))}
                  />
                  <label htmlFor={id}>
                    {t(NOTIFICATION_KIND_LABELS[k])}
                    {locked ? <span className="pref-locked">（{t(NM.always)}）</span> : null}
                  </label>
                  <p id={`${id}-help`} className="pref-help">
                    {help ? t(help) : null}
                    {locked ? ` ${t(NM.mandatoryReason)}` : null}
                  </p>
                </li>
              );
            })}
          </ul>
        </fieldset>
      </section>
      <p>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t(NM.saving) : t(NM.save)}
        </button>
      </p>
    </form>
  );
}

/** 「メール設定」: the language of my mails and the optional kinds I receive (mandatory ones shown locked). */
export function PreferencesPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const prefs = useApiQuery('preferences.get');
  const [message, setMessage] = useState<Message | undefined>();
  return (
    <Page
      title={t(NM.prefsTitle)}
      lead={t(NM.prefsLead)}
      actions={
        <Link to={paths.notifications()} className="button secondary">
          {t(NM.inboxTitle)}
        </Link>
      }
    >
      {message ? (
        <Alert tone={message.tone} title={message.title ? t(message.title) : undefined}>
          <p data-testid="prefs-message">{t(message.text)}</p>
        </Alert>
      ) : null}
      {prefs.isPending ? <Loading /> : null}
      {prefs.isError ? <LoadError error={prefs.error} onRetry={() => void prefs.refetch()} /> : null}
      {prefs.data ? (
        // A new version (saved, or reloaded after a conflict) starts the form afresh from the server's values.
        <PreferencesForm
          key={prefs.data.version}
          prefs={prefs.data}
          onMessage={(m) => {
            setMessage(m);
            if (m) window.scrollTo(0, 0);
          }}
        />
      ) : null}
      {me.role === 'pref_admin' ? <ReminderSettingsCard /> : null}
    </Page>
  );
}
