import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatFiscalYear } from '../../lib/dates.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { CC } from './messages.ts';
import { ccPaths } from './paths.ts';
import './contact-chart.css';

/** Dashboard figure: facilities with a 連絡体制図 updated or checked this fiscal year (a read model), per 保健所. */
export function ContactChartCoverageCard() {
  const { t, lang } = useI18n();
  const q = useApiQuery('contactCharts.coverage');
  if (!q.data) return null;
  const { fiscalYear, current, total, byHealthCenter } = q.data;
  const pct = (a: number, b: number) => (b ? ((a / b) * 100).toFixed(1) : '0.0');
  return (
    <section className="card dash-section" aria-labelledby="cc-card-title">
      <h2 id="cc-card-title">{t(CC.cardTitle(formatFiscalYear(fiscalYear, lang)))}</h2>
      <p className="hint">{t(CC.cardLead)}</p>
      <p className="cc-card-figure">
        {t(CC.cardFigure(current, total))} <span className="hint">({t(CC.rate(pct(current, total)))})</span>
      </p>
      {byHealthCenter.length > 1 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls sideways; the keyboard must reach it
        <section className="table-wrap" aria-labelledby="cc-card-title" tabIndex={0}>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t(CC.healthCenter)}</th>
                <th scope="col">{t(CC.current)}</th>
              </tr>
            </thead>
            <tbody>
              {byHealthCenter.map((h) => (
                <tr key={h.healthCenterId}>
                  <th scope="row">
                    <Link to={`${ccPaths.list()}?hc=${encodeURIComponent(h.healthCenterId)}`}>{h.name}</Link>
                  </th>
                  <td>
                    {t(CC.cardFigure(h.current, h.total))} ({t(CC.rate(pct(h.current, h.total)))})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <p className="no-print">
        <Link to={ccPaths.list()}>{t(CC.cardLink)}</Link>
      </p>
    </section>
  );
}
