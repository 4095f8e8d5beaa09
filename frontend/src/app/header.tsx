import { type Me, ROLE_LABELS } from '@mcr/contract';
import { Suspense } from 'react';
import { type Localized, useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import type { Auth } from '../features/auth/auth-context.tsx';
import { CC } from '../features/contact-chart/messages.ts'; // contact-charts
import { BM } from '../features/bcp/bcp-messages.ts'; // bcp
import { IM } from '../features/incidents/messages.ts'; // incidents
import { lazyPage } from './page-chunks.ts';
import { paths } from './paths.ts';
import { Link, usePath } from './router.tsx';

interface NavLink {
  to: string;
  text: Localized;
  /** Paths under this section (its detail pages). */
  prefix?: string;
  /** Paths of this section that lie under another section's prefix (a survey's dashboard under 調査). */
  match?: (path: string) => boolean;
}

// notifications:begin — its own chunk, preloaded with the signed-in shell: the sign-in page stays without the API contract.
const NotificationBell = lazyPage('bell', (m) => m.NotificationBell);
// notifications:end

const isDashboard = (path: string) => /^\/campaigns\/[^/]+\/dashboard$/.test(path);

/** The sections of the prefecture administrator, of a 保健所 and of a facility's people. */
function navLinks(me: Me): NavLink[] {
  const { role } = me;
  if (role === 'pref_admin') {
    return [
      { to: paths.latestDashboard(), text: M.navDashboard, match: isDashboard },
      { to: paths.incidents(), text: IM.nav, prefix: '/incidents/' }, // incidents
      { to: paths.home(), text: M.navCampaigns, prefix: '/campaigns/' },
      { to: paths.facilities(), text: M.navFacilities, prefix: '/facilities/' },
      { to: paths.vendors(), text: M.navVendors },
      { to: paths.users(), text: M.navUsers },
      { to: paths.audit(), text: M.navAudit },
      { to: paths.templates(), text: M.navTemplates, prefix: '/templates/' },
      { to: paths.inspections(), text: M.navInspections },
      { to: paths.discrepancies(), text: M.navDiscrepancies },
      { to: paths.trainings(), text: M.navTrainings, prefix: '/trainings/' }, // trainings
      { to: '/contact-charts', text: CC.title, prefix: '/contact-charts' }, // contact-charts
    ];
  }
  if (role === 'inspector') {
    return [
      { to: paths.latestDashboard(), text: M.navDashboard, match: isDashboard },
      { to: paths.incidents(), text: IM.nav, prefix: '/incidents/' }, // incidents
      { to: paths.home(), text: M.navCampaigns, prefix: '/campaigns/' },
      { to: paths.inspections(), text: M.navInspections, prefix: '/facilities/' },
      { to: paths.discrepancies(), text: M.navDiscrepancies },
      { to: paths.trainings(), text: M.navTrainings, prefix: '/trainings/' }, // trainings
      { to: '/contact-charts', text: CC.title, prefix: '/contact-charts' }, // contact-charts
    ];
  }
  const own = me.organisation?.kind === 'facility' ? [{ to: paths.facility(me.organisation.id), text: M.navOwnFacility }] : [];
  if (role === 'facility_admin') {
    return [
      { to: paths.home(), text: M.navAnswers, prefix: '/campaigns/' },
      { to: paths.incidents(), text: IM.nav, prefix: '/incidents/' }, // incidents
      ...own,
      { to: paths.bcp(), text: BM.nav }, // bcp
      { to: paths.trainings(), text: M.navTrainings }, // trainings
      { to: '/contact-chart', text: CC.title }, // contact-charts
      { to: paths.users(), text: M.navUsers },
      { to: paths.audit(), text: M.navAudit },
    ];
  }
  // The vendor's portal: its surveys (事業者確認用) and their answers live under /campaigns/.
  if (role === 'vendor_user') return [{ to: paths.home(), text: M.navVendorPortal, prefix: '/campaigns/' }];
  if (role === 'facility_member')
    return [
      { to: paths.home(), text: M.navAnswers, prefix: '/campaigns/' },
      { to: paths.incidents(), text: IM.nav, prefix: '/incidents/' }, // incidents
      ...own,
      { to: paths.bcp(), text: BM.nav }, // bcp
      { to: '/contact-chart', text: CC.title }, // contact-charts
      { to: paths.trainings(), text: M.navTrainings },
    ];
  return [];
}

function MainNav({ links }: { links: NavLink[] }) {
  const { t } = useI18n();
  const path = usePath();
  return (
    <nav className="main-nav" aria-label={t(M.navLabel)}>
      <ul>
        {links.map((l) => {
          const here = path === l.to || (l.to === paths.home() && path === paths.campaigns());
          const claimed = links.some((o) => o !== l && o.match?.(path));
          const inside = !here && (l.match?.(path) || (!claimed && l.prefix !== undefined && path.startsWith(l.prefix)));
          return (
            <li key={l.to}>
              <Link to={l.to} aria-current={here ? 'page' : inside ? 'true' : undefined} className={here || inside ? 'active' : undefined}>
                {t(l.text)}
              </Link>
            </li>
          );
        })}
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
          {/* notifications:begin */}
          {me && me.role !== 'operator' ? (
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
          ) : null}
          {/* notifications:end */}
          <LanguageSwitch />
          {auth ? (
            <button type="button" className="button secondary small" onClick={auth.signOut}>
              {t(M.signOut)}
            </button>
          ) : null}
        </div>
      </div>
      {me && navLinks(me).length > 0 ? (
        <div className="nav-inner">
          <MainNav links={navLinks(me)} />
        </div>
      ) : null}
    </header>
  );
}
