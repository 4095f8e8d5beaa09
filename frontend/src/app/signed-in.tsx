import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { LoadError, Loading } from '../components/feedback.tsx';
import { type Auth, AuthContext } from '../features/auth/auth-context.tsx';
import type { CognitoClient } from '../features/auth/cognito-client.ts';
import { signOut } from '../features/auth/tokens.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';
import { ApiError } from '../lib/api-client.ts';
import { asLoaded, createQueryClient, useApiQuery } from '../lib/use-api.ts';
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

/** The signed-in app, in its own chunk: the sign-in page loads without the API contract and the pages. */
export default function SignedIn({ cognito }: { cognito: CognitoClient }) {
  // One cache per session: the next user never sees this one's answers.
  const [{ client, dispose }] = useState(createQueryClient);
  useEffect(
    () => () => {
      dispose();
      client.clear();
    },
    [client, dispose],
  );
  return (
    <QueryClientProvider client={client}>
      <Signed cognito={cognito} />
    </QueryClientProvider>
  );
}
