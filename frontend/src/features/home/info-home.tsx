import { Page } from '../../app/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';

/** Vendors and the operator: what they will be able to do here (their features come later). */
export function InfoHome({ kind }: { kind: 'vendor' | 'operator' }) {
  const { t } = useI18n();
  const title = kind === 'vendor' ? M.vendorHomeTitle : M.operatorHomeTitle;
  const body = kind === 'vendor' ? M.vendorHomeBody : M.operatorHomeBody;
  return (
    <Page title={t(title)}>
      <section className="card">
        <p>{t(body)}</p>
      </section>
    </Page>
  );
}
