import type { TemplateView } from '@mcr/contract';
import { allItems, draftNextVersion, fiscalYearLabel, type Item, type Template } from '@mcr/domain';
import { type MouseEvent, useMemo } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { dayInJapan, formatDate, formatFiscalYear } from '../../i18n/format.ts';
import { shownLang, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { saveBlob } from '../../lib/download.ts';
import { jumpTo } from '../../lib/jump.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { UnverifiedBadge } from './templates-page.tsx';

const rowId = (itemId: string) => `tpl-item-${itemId}`;

function ItemKind({ item, vendorTemplate }: { item: Item; vendorTemplate: boolean }) {
  const { t } = useI18n();
  const tags: string[] = [];
  if (item.gate) tags.push(t(M.gateItem));
  if (item.reference) tags.push(t(M.reference));
  else if (item.referenceCells?.length) tags.push(t(M.referencePartly(item.referenceCells.map((c) => t(M.deviceClass[c])).join('・'))));
  if (!vendorTemplate && item.applicability.some((r) => r.requires === 'vendor-contract')) tags.push(t(M.needsVendorContract));
  if (tags.length === 0) tags.push(t(M.requiredItem));
  return (
    <ul className="tag-list">
      {tags.map((tag) => (
        <li key={tag}>{tag}</li>
      ))}
    </ul>
  );
}

function LineageText({ item, previousNumbers }: { item: Item; previousNumbers: Map<string, string> }) {
  const { t } = useI18n();
  const { kind, from = [] } = item.lineage;
  // The previous version's numbers when it could be loaded (a gate row has none: 前提), else the ids.
  const names = from
    .map((id) => {
      const n = previousNumbers.get(id);
      return n === undefined ? id : n || t(M.gateLabel);
    })
    .join('・');
  return <>{t(M.lineage[kind](names))}</>;
}

function Contents({ template, unverified, previousNumbers }: { template: Template; unverified: Set<string>; previousNumbers: Map<string, string> }) {
  const { t } = useI18n();
  const vendorTemplate = template.applicability.some((r) => r.requires === 'vendor-contract');
  return (
    <>
      {template.sections.map((section) => {
        let group: string | undefined;
        return (
          <section key={section.id} className="card flush template-section" aria-labelledby={`tpl-section-${section.id}`}>
            <h2 id={`tpl-section-${section.id}`} className="pad">
              {section.number ? <span className="section-number">{section.number}</span> : null}
              {t(section.title)}
            </h2>
            {section.description ? <p className="pad muted">{t(section.description)}</p> : null}
            <div className="table-wrap">
              <table className="table template-items">
                <caption className="sr-only">{t(section.title)}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="col-no">
                      {t(M.colNumber)}
                    </th>
                    <th scope="col">{t(M.colItem)}</th>
                    <th scope="col" className="col-cells">
                      {t(M.colCells)}
                    </th>
                    <th scope="col" className="col-kind">
                      {t(M.colItemKind)}
                    </th>
                    {template.previousId ? (
                      <th scope="col" className="col-lineage">
                        {t(M.colLineage)}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {section.items.flatMap((item) => {
                    const groupText = item.group ? t(item.group) : undefined;
                    const rows = [];
                    if (groupText !== undefined && groupText !== group) {
                      rows.push(
                        <tr key={`${item.id}-group`} className="group-row">
                          <th scope="colgroup" colSpan={template.previousId ? 5 : 4}>
                            {groupText}
                          </th>
                        </tr>,
                      );
                    }
                    group = groupText;
                    rows.push(
                      <tr key={item.id} id={rowId(item.id)} className={unverified.has(item.id) ? 'is-unverified' : undefined}>
                        <th scope="row" className="item-no">
                          {item.number || t(M.gateLabel)}
                        </th>
                        <td>
                          {t(item.text)}
                          {item.guidelineRefs?.length ? (
                            <span className="muted guidance-refs-inline" lang="ja">
                              {' '}
                              {item.guidelineRefs.map((r) => `▶${r}`).join('、')}
                            </span>
                          ) : null}
                          {unverified.has(item.id) ? (
                            <span className="badge unverified inline">
                              <span aria-hidden="true">⚠ </span>
                              {t(M.unverifiedMark)}
                            </span>
                          ) : null}
                        </td>
                        <td>{item.cells.map((c) => t(M.deviceClass[c])).join('・')}</td>
                        <td>
                          <ItemKind item={item} vendorTemplate={vendorTemplate} />
                        </td>
                        {template.previousId ? (
                          <td>
                            <LineageText item={item} previousNumbers={previousNumbers} />
                          </td>
                        ) : null}
                      </tr>,
                    );
                    return rows;
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}

/** `mhlw-facility-r7` → `pref-facility-r8`: the id a prefecture's next version of a form would take. */
function nextId(template: Template, fiscalYear: number): string {
  return `pref-${template.form}-r${fiscalYear - 2018}`;
}

/**
 * Starts the next year's version from this one (draftNextVersion): a file ready to correct and load. The facility
 * form names the vendor form of the same new year as its counterpart, so that form is loaded first.
 */
function NextVersion({ template }: { template: Template }) {
  const { t, lang } = useI18n();
  const fiscalYear = template.fiscalYear + 1;
  const id = nextId(template, fiscalYear);
  const vendorId = template.form === 'facility' && template.mirrorTemplateId ? `pref-vendor-r${fiscalYear - 2018}` : undefined;
  const create = () => {
    const file = draftNextVersion(template, { id, fiscalYear, ...(vendorId ? { mirrorTemplateId: vendorId } : {}) });
    saveBlob(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), `${id}.json`);
  };
  return (
    <section className="card" aria-labelledby="next-version-heading" data-testid="next-version">
      <h2 id="next-version-heading">{t(M.nextVersionTitle)}</h2>
      <p>{t(M.nextVersionLead(fiscalYearLabel(fiscalYear, lang), id))}</p>
      {vendorId ? <p className="hint">{t(M.nextVersionVendorFirst(vendorId))}</p> : null}
      <button type="button" className="button" onClick={create}>
        {t(M.nextVersionButton)}
      </button>
    </section>
  );
}

function Preview({ view, previousNumbers }: { view: TemplateView; previousNumbers: Map<string, string> }) {
  const { t, lang } = useI18n();
  const { summary, template } = view;
  const items = useMemo(() => new Map(allItems(template).map((i) => [i.id, i])), [template]);
  const notes = template.metadata.unverified;
  const unverified = useMemo(() => new Set(notes.map((n) => n.itemId)), [notes]);
  const go = (e: MouseEvent<HTMLAnchorElement>, itemId: string) => {
    e.preventDefault();
    jumpTo(rowId(itemId));
  };
  return (
    <Page
      title={`${t(summary.label)} ${t(M.templateForm[summary.form])}`}
      lead={t(template.title)}
      actions={<UnverifiedBadge count={summary.unverifiedCount} />}
    >
      <p className="back">
        <Link to={paths.templates()}>← {t(M.templateBack)}</Link>
      </p>
      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t(M.templateFacts)}</h2>
        <dl className="kv">
          <dt>{t(M.colForm)}</dt>
          <dd>{t(M.templateForm[summary.form])}</dd>
          <dt>{t(M.fiscalYear)}</dt>
          <dd>{formatFiscalYear(summary.fiscalYear, lang)}</dd>
          <dt>{t(M.colItems)}</dt>
          <dd>{t(M.itemsCount(summary.itemCount))}</dd>
          <dt>{t(M.colOrigin)}</dt>
          <dd>
            {summary.builtIn ? t(M.builtIn) : t(M.uploaded)}
            {!summary.builtIn && summary.uploadedAt ? `（${formatDate(dayInJapan(summary.uploadedAt), lang)}）` : null}
          </dd>
          <dt>{t(M.colPrevious)}</dt>
          <dd>{summary.previousId ? <Link to={paths.template(summary.previousId)}>{summary.previousId}</Link> : t(M.noneText)}</dd>
          {template.mirrorTemplateId ? (
            <>
              <dt>{t(M.colMirror)}</dt>
              <dd>
                <Link to={paths.template(template.mirrorTemplateId)}>{template.mirrorTemplateId}</Link>
              </dd>
            </>
          ) : null}
          <dt>{t(M.colSource)}</dt>
          <dd className="source-text">{summary.source}</dd>
          {template.metadata.guidanceSource ? (
            <>
              <dt>{t(M.templateGuidanceSource)}</dt>
              <dd className="source-text" data-testid="guidance-source">
                {t(template.metadata.guidanceSource)}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {notes.length > 0 ? (
        <section className="card unverified-card" aria-labelledby="unverified-heading" data-testid="unverified-list">
          <h2 id="unverified-heading">
            <span aria-hidden="true">⚠ </span>
            {t(M.unverifiedTitle(notes.length))}
          </h2>
          <p>{t(M.unverifiedLead)}</p>
          <ul className="unverified-list">
            {notes.map((note, i) => {
              const item = items.get(note.itemId);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: an item may carry more than one note.
                <li key={`${note.itemId}-${i}`}>
                  <a href={`#${rowId(note.itemId)}`} onClick={(e) => go(e, note.itemId)}>
                    {item ? item.number || t(M.gateLabel) : note.itemId}
                  </a>{' '}
                  {item ? <span className="muted">{t(item.text)}</span> : null}
                  <p className="reason" lang={shownLang(note.reason, lang)}>
                    {t(note.reason)}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <NextVersion template={template} />

      <h2 className="contents-heading">{t(M.templateContents)}</h2>
      <Contents template={template} unverified={unverified} previousNumbers={previousNumbers} />
    </Page>
  );
}

/** One checklist version as the facilities will see it: sections, items, cells, 参考項目, gates, unverified texts. */
export function TemplatePage({ templateId }: { templateId: string }) {
  const [view, reload] = asLoaded(useApiQuery('templates.get', { params: { templateId } }));
  const previousId = view.state === 'ok' ? view.data.template.previousId : undefined;
  // The previous version, only to show its item numbers in the lineage column; ids stand in when it fails.
  const [previous] = asLoaded(useApiQuery('templates.get', { params: { templateId: previousId ?? '' }, enabled: Boolean(previousId) }));
  const previousNumbers = useMemo(
    () => new Map(previous.state === 'ok' && previous.data ? allItems(previous.data.template).map((i) => [i.id, i.number] as const) : []),
    [previous],
  );
  if (view.state === 'loading') return <Loading />;
  if (view.state === 'error') return <LoadError error={view.error} onRetry={reload} />;
  return <Preview view={view.data} previousNumbers={previousNumbers} />;
}
