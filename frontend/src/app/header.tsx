import { ROLE_LABELS } from '@mcr/contract';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import type { Auth } from '../features/auth/auth-context.tsx';
import { paths } from './paths.ts';
import { Link, usePath } from './router.tsx';

/** The prefecture administrator's sections: surveys and checklist versions. */
function MainNav() {
  const { t } = useI18n();
  const path = usePath();
  const links = [
    { to: paths.home(), text: M.navCampaigns, here: path === '/', inside: path.startsWith('/campaigns/') },
    { to: paths.templates(), text: M.navTemplates, here: path === '/templates', inside: path.startsWith('/templates/') },
  ];
  return (
    <nav className="main-nav" aria-label={t(M.navLabel)}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to} aria-current={l.here ? 'page' : l.inside ? 'true' : undefined} className={l.here || l.inside ? 'active' : undefined}>
              {t(l.text)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'ja' ? 'en' : 'ja';
  return (
    <button type="button" className="button secondary small" lang={other} onClick={() => setLang(other)}>
      {t(M.languageSwitchTo)}
    </button>
  );
}

export function Header({ auth }: { auth?: Auth | undefined }) {
  const { t } = useI18n();
  const me = auth?.me;
  return (
    <header className="site-header">
      <div className="header-inner">
        <div className="brand">
          {me ? (
            <Link to="/" className="brand-link">
              {t(M.appName)}
            </Link>
          ) : (
            <span className="brand-link">{t(M.appName)}</span>
          )}
          {me?.tenant ? <span className="tenant">{me.tenant.name}</span> : null}
        </div>
        <div className="header-tools">
          {me ? (
            <p className="who">
              <span className="org" data-testid="header-organisation">
                {me.organisation?.name ?? me.tenant?.name ?? t(ROLE_LABELS[me.role])}
              </span>
              <span className="user">
                {me.displayName}（{t(ROLE_LABELS[me.role])}）
              </span>
            </p>
          ) : null}
          <LanguageSwitch />
          {auth ? (
            <button type="button" className="button secondary small" onClick={auth.signOut}>
              {t(M.signOut)}
            </button>
          ) : null}
        </div>
      </div>
      {me?.role === 'pref_admin' ? (
        <div className="nav-inner">
          <MainNav />
        </div>
      ) : null}
    </header>
  );
}
