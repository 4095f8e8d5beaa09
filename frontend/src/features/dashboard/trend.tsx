import type { Dashboard } from '@mcr/contract';
import { formatFiscalYear, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { type BarDatum, ChartFigure, HBarChart } from './charts.tsx';
import { D } from './dashboard-messages.ts';
import { submitted } from './numbers.ts';

const ROUNDS = ['1', '2', '3'] as const;
const pct = (v: number | null) => (v === null ? null : Math.floor(v * 100));

/** Readiness across the rounds of this survey, and this survey against the previous fiscal year's. */
export function Trend({ data }: { data: Dashboard }) {
  const { t, lang } = useI18n();
  const s = data.summary;
  const rounds = ROUNDS.map((r) => ({ round: Number(r), ...(s.rounds[r] ?? { meanScore: null, facilities: 0 }) })).filter(
    (r, i) => i === 0 || r.facilities > 0,
  );
  const roundBars = [
    ...rounds.map((r) => ({
      key: `r${r.round}`,
      label: t(M.round(r.round)),
      sub: r.facilities > 0 ? t(D.facilities(r.facilities)) : undefined,
      value: (pct(r.meanScore) ?? 0) / 100,
      text: r.meanScore === null ? t(D.roundNone) : formatPercent(r.meanScore),
      tone: `tone-round-${r.round}`,
    })),
    {
      key: 'now',
      label: t(D.latest),
      sub: t(D.latestOf(s.scored)),
      value: (pct(s.meanScore) ?? 0) / 100,
      text: s.meanScore === null ? t(D.roundNone) : formatPercent(s.meanScore),
      tone: 'tone-this-year',
    },
  ] satisfies BarDatum[];

  const prev = data.previous;
  const rate = (x: typeof s) => (x.facilities > 0 ? submitted(x) / x.facilities : null);
  const measures = prev
    ? [
        { key: 'rate', label: t(D.colSubmission), now: rate(s), before: rate(prev.summary) },
        { key: 'mean', label: t(D.colMean), now: s.meanScore, before: prev.summary.meanScore },
      ]
    : [];
  const thisLabel = `${t(D.thisYear)} ${formatFiscalYear(data.campaign.fiscalYear, lang)}`;
  const lastLabel = prev ? `${t(D.lastYear)} ${formatFiscalYear(prev.campaign.fiscalYear, lang)}` : '';
  const yearBars = measures.flatMap((m) => [
    { key: `${m.key}-before`, label: m.label, sub: lastLabel, value: m.before ?? 0, text: formatPercent(m.before), tone: 'tone-last-year' },
    { key: `${m.key}-now`, label: m.label, sub: thisLabel, value: m.now ?? 0, text: formatPercent(m.now), tone: 'tone-this-year' },
  ]) satisfies BarDatum[];
  const diff = (now: number | null, before: number | null) => {
    const a = pct(now);
    const b = pct(before);
    return a === null || b === null ? '—' : t(D.points(a - b));
  };

  return (
    <section className="card dash-section" aria-labelledby="trend-heading" data-testid="trend">
      <h2 id="trend-heading">{t(D.trend)}</h2>
      <div className="chart-grid">
        <ChartFigure
          title={t(D.trendRounds)}
          lead={t(D.trendRoundsLead)}
          testId="chart-rounds"
          table={
            <table className="table compact-table">
              <caption>{t(D.trendRounds)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(D.colRound)}</th>
                  <th scope="col" className="num">
                    {t(D.colMean)}
                  </th>
                  <th scope="col" className="num">
                    {t(D.colCount)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.round}>
                    <th scope="row">{t(M.round(r.round))}</th>
                    <td className="num">{formatPercent(r.meanScore)}</td>
                    <td className="num">{r.facilities}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t(D.latest)}</th>
                  <td className="num">{formatPercent(s.meanScore)}</td>
                  <td className="num">{s.scored}</td>
                </tr>
              </tbody>
            </table>
          }
        >
          {() => <HBarChart data={roundBars} title={t(D.trendRounds)} max={1} labelWidth={110} />}
        </ChartFigure>
        {prev ? (
          <ChartFigure
            title={t(D.trendYears)}
            testId="chart-years"
            table={
              <table className="table compact-table">
                <caption>{t(D.trendYears)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(D.colWhat)}</th>
                    <th scope="col" className="num">
                      {lastLabel}
                    </th>
                    <th scope="col" className="num">
                      {thisLabel}
                    </th>
                    <th scope="col" className="num">
                      {t(D.change)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {measures.map((m) => (
                    <tr key={m.key}>
                      <th scope="row">{m.label}</th>
                      <td className="num">{formatPercent(m.before)}</td>
                      <td className="num">{formatPercent(m.now)}</td>
                      <td className="num">{diff(m.now, m.before)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          >
            {() => <HBarChart data={yearBars} title={t(D.trendYears)} max={1} labelWidth={170} />}
          </ChartFigure>
        ) : (
          <div className="chart-figure">
            <h3>{t(D.trendYears)}</h3>
            <p data-testid="no-previous">{t(D.trendYearsNone)}</p>
          </div>
        )}
      </div>
    </section>
  );
}
