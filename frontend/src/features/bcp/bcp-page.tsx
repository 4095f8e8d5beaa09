import type { MyTasksResponse } from '@mcr/contract';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { AnsweredBar, Readiness } from '../../components/readiness.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { formatDate, formatFiscalYear } from '../../lib/dates.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { BM } from './bcp-messages.ts';
import './bcp.css';

type Task = MyTasksResponse['items'][number];

/** The BCP 確認表 tasks of the facility, newest fiscal year first (then the latest opened). */
export function bcpTasks(items: readonly Task[]): Task[] {
  return items
    .filter((task) => task.campaign.form === 'bcp')
    .sort((a, b) => b.campaign.fiscalYear - a.campaign.fiscalYear || b.campaign.opensOn.localeCompare(a.campaign.opensOn));
}

function actionText(task: Task) {
  if (task.status === 'submitted' || task.status === 'confirmed') return BM.view;
  return task.status === 'not_started' ? BM.answer : BM.continue;
}

/** The share of はい, or 「未回答」 while nothing is answered (0 % of nothing is not a finding). */
function TaskReadiness({ task }: { task: Task }) {
  return <Readiness status={task.status} score={task.evaluation.score} level={task.evaluation.level} />;
}

function CurrentCard({ task }: { task: Task }) {
  const { t, lang } = useI18n();
  const to = paths.response(task.campaign.id, task.facilityId);
  const titleId = `bcp-${task.campaign.id}`;
  return (
    <li className="card task bcp-task" data-testid={`bcp-task-${task.campaign.id}`}>
      <div className="task-head">
        <h3 id={titleId}>
          <Link to={to}>{t(task.campaign.title)}</Link>
        </h3>
        <StatusBadge status={task.status} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t(BM.fiscalYear)}</dt>
          <dd>{formatFiscalYear(task.campaign.fiscalYear, lang)}</dd>
        </div>
        <div>
          <dt>{t(BM.deadline)}</dt>
          <dd>{formatDate(task.campaign.deadline, lang)}</dd>
        </div>
        <div>
          <dt>{t(BM.score)}</dt>
          <dd>
            <TaskReadiness task={task} />
          </dd>
        </div>
      </dl>
      <AnsweredBar evaluation={task.evaluation} id={`bcp-progress-${task.campaign.id}`} />
      <p className="task-action">
        <Link to={to} className="button primary" aria-describedby={titleId}>
          {t(actionText(task))}
        </Link>
      </p>
    </li>
  );
}

/**
 * `/bcp` (facility roles): the facility's BCP 確認表 of the current fiscal year with its status and a link to
 * answer it, the earlier ones below; a plain explanation while no BCP campaign has reached the facility. Read from
 * the facility's own task list (its responses), so nothing of another facility can show.
 */
export function BcpPage() {
  const { t, lang } = useI18n();
  const [tasks, reload] = asLoaded(useApiQuery('tasks.list'));
  const list = tasks.state === 'ok' ? bcpTasks(tasks.data.items) : [];
  const newestYear = list[0]?.campaign.fiscalYear;
  const current = list.filter((task) => task.campaign.fiscalYear === newestYear);
  const earlier = list.filter((task) => task.campaign.fiscalYear !== newestYear);
  return (
    <Page title={t(BM.title)} lead={t(BM.lead)}>
      <section className="card bcp-about" aria-labelledby="bcp-about-heading">
        <h2 id="bcp-about-heading" className="sr-only">
          {t(BM.title)}
        </h2>
        <p>{t(BM.about)}</p>
        <p className="bcp-phases" aria-hidden="true">
          {t(BM.phases)}
        </p>
        <p className="muted">{t(BM.checklistLink)}</p>
      </section>
      {tasks.state === 'loading' ? <Loading /> : null}
      {tasks.state === 'error' ? <LoadError error={tasks.error} onRetry={reload} /> : null}
      {tasks.state === 'ok' && list.length === 0 ? (
        <section className="card empty" data-testid="bcp-none">
          <p>{t(BM.none)}</p>
          <p className="muted">{t(BM.noneHint)}</p>
        </section>
      ) : null}
      {current.length > 0 && newestYear !== undefined ? (
        <section aria-labelledby="bcp-current-heading">
          <h2 id="bcp-current-heading">
            {t(BM.current)}（{formatFiscalYear(newestYear, lang)}）
          </h2>
          <ul className="task-list">
            {current.map((task) => (
              <CurrentCard key={task.campaign.id} task={task} />
            ))}
          </ul>
        </section>
      ) : null}
      {earlier.length > 0 ? (
        <section aria-labelledby="bcp-earlier-heading">
          <h2 id="bcp-earlier-heading">{t(BM.earlier)}</h2>
          <div className="table-wrap card flush">
            <table className="table">
              <caption className="sr-only">{t(BM.earlier)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(M.campaignTitle)}</th>
                  <th scope="col">{t(BM.fiscalYear)}</th>
                  <th scope="col">{t(BM.progress)}</th>
                  <th scope="col">{t(BM.score)}</th>
                </tr>
              </thead>
              <tbody>
                {earlier.map((task) => (
                  <tr key={task.campaign.id}>
                    <th scope="row">
                      <Link to={paths.response(task.campaign.id, task.facilityId)}>{t(task.campaign.title)}</Link>
                    </th>
                    <td>{formatFiscalYear(task.campaign.fiscalYear, lang)}</td>
                    <td>
                      <StatusBadge status={task.status} />
                    </td>
                    <td>
                      <TaskReadiness task={task} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
