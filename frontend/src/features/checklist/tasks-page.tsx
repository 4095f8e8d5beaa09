import { Page } from '../../app/page.tsx';
import { IncidentCallout } from '../incidents/incident-callout.tsx'; // incidents
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { roundDeadlines } from '../../components/deadlines.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { AnsweredBar, LevelBadge, ScoreText } from '../../components/readiness.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { daysFromToday, formatDate, formatFiscalYear } from '../../i18n/format.ts';
import { M } from '../../i18n/messages.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';

function DeadlineText({ deadline, done }: { deadline: string; done: boolean }) {
  const { t, lang } = useI18n();
  const days = daysFromToday(deadline);
  const rel = done ? null : days > 0 ? M.daysLeft(days) : days === 0 ? M.dueToday : M.daysOverdue(-days);
  return (
    <>
      {formatDate(deadline, lang)}
      {rel ? <span className={days < 0 ? 'overdue' : days <= 7 ? 'soon' : 'muted'}>（{t(rel)}）</span> : null}
    </>
  );
}

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
          {[...tasks.data.items]
            .sort((a, b) => a.campaign.deadline.localeCompare(b.campaign.deadline))
            .map((task) => {
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
                        <DeadlineText deadline={task.campaign.deadline} done={done} />
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
                        <ScoreText score={task.evaluation.score} /> <LevelBadge level={task.evaluation.level} />
                      </dd>
                    </div>
                  </dl>
                  <AnsweredBar evaluation={task.evaluation} id={`task-progress-${task.campaign.id}`} />
                  <p className="task-action">
                    <Link to={to} className="button primary" aria-describedby={titleId}>
                      {t(done ? M.viewAnswers : M.answerNow)}
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
