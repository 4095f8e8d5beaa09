import type { TemplateSummary } from '@mcr/contract';
import { useMemo, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { formatDate, formatFiscalYear, dayInJapan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { compareTemplates } from './template-order.ts';
import { UploadForm } from './upload-form.tsx';

const EXPLAIN_ID = 'unverified-explain';

export function UnverifiedBadge({ count, describedBy }: { count: number; describedBy?: string }) {
  const { t } = useI18n();
  if (count <= 0) return null;
  return (
    <span className="badge unverified" aria-describedby={describedBy}>
      <span aria-hidden="true">⚠ </span>
      {t(M.unverifiedBadge(count))}
    </span>
  );
}

function TemplatesTable({ items, added }: { items: TemplateSummary[]; added: string | undefined }) {
  const { t, lang } = useI18n();
  const byId = useMemo(() => new Map(items.map((s) => [s.id, s])), [items]);
  const anyUnverified = items.some((s) => s.unverifiedCount > 0);
  return (
    <section className="card flush" aria-labelledby="versions-heading">
      <h2 id="versions-heading" className="pad">
        {t(M.versionsHeading)}
      </h2>
      {anyUnverified ? (
        <p id={EXPLAIN_ID} className="pad hint unverified-explain">
          {t(M.unverifiedExplain)}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table templates-table">
          <caption className="sr-only">{t(M.versionsHeading)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(M.colVersion)}</th>
              <th scope="col">{t(M.colForm)}</th>
              <th scope="col">{t(M.fiscalYear)}</th>
              <th scope="col" className="num">
                {t(M.colItems)}
              </th>
              <th scope="col">{t(M.colOrigin)}</th>
              <th scope="col">{t(M.colPrevious)}</th>
              <th scope="col">{t(M.colCheck)}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => {
              const previous = s.previousId ? byId.get(s.previousId) : undefined;
              return (
                <tr key={s.id} data-testid={`template-row-${s.id}`} className={s.id === added ? 'is-new' : undefined}>
                  <th scope="row">
                    <Link to={paths.template(s.id)}>{t(s.label)}</Link>
                    <span className="row-sub">
                      <code>{s.id}</code>
                    </span>
                  </th>
                  <td>{t(M.templateForm[s.form])}</td>
                  <td>{formatFiscalYear(s.fiscalYear, lang)}</td>
                  <td className="num">{s.itemCount}</td>
                  <td>
                    {s.builtIn ? t(M.builtIn) : t(M.uploaded)}
                    {!s.builtIn && s.uploadedAt ? <span className="row-sub">{formatDate(dayInJapan(s.uploadedAt), lang)}</span> : null}
                  </td>
                  <td>
                    {s.previousId ? previous ? `${t(previous.label)}（${t(M.templateForm[previous.form])}）` : <code>{s.previousId}</code> : t(M.noneText)}
                  </td>
                  <td>
                    <UnverifiedBadge count={s.unverifiedCount} describedBy={EXPLAIN_ID} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {items.length === 0 ? <p className="pad">{t(M.templatesEmpty)}</p> : null}
    </section>
  );
}

/** The checklist versions the prefecture can distribute, and the upload of a new one. */
export function TemplatesPage() {
  const { t } = useI18n();
  const [list, reload] = asLoaded(useApiQuery('templates.list'));
  // Versions added here are merged in place, so the table does not flicker through a reload.
  const [added, setAdded] = useState<TemplateSummary[]>([]);
  const items = useMemo(() => {
    if (list.state !== 'ok') return [];
    const map = new Map(list.data.items.map((s) => [s.id, s]));
    for (const s of added) map.set(s.id, s);
    return [...map.values()].sort(compareTemplates);
  }, [list, added]);
  return (
    <Page title={t(M.templatesTitle)} lead={t(M.templatesLead)}>
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'error' ? <LoadError error={list.error} onRetry={reload} /> : null}
      {list.state === 'ok' ? <TemplatesTable items={items} added={added.at(-1)?.id} /> : null}
      <UploadForm onUploaded={(s) => setAdded((prev) => [...prev, s])} />
    </Page>
  );
}
