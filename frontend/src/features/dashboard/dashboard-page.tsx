import { type BreakdownRow, type Dashboard, RESPONSE_STATUSES } from '@mcr/contract';
import { READINESS_LEVELS, SCORE_BANDS as READINESS_BANDS } from '@mcr/domain';
import { type ReactNode, startTransition, useEffect, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { levelLabel } from '../../components/readiness.tsx';
import { formatDate, formatFiscalYear, formatPercent } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { formatCount } from '../../lib/text.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { type BarDatum, ChartFigure, ColumnChart, HBarChart } from './charts.tsx';
import { D } from './dashboard-messages.ts';
import { DiscrepancyCard } from './discrepancy-card.tsx';
import { CoverageCard } from '../trainings/coverage-card.tsx';
import { ContactChartCoverageCard } from '../contact-chart/coverage-card.tsx'; // contact-chart
import { IncidentsCard } from '../incidents/incidents-card.tsx'; // incidents
import { type Dimension, type Drill, drillTo, sliceFilter } from './drill.ts';
import { WeakestItems } from './heatmap.tsx';
import { share, submitted } from './numbers.ts';
import { FollowUpList } from './lists.tsx';
import { Trend } from './trend.tsx';
import './dashboard.css';
// bcp:begin
import { BM } from '../bcp/bcp-messages.ts';
import { CampaignSwitch } from './campaign-switch.tsx';
// bcp:end

function NumberCard({ title, value, testId, children }: { title: string; value: ReactNode; testId: string; children?: ReactNode }) {
  return (
    <li className="kpi" data-testid={testId}>
      <h3 className="kpi-title">{title}</h3>
      <p className="kpi-value">{value}</p>
      {children}
    </li>
  );
}

function Headline({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const s = data.summary;
  const to = (d: Drill) => drillTo(data.campaign.id, d);
  const done = submitted(s);
  return (
    <section className="dash-section" aria-labelledby="headline-heading">
      <h2 id="headline-heading" className="sr-only">
        {t(D.headline)}
      </h2>
      <ul className="kpis">
        <NumberCard title={t(D.submissionRate)} value={<span data-testid="kpi-submission-rate">{share(done, s.facilities)}</span>} testId="kpi-submission">
          <p className="kpi-sub" data-testid="kpi-submitted-of">
            {t(D.submittedOf(done, s.facilities))}
          </p>
          <ul className="kpi-links">
            <li>
              <Link to={to({ status: 'submitted' })}>
                {t(M.status.submitted)} {formatCount(s.byStatus.submitted ?? 0)}
              </Link>
            </li>
            <li>
              <Link to={to({ status: 'confirmed' })}>
                {t(M.status.confirmed)} {formatCount(s.byStatus.confirmed ?? 0)}
              </Link>
            </li>
            <li>
              <Link to={to({ status: 'returned' })} data-testid="kpi-returned">
                {t(D.returnedNow(s.byStatus.returned ?? 0))}
              </Link>
            </li>
          </ul>
        </NumberCard>
        <NumberCard title={t(D.meanScore)} value={<span data-testid="kpi-mean-score">{formatPercent(s.meanScore)}</span>} testId="kpi-mean">
          <p className="kpi-sub">{s.scored > 0 ? t(D.meanScoreOf(s.scored)) : t(D.meanScoreNone)}</p>
          <ul className="kpi-links">
            <li>
              <Link to={to({ sort: 'score', dir: 'asc' })}>{t(D.seeFacilities)}</Link>
            </li>
          </ul>
        </NumberCard>
        <NumberCard
          title={t(D.overdue)}
          value={
            <Link to={to({ overdue: true })} data-testid="kpi-overdue-link">
              <span data-testid="kpi-overdue">{t(D.facilities(s.overdueFacilities))}</span>
            </Link>
          }
          testId="kpi-overdue-card"
        >
          <p className="kpi-sub">{t(D.overdueOf(s.overdueCells))}</p>
        </NumberCard>
        <NumberCard
          title={t(D.missingFirst)}
          value={
            <Link to={to({ missingFirst: true })} data-testid="kpi-missing-link">
              <span data-testid="kpi-missing-first">{t(D.facilities(s.missingFirstFacilities))}</span>
            </Link>
          }
          testId="kpi-missing-card"
        >
          <p className="kpi-sub">{t(D.missingFirstOf(s.missingFirstCells))}</p>
        </NumberCard>
      </ul>
    </section>
  );
}

const LEVEL_TONE: Record<string, string> = {
  complete: 'tone-complete',
  mostly: 'tone-mostly',
  partial: 'tone-partial',
  'action-needed': 'tone-action-needed',
  'not-applicable': 'tone-na',
};
const BAND_TONE: Record<string, string> = {
  na: 'tone-na',
  '0-19': 'tone-action-needed',
  '20-39': 'tone-action-needed',
  '40-59': 'tone-partial',
  '60-79': 'tone-partial',
  '80-99': 'tone-mostly',
  '100': 'tone-complete',
};

function CountTable({
  caption,
  head,
  rows,
  total,
}: {
  caption: string;
  head: string;
  rows: { key: string; label: string; value: number; href?: string }[];
  total: number;
}) {
  const { t } = useI18n();
  return (
    <table className="table compact-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="num">
            {t(D.colCount)}
          </th>
          <th scope="col" className="num">
            {t(D.colShare)}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.href ? <Link to={r.href}>{formatCount(r.value)}</Link> : formatCount(r.value)}</td>
            <td className="num">{share(r.value, total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Distribution({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const s = data.summary;
  const levels = READINESS_LEVELS.map((l) => ({
    key: l.id,
    label: t(levelLabel(l.id)),
    sub: t(D.levelRange[l.id] ?? { ja: '' }),
    value: s.byLevel[l.id] ?? 0,
    text: t(D.facilities(s.byLevel[l.id] ?? 0)),
    tone: LEVEL_TONE[l.id] ?? 'tone-na',
    href: drillTo(data.campaign.id, { scoreBand: l.id }),
  })) satisfies BarDatum[];
  const bands = READINESS_BANDS.map((b) => ({
    key: b,
    label: t(D.band[b] ?? { ja: b }),
    short: t(D.bandShort[b] ?? { ja: b }),
    value: s.byScoreBand[b] ?? 0,
    text: formatCount(s.byScoreBand[b] ?? 0),
    tone: BAND_TONE[b] ?? 'tone-na',
  })) satisfies BarDatum[];
  const statuses = RESPONSE_STATUSES.map((st) => ({
    key: st,
    label: t(M.status[st]),
    value: s.byStatus[st] ?? 0,
    text: t(D.facilities(s.byStatus[st] ?? 0)),
    tone: `tone-status-${st}`,
    href: drillTo(data.campaign.id, { status: st }),
  })) satisfies BarDatum[];
  return (
    <section className="card dash-section" aria-labelledby="distribution-heading">
      <h2 id="distribution-heading">{t(D.distributionSection)}</h2>
      <p className="hint">{t(D.distributionLead)}</p>
      <div className="chart-grid">
        <ChartFigure
          title={t(D.distribution)}
          testId="chart-levels"
          table={
            <CountTable
              caption={t(D.distribution)}
              head={t(D.colLevel)}
              rows={levels.map((l) => ({ ...l, label: `${l.label}（${l.sub}）` }))}
              total={s.facilities}
            />
          }
        >
          {(id) => <HBarChart data={levels} title={t(D.distribution)} labelledBy={id} />}
        </ChartFigure>
        <ChartFigure
          title={t(D.bandsDetail)}
          testId="chart-bands"
          table={<CountTable caption={t(D.bandsDetail)} head={t(D.colBand)} rows={bands} total={s.facilities} />}
        >
          {() => <ColumnChart data={bands.map((b) => ({ ...b, label: b.short }))} title={t(D.bandsDetail)} axis={t(D.bandsAxis)} />}
        </ChartFigure>
      </div>
      <div className="chart-grid single">
        <ChartFigure
          title={t(D.statusChart)}
          lead={t(D.statusLead)}
          testId="chart-status"
          table={<CountTable caption={t(D.statusChart)} head={t(D.colStatus)} rows={statuses} total={s.facilities} />}
        >
          {(id) => <HBarChart data={statuses} title={t(D.statusChart)} labelledBy={id} labelWidth={110} />}
        </ChartFigure>
      </div>
    </section>
  );
}

function BreakdownTable({ title, by, rows, campaignId, testId }: { title: string; by: Dimension; rows: BreakdownRow[]; campaignId: string; testId: string }) {
  const { t, lang } = useI18n();
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap breakdown" data-testid={testId}>
      <table className="table compact-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t(D.by[by] ?? { ja: by })}</th>
            <th scope="col" className="num">
              {t(D.colFacilities)}
            </th>
            <th scope="col" className="num">
              {t(D.colSubmission)}
            </th>
            <th scope="col" className="num">
              {t(D.colMean)}
            </th>
            <th scope="col" className="num">
              {t(D.colOverdue)}
            </th>
            <th scope="col" className="num">
              {t(D.colMissingFirst)}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const f = sliceFilter(by, r.value);
            const s = r.summary;
            const to = (d: Drill) => drillTo(campaignId, { ...f, ...d });
            return (
              <tr key={r.value} data-testid={`${testId}-${r.value}`}>
                <th scope="row" lang={lang === 'en' && r.label.en ? 'en' : 'ja'}>
                  <Link to={to({})}>{t(r.label)}</Link>
                </th>
                <td className="num">{formatCount(s.facilities)}</td>
                <td className="num">
                  <Link to={to({ status: 'submitted' })} title={t(D.submittedOf(submitted(s), s.facilities))}>
                    {share(submitted(s), s.facilities)}
                  </Link>
                  <span className="row-sub">{t(D.submittedOf(submitted(s), s.facilities))}</span>
                </td>
                <td className="num">
                  <Link to={to({ sort: 'score', dir: 'asc' })}>{formatPercent(s.meanScore)}</Link>
                </td>
                <td className="num">{s.overdueFacilities > 0 ? <Link to={to({ overdue: true })}>{formatCount(s.overdueFacilities)}</Link> : '0'}</td>
                <td className="num">
                  {s.missingFirstFacilities > 0 ? <Link to={to({ missingFirst: true })}>{formatCount(s.missingFirstFacilities)}</Link> : '0'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Breakdowns({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const b = data.breakdowns;
  const id = data.campaign.id;
  return (
    <section className="card dash-section print-break" aria-labelledby="breakdowns-heading">
      <h2 id="breakdowns-heading">{t(D.breakdowns)}</h2>
      <p className="hint">{t(D.breakdownsLead)}</p>
      <BreakdownTable title={t(D.by.hc ?? { ja: '' })} by="hc" rows={b.healthCenters} campaignId={id} testId="breakdown-hc" />
      <BreakdownTable title={t(D.by.area ?? { ja: '' })} by="area" rows={b.areas} campaignId={id} testId="breakdown-area" />
      <BreakdownTable title={t(D.by.kind ?? { ja: '' })} by="kind" rows={b.kinds} campaignId={id} testId="breakdown-kind" />
      <BreakdownTable title={t(D.by.size ?? { ja: '' })} by="size" rows={b.sizes} campaignId={id} testId="breakdown-size" />
    </section>
  );
}

/**
 * False on the first render, true right after it in a transition: the tables far below the first screen are
 * rendered in slices React can interrupt, not in the one long task that shows the page.
 */
function useSecondPass(shown: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (shown) startTransition(() => setReady(true));
  }, [shown]);
  return ready;
}

/** The prefecture's (or a 保健所's) picture of one survey: headline numbers, charts, weakest items, breakdowns, trend. */
export function DashboardPage({ campaignId }: { campaignId: string }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const q = useApiQuery('dashboard.get', { params: { campaignId } });
  const later = useSecondPass(q.isSuccess);
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  const { campaign } = data;
  const scope = data.scope.kind === 'health_center' ? t(D.scopeHealthCenter(data.scope.name)) : t(D.scopePrefecture(me.tenant?.name ?? ''));
  return (
    <div className="dashboard">
      <Page
        title={`${t(campaign.title)} — ${t(D.title)}`}
        lead={
          <>
            <span data-testid="dashboard-scope">{scope}</span> ・ {formatFiscalYear(campaign.fiscalYear, lang)} ・ {t(D.asOf(formatDate(data.asOf, lang)))}
          </>
        }
        actions={
          <button type="button" className="button secondary no-print" onClick={() => window.print()}>
            {t(D.print)}
          </button>
        }
      >
        <p className="back no-print">
          <Link to={paths.home()}>← {t(D.back)}</Link> ・ <Link to={paths.progress(campaign.id)}>{t(D.openTable)}</Link>
        </p>
        {/* bcp:begin — the survey shown (checklist or BCP 確認表); the BCP has no vendor counterpart to cross-check */}
        <CampaignSwitch campaignId={campaign.id} />
        {campaign.form === 'bcp' ? <p className="hint">{t(BM.dashboardNote)}</p> : null}
        {/* bcp:end */}
        {/* incidents:begin */}
        <IncidentsCard />
        {/* incidents:end */}
        {data.summary.facilities === 0 ? <p className="card empty">{t(D.noFacilities)}</p> : null}
        <Headline data={data} />
        {campaign.form === 'bcp' ? null : <DiscrepancyCard data={data} />}
        {/* trainings: the fiscal year's training coverage per 保健所 */}
        <CoverageCard showLink />
        {/* contact-chart:begin */}
        <ContactChartCoverageCard />
        {/* contact-chart:end */}
        <Distribution data={data} />
        <WeakestItems campaignId={campaign.id} inspector={data.scope.kind === 'health_center'} />
        {later ? <Breakdowns data={data} /> : null}
        <FollowUpList campaignId={campaign.id} total={data.summary.overdueFacilities} which="overdue" />
        <FollowUpList campaignId={campaign.id} total={data.summary.missingFirstFacilities} which="missingFirst" />
        {later ? <Trend data={data} /> : null}
      </Page>
    </div>
  );
}
