import type { Campaign } from '@mcr/contract';
import { fiscalYearOf, todayInJapan } from '@mcr/domain';
import { Page } from '../../app/page.tsx';
import { IncidentCallout } from '../incidents/incident-callout.tsx'; // incidents
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { roundDeadlines } from '../../components/deadlines.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { AnsweredBar, Readiness } from '../../components/readiness.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { daysFromToday, formatDate, formatFiscalYear } from '../../i18n/format.ts';
import { M } from '../../i18n/messages.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { LM } from '../progress/lifecycle-messages.ts'; // campaign-lifecycle

// campaign-lifecycle:begin
/**
 * The facility's deadline (its extension when the prefecture granted one) with 「あと N 日」 while the survey is open
 * in the current fiscal year; a closed survey says so, and one of a fiscal year that is over says the year has
 * ended instead of counting hundreds of days overdue.
 */
function DeadlineText({ campaign, done }: { campaign: Campaign; done: boolean }) {
  const { t, lang } = useI18n();
  const deadline = campaign.facilityDeadline ?? campaign.deadline;
  const days = daysFromToday(deadline);
  const closed = (campaign.status ?? 'open') !== 'open';
  const yearOver = campaign.fiscalYear < fiscalYearOf(todayInJapan());
  const rel = done || closed || yearOver ? null : days > 0 ? M.daysLeft(days) : days === 0 ? M.dueToday : M.daysOverdue(-days);
  return (
    <>
      {campaign.facilityDeadline ? t(LM.facilityDeadline(formatDate(deadline, lang), formatDate(campaign.deadline, lang))) : formatDate(deadline, lang)}
      {rel ? <span className={days < 0 ? 'overdue' : days <= 7 ? 'soon' : 'muted'}>（{t(rel)}）</span> : null}
      {closed ? <span className="muted">（{t(LM.statusLabel.closed)}）</span> : null}
      {!closed && !done && yearOver ? <span className="muted">（{t(LM.yearOver(formatFiscalYear(campaign.fiscalYear, lang)))}）</span> : null}
    </>
  );
}

/** Open surveys of the current fiscal year first (soonest deadline first), then the rest, newest year first. */
function taskOrder(a: { campaign: Campaign }, b: { campaign: Campaign }): number {
  const fy = fiscalYearOf(todayInJapan());
  const live = (c: Campaign) => ((c.status ?? 'open') === 'open' && c.fiscalYear >= fy ? 0 : 1);
  return (
    live(a.campaign) - live(b.campaign) ||
    (live(a.campaign) === 0
      ? (a.campaign.facilityDeadline ?? a.campaign.deadline).localeCompare(b.campaign.facilityDeadline ?? b.campaign.deadline)
      : b.campaign.fiscalYear - a.campaign.fiscalYear || b.campaign.deadline.localeCompare(a.campaign.deadline))
  );
}
// campaign-lifecycle:end

/** Facility home: the surveys to answer, most urgent first. */
export function TasksPage() {
  const { t, lang } = useI18n();
  const [tasks, reload] = asLoaded(useApiQuery('tasks.list'));
  return (
    <Page title={t(M.tasksTitle)} lead={t(M.tasksLead)}>
      {/* incidents:begin */}
      <IncidentCallout />
      {/* incidents:end */}
      {tasks.state === 'loading' ? <Loading /> : null}
      {tasks.state === 'error' ? <LoadError error={tasks.error} onRetry={reload} /> : null}
      {tasks.state === 'ok' && tasks.data.items.length === 0 ? (
        <section className="card empty">
          <p>{t(M.tasksEmpty)}</p>
          <p className="muted">{t(M.facilityNoTasksHint)}</p>
        </section>
      ) : null}
      {tasks.state === 'ok' && tasks.data.items.length > 0 ? (
        <ul className="task-list">
          {[...tasks.data.items].sort(taskOrder).map((task) => {
            const done = task.status === 'submitted' || task.status === 'confirmed';
            const to = paths.response(task.campaign.id, task.facilityId);
            const titleId = `task-${task.campaign.id}`;
            return (
              <li key={`${task.campaign.id}/${task.facilityId}`} className="card task" data-testid={`task-${task.campaign.id}`}>
                <div className="task-head">
                  <h2 id={titleId}>
                    <Link to={to}>{t(task.campaign.title)}</Link>
                  </h2>
                  <StatusBadge status={task.status} />
                </div>
                <dl className="facts">
                  <div>
                    <dt>{t(M.fiscalYear)}</dt>
                    <dd>{formatFiscalYear(task.campaign.fiscalYear, lang)}</dd>
                  </div>
                  <div>
                    <dt>{t(M.deadline)}</dt>
                    <dd>
                      <DeadlineText campaign={task.campaign} done={done} />
                      {roundDeadlines(task.campaign)
                        .slice(1)
                        .map((d) => (
                          <span key={d.round} className="row-sub">
                            {t(M.round(d.round))} {formatDate(d.date, lang)}
                          </span>
                        ))}
                    </dd>
                  </div>
                  <div>
                    <dt>{t(M.summaryScore)}</dt>
                    <dd>
                      <Readiness status={task.status} score={task.evaluation.score} level={task.evaluation.level} />
                    </dd>
                  </div>
                </dl>
                <AnsweredBar evaluation={task.evaluation} id={`task-progress-${task.campaign.id}`} />
                <p className="task-action">
                  <Link to={to} className="button primary" aria-describedby={titleId}>
                    {/* A closed or archived survey opens read-only: the button says so. */}
                    {t(done || (task.campaign.status ?? 'open') !== 'open' ? M.viewAnswers : M.answerNow)}
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Page>
  );
}
