import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePagedQuery } from '../../lib/use-paged-query.ts';

const n = (v: number) => v.toLocaleString('en-US');

/** Texts of the card (issue 8: "the prefecture sees which contracted vendors have nothing current on file"). */
const MD = {
  title: { ja: 'MDS/SDS が届いていない事業者', en: 'Vendors without a current MDS/SDS' }, // stable (ja)
  lead: {
    ja: '契約している医療機関があるのに、そのシステムに該当する最新の MDS/SDS (医療情報セキュリティ開示書) が登録されていない事業者です。事業者名から、その事業者の医療機関と回答を確認できます。',
    en: 'Vendors with contracted facilities whose systems no current MDS/SDS (security disclosure) on file covers. Open a vendor to see its facilities and answers.',
  },
  none: { ja: 'すべての事業者から、契約中のシステムに該当する MDS/SDS が登録されています。', en: 'Every contracted vendor has a current MDS/SDS on file.' },
  colVendor: { ja: '事業者', en: 'Vendor' },
  colContracted: { ja: '契約している医療機関', en: 'Contracted facilities' },
  colWithout: { ja: 'うち MDS/SDS のない医療機関', en: 'Of those, without an MDS/SDS' },
  colState: { ja: '登録状況', en: 'On file' },
  noDocuments: { ja: '1 件も登録なし', en: 'None at all' },
  partly: { ja: '一部のシステムのみ', en: 'Some systems only' },
  facilities: (k: number) => ({ ja: `${n(k)} 施設`, en: `${n(k)}` }),
  more: { ja: '続きの事業者を確認する', en: 'Check more vendors' },
  loadingMore: { ja: '確認しています…', en: 'Checking…' },
};

/** The prefecture's (or a 保健所's) list of contracted vendors with nothing current on file, paged over vendors. */
export function MissingDocumentsCard() {
  const { t } = useI18n();
  const list = usePagedQuery('documents.missing');
  return (
    <section className="card flush" aria-labelledby="missing-docs-heading" data-testid="missing-documents">
      <h2 id="missing-docs-heading" className="pad">
        {t(MD.title)}
      </h2>
      <p className="pad muted">{t(MD.lead)}</p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && list.items.length === 0 && !list.hasNextPage ? <p className="pad">{t(MD.none)}</p> : null}
      {list.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t(MD.title)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(MD.colVendor)}</th>
                <th scope="col" className="num">
                  {t(MD.colContracted)}
                </th>
                <th scope="col" className="num">
                  {t(MD.colWithout)}
                </th>
                <th scope="col">{t(MD.colState)}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((v) => (
                <tr key={v.vendorId} data-testid={`missing-${v.vendorId}`}>
                  <th scope="row">
                    <Link to={paths.vendor(v.vendorId)}>{v.vendorName}</Link>
                  </th>
                  <td className="num">{t(MD.facilities(v.contractedFacilities))}</td>
                  <td className="num">{t(MD.facilities(v.facilitiesWithout))}</td>
                  <td>{t(v.noDocuments ? MD.noDocuments : MD.partly)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <div className="pad">
          <button type="button" className="button secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t(list.isFetchingNextPage ? MD.loadingMore : MD.more)}
          </button>
        </div>
      ) : null}
    </section>
  );
}
