import { refreshSession } from './auth-flow.ts';
import type { CognitoClient } from './cognito-client.ts';
import { clearSession, getSession, setSession } from './session.ts';

const EARLY_MS = 60_000;
let refreshing: Promise<string | null> | null = null;

/** The access token, renewed shortly before it expires when a refresh token allows; null when signed out. */
export function validAccessToken(cognito: CognitoClient): Promise<string | null> {
  const session = getSession();
  if (!session) return Promise.resolve(null);
  if (session.expiresAt - Date.now() > EARLY_MS) return Promise.resolve(session.accessToken);
  refreshing ??= refreshSession(cognito, session)
    .then((next) => {
      if (next) {
        setSession(next);
        return next.accessToken;
      }
      return session.expiresAt > Date.now() ? session.accessToken : null;
    })
    .catch(() => (session.expiresAt > Date.now() ? session.accessToken : null))
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** Ends the session here and, best effort, revokes the refresh token at Cognito. */
export function signOut(cognito: CognitoClient): void {
  const refreshToken = getSession()?.refreshToken;
  clearSession('signed-out');
  if (refreshToken) cognito.revoke(refreshToken).catch(() => undefined);
}
