import { Suspense } from 'react';
import { Loading } from '../components/feedback.tsx';
import type { CognitoClient } from '../features/auth/cognito-client.ts';
import { useSession } from '../features/auth/session.ts';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { lazyPage } from './page-chunks.ts';
import { Router } from './router.tsx';
import { Shell } from './shell.tsx';

const SignedIn = lazyPage('signedIn', (m) => m.default);

export function App({ cognito, stage }: { cognito: CognitoClient; stage: string }) {
  const session = useSession();
  return (
    <Router>
      {session ? (
        <Suspense
          fallback={
            <Shell>
              <Loading />
            </Shell>
          }
        >
          <SignedIn key={session.email} cognito={cognito} />
        </Suspense>
      ) : (
        <Shell>
          <SignInPage cognito={cognito} stage={stage} />
        </Shell>
      )}
    </Router>
  );
}
