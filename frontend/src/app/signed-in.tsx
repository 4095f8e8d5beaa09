import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { getResponse, responseKey } from '../api/get-response.ts';
import { LoadError, Loading } from '../components/feedback.tsx';
import { type Auth, AuthContext } from '../features/auth/auth-context.tsx';
import type { CognitoClient } from '../features/auth/cognito-client.ts';
import { signOut } from '../features/auth/tokens.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import { ApiError } from '../lib/api-client.ts';
import { asLoaded, createQueryClient, dropEarly, loadEarly, prefetchApiQuery, useApiQuery } from '../lib/use-api.ts';
import { AppRoutes } from './routes.tsx';
import { Shell } from './shell.tsx';

function Signed({ cognito }: { cognito: CognitoClient }) {
  const { t } = useI18n();
  const [me, reload] = asLoaded(useApiQuery('me.get'));
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

/**
 * The main answer of the page the app opens on, asked for alongside /api/me instead of after it (the page's own
 * query or load takes it). A role that may not open the page gets its 403 in the cache, never on screen.
 */
function loadFirstPageData(client: QueryClient, pathname: string) {
  const part = (s: string | undefined) => decodeURIComponent(s ?? '');
  const dashboard = /^\/campaigns\/([^/]+)\/dashboard$/.exec(pathname);
  if (dashboard) prefetchApiQuery(client, 'dashboard.get', { params: { campaignId: part(dashboard[1]) } });
  const response = /^\/campaigns\/([^/]+)\/facilities\/([^/]+)$/.exec(pathname);
  if (response) {
    const [campaignId, facilityId] = [part(response[1]), part(response[2])];
    loadEarly(responseKey(campaignId, facilityId), () => getResponse(campaignId, facilityId));
  }
}

/** The signed-in app, in its own chunk: the sign-in page loads without the API contract and the pages. */
export default function SignedIn({ cognito }: { cognito: CognitoClient }) {
  // One cache per session: the next user never sees this one's answers.
  const [{ client, dispose }] = useState(createQueryClient);
  const [opening] = useState(() => window.location.pathname);
  useEffect(() => {
    try {
      loadFirstPageData(client, opening);
    } catch {
      // A malformed address (bad %-escape): the page itself shows what is wrong.
    }
  }, [client, opening]);
  useEffect(
    () => () => {
      dispose();
      client.clear();
      dropEarly();
    },
    [client, dispose],
  );
  return (
    <QueryClientProvider client={client}>
      <Signed cognito={cognito} />
    </QueryClientProvider>
  );
}
