import { Page } from '../../app/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';

/** Vendors: what they will be able to do here (their features come later). */
export function InfoHome() {
  const { t } = useI18n();
  return (
    <Page title={t(M.vendorHomeTitle)}>
      <section className="card">
        <p>{t(M.vendorHomeBody)}</p>
      </section>
    </Page>
  );
}
