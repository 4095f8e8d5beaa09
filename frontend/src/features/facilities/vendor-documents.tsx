import { type FacilityVendorDocuments, routes } from '@mcr/contract';
import { useState } from 'react';
import { Alert } from '../../components/feedback.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { formatBytes, openShortLived } from '../evidence/open-link.ts';
import { FV } from './facility-vendor-messages.ts';

type Doc = FacilityVendorDocuments['documents'][number];

/** Asks for a fresh short-lived link on the click and opens it. */
function DownloadButton({ vendorId, doc }: { vendorId: string; doc: Doc }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Localized | undefined>();
  const open = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const link = await callRoute(routes['documents.link'], {
        params: { vendorId, documentId: doc.documentId, version: String(doc.version) },
      });
      openShortLived(link.url);
    } catch (err) {
      setError(err instanceof ApiError ? err.text : M.unexpected);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button secondary small"
        disabled={busy}
        aria-label={t(FV.downloadFor(`${doc.kind} ${doc.product} ${doc.fileName}`))}
        onClick={() => void open()}
      >
        {busy ? t(FV.opening) : t(FV.download)}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </>
  );
}

/** The current MDS/SDS of one contracted vendor that apply to this facility, or the flag that there is none. */
export function VendorDocuments({ vendor }: { vendor: FacilityVendorDocuments }) {
  const { t, lang } = useI18n();
  const headingId = `docs-${vendor.vendorId}`;
  return (
    <section aria-labelledby={headingId} className="vendor-part" data-testid={`vendor-documents-${vendor.vendorId}`}>
      <h4 id={headingId}>{t(FV.documentsTitle)}</h4>
      {!vendor.hasCurrent || vendor.documents.length === 0 ? (
        <Alert tone="warning" live={false} title={t(FV.noCurrent)}>
          <p>{t(FV.noCurrentBody)}</p>
        </Alert>
      ) : (
        <div className="table-wrap">
          <table className="table compact-table">
            <caption className="sr-only">
              {vendor.vendorName} {t(FV.documentsTitle)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(FV.colKind)}</th>
                <th scope="col">{t(FV.colProduct)}</th>
                <th scope="col">{t(FV.colIssued)}</th>
                <th scope="col">{t(FV.colJahis)}</th>
                <th scope="col">{t(FV.colFile)}</th>
                <th scope="col">
                  <span className="sr-only">{t(FV.download)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {vendor.documents.map((d) => (
                <tr key={`${d.documentId}-${d.version}`} data-testid={`document-${d.documentId}`}>
                  <td>
                    <span className="badge doc-kind">{d.kind}</span>
                  </td>
                  <th scope="row">
                    {d.product}
                    {d.productVersion ? <span className="muted"> {d.productVersion}</span> : null}
                  </th>
                  <td>{formatDate(d.issuedOn, lang)}</td>
                  <td>{d.jahisFormatVersion}</td>
                  <td className="file-name">
                    {d.fileName} <span className="muted">({formatBytes(d.size)})</span>
                  </td>
                  <td>
                    <DownloadButton vendorId={vendor.vendorId} doc={d} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
