import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';

function Fallback() {
  const { t } = useI18n();
  return (
    <main className="main" id="main">
      <div className="alert alert-error" role="alert">
        <p className="alert-title">{t(M.unexpected)}</p>
        <p>{t(M.unexpectedBody)}</p>
        <button type="button" className="button primary" onClick={() => location.reload()}>
          {t(M.reloadPage)}
        </button>
      </div>
    </main>
  );
}

/** Last resort: a render error shows a calm message instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
