import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { preloadFor } from './app/page-chunks.ts';
import { loadConfig } from './config.ts';
import { createCognitoClient } from './features/auth/cognito-client.ts';
import { clearSession, getSession } from './features/auth/session.ts';
import { validAccessToken } from './features/auth/tokens.ts';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { M } from './i18n/messages.ts';
import { configureApi } from './lib/api-client.ts';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

function ConfigError({ detail }: { detail: string }) {
  const { t } = useI18n();
  return (
    <main className="main" id="main">
      <div className="alert alert-error" role="alert">
        <h1 className="alert-title">{t(M.configError)}</h1>
        <p>{t(M.unexpectedBody)}</p>
        <p className="muted" lang="en">
          {detail}
        </p>
      </div>
    </main>
  );
}

// Opened signed in (a reload, a link): the shell and the page load alongside /config.json, not one after the other.
if (getSession()) preloadFor(location.pathname);

try {
  const config = await loadConfig();
  const cognito = createCognitoClient(config.cognitoEndpoint, config.userPoolClientId);
  configureApi({ apiBase: config.apiBase, accessToken: () => validAccessToken(cognito), onUnauthenticated: () => clearSession('expired') });
  root.render(
    <StrictMode>
      <I18nProvider>
        <App cognito={cognito} stage={config.stage} />
      </I18nProvider>
    </StrictMode>,
  );
} catch (err) {
  root.render(
    <I18nProvider>
      <ConfigError detail={err instanceof Error ? err.message : String(err)} />
    </I18nProvider>,
  );
}
