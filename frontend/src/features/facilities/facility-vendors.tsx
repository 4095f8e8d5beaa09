import { LoadError, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { FV } from './facility-vendor-messages.ts';
import { VendorAnswers } from './vendor-answers.tsx';
import { VendorDocuments } from './vendor-documents.tsx';
import './facility-vendors.css';

/**
 * 「事業者の回答と MDS/SDS」: per contracted vendor, its answers to the vendor form (mirrored to this facility's
 * items) and its current MDS/SDS with a download; a vendor with nothing current on file is flagged.
 */
export function FacilityVendors({ facilityId }: { facilityId: string }) {
  const { t } = useI18n();
  const docs = useApiQuery('facilities.documents', { params: { facilityId } });
  const answers = useApiQuery('facilities.vendorAnswers', { params: { facilityId } });
  // Each vendor's latest vendor survey (the route lists the newest first).
  const answersOf = (vendorId: string) => answers.data?.items.find((a) => a.vendorId === vendorId);
  const vendors = docs.data?.items ?? [];
  const missing = vendors.filter((v) => !v.hasCurrent).length;
  return (
    <section className="card" aria-labelledby="vendors-heading" data-testid="facility-vendors">
      <div className="section-head">
        <h2 id="vendors-heading">{t(FV.vendorsTitle)}</h2>
        {missing > 0 ? (
          <span className="badge doc-missing" data-testid="vendors-missing">
            {t(FV.missingCount(missing))}
          </span>
        ) : null}
      </div>
      <p className="muted">{t(FV.vendorsLead)}</p>
      {docs.isPending ? <Loading /> : null}
      {docs.isError ? <LoadError error={docs.error} onRetry={() => void docs.refetch()} /> : null}
      {docs.isSuccess && vendors.length === 0 ? <p>{t(FV.vendorsNone)}</p> : null}
      {vendors.map((v) => (
        <article key={v.vendorId} className="vendor-block" aria-labelledby={`vendor-${v.vendorId}`} data-testid={`vendor-${v.vendorId}`}>
          <div className="vendor-block-head">
            <h3 id={`vendor-${v.vendorId}`}>{v.vendorName}</h3>
            <ul className="tag-list">
              {v.systems.map((s) => (
                <li key={s} className="badge">
                  {t(M.systemKind(s))}
                </li>
              ))}
            </ul>
            {v.hasCurrent ? null : <span className="badge doc-missing">{t(FV.noCurrent)}</span>}
          </div>
          <VendorDocuments vendor={v} />
          <VendorAnswers facilityId={facilityId} answers={answersOf(v.vendorId)} vendorName={v.vendorName} />
        </article>
      ))}
    </section>
  );
}
