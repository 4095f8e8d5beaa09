import { type ReactNode, useMemo } from 'react';
import { getMe } from '../api/get-me.ts';
import { LoadError, Loading } from '../components/feedback.tsx';
import { type Auth, AuthContext } from '../features/auth/auth-context.tsx';
import type { CognitoClient } from '../features/auth/cognito-client.ts';
import { useSession } from '../features/auth/session.ts';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { signOut } from '../features/auth/tokens.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import { ApiError } from '../lib/api-client.ts';
import { useApi } from '../lib/use-api.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { Header } from './header.tsx';
import { AppRoutes } from './routes.tsx';

function Shell({ auth, children }: { auth?: Auth | undefined; children: ReactNode }) {
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

function SignedIn({ cognito }: { cognito: CognitoClient }) {
  const { t } = useI18n();
  const [me, reload] = useApi((signal) => getMe(signal), []);
  const auth = useMemo<Auth | undefined>(() => (me.state === 'ok' ? { me: me.data, signOut: () => signOut(cognito) } : undefined), [me, cognito]);

  if (me.state === 'loading') {
    return (
      <Shell>
        <Loading />
      </Shell>
    );
  }
  if (me.state === 'error' || !auth) {
    const noMembership = me.state === 'error' && me.error instanceof ApiError && (me.error.status === 403 || me.error.status === 404);
    return (
      <Shell auth={undefined}>
        {noMembership ? (
          <div className="alert alert-warning" role="alert">
            <p>{t(M.noMembership)}</p>
          </div>
        ) : (
          <LoadError error={me.state === 'error' ? me.error : undefined} onRetry={reload} />
        )}
        <button type="button" className="button secondary" onClick={() => signOut(cognito)}>
          {t(M.signOut)}
        </button>
      </Shell>
    );
  }
  return (
    <AuthContext.Provider value={auth}>
      <Shell auth={auth}>
        <AppRoutes />
      </Shell>
    </AuthContext.Provider>
  );
}

export function App({ cognito, stage }: { cognito: CognitoClient; stage: string }) {
  const session = useSession();
  if (!session) {
    return (
      <Shell>
        <SignInPage cognito={cognito} stage={stage} />
      </Shell>
    );
  }
  return <SignedIn key={session.email} cognito={cognito} />;
}
