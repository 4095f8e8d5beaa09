import type { ReactNode } from 'react';
import type { Auth } from '../features/auth/auth-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { Header } from './header.tsx';

export function Shell({ auth, children }: { auth?: Auth | undefined; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t(M.skipToContent)}
      </a>
      <Header auth={auth} />
      <main id="main" className="main" tabIndex={-1}>
        <ErrorBoundary>{children}</ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{t(M.appName)}</p>
      </footer>
    </>
  );
}
