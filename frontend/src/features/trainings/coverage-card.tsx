import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { formatFiscalYear } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApiQuery } from '../../lib/use-api.ts';
import { formatCount } from '../../lib/text.ts';
import { TM } from './messages.ts';
import './trainings.css';

/**
 * Training coverage of the fiscal year: per slice (the whole prefecture, each 保健所; a 保健所 sees its own) the
 * facilities with at least one attended session against all its facilities, from the coverage read model.
 * Shown on the dashboard and on the trainings page.
 */
export function CoverageCard({ fiscalYear, showLink = false }: { fiscalYear?: number | undefined; showLink?: boolean }) {
  const { t, lang } = useI18n();
  const q = useApiQuery('trainings.coverage', { query: fiscalYear ? { fiscalYear } : {} });
  return (
    <section className="card dash-section training-coverage" aria-labelledby="training-coverage-heading" data-testid="training-coverage">
      <div className="section-head">
        <h2 id="training-coverage-heading">{t(TM.coverageTitle)}</h2>
        {showLink ? (
          <Link to={paths.trainings()} className="no-print">
            {t(TM.coverageOpen)}
          </Link>
        ) : null}
      </div>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isSuccess ? (
        <>
          <p className="hint">{t(TM.coverageLead(formatFiscalYear(q.data.fiscalYear, lang)))}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls sideways; the keyboard must reach it */}
          <section className="table-wrap" tabIndex={0} aria-labelledby="training-coverage-heading">
            <table className="table compact-table">
              <thead>
                <tr>
                  <th scope="col">{t(TM.coverageSlice)}</th>
                  <th scope="col" className="num">
                    {t(TM.coverageCovered)}
                  </th>
                  <th scope="col" className="num">
                    {t(TM.coverageAll)}
                  </th>
                  <th scope="col">{t(TM.coverageShare)}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.slices.map((s) => {
                  const pct = s.facilities > 0 ? Math.floor((s.covered / s.facilities) * 100) : 0;
                  const name = s.slice === 'pref' ? t(TM.coveragePref) : s.name;
                  return (
                    <tr key={s.slice} data-testid={`coverage-${s.slice}`} className={s.slice === 'pref' ? 'total-row' : undefined}>
                      <th scope="row">{name}</th>
                      <td className="num" data-testid={`coverage-${s.slice}-covered`}>
                        {formatCount(s.covered)}
                      </td>
                      <td className="num">{formatCount(s.facilities)}</td>
                      <td>
                        <span className="coverage-bar" aria-hidden="true">
                          <span style={{ width: `${pct}%` }} />
                        </span>{' '}
                        <span className="num">{pct}%</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </section>
  );
}
