import { AUDIT_ACTIONS, type AuditEntry, ROLE_LABELS } from '@mcr/contract';
import { type FormEvent, useState } from 'react';
import { type AuditFilters, downloadAuditCsv } from '../../api/list-audit.ts';
import { Page } from '../../app/page.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { formatDateTime, todayInJapan } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { saveBlob } from '../../lib/download.ts';
import { formatCount } from '../../lib/text.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { auditActionLabel } from './action-labels.ts';

const PAGE = 100;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

interface Filters {
  from: string;
  to: string;
  action: string;
  target: string;
}

function defaults(): Filters {
  const today = todayInJapan();
  return { from: daysBefore(today, 30), to: today, action: '', target: '' };
}

/** Filters live in the query string, so that a search can be bookmarked and survives a reload. */
function readFilters(): Filters {
  const p = new URLSearchParams(location.search);
  const d = defaults();
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  return {
    from: ISO_DATE.test(from) ? from : d.from,
    to: ISO_DATE.test(to) ? to : d.to,
    action: p.get('action') ?? '',
    target: p.get('target') ?? '',
  };
}

function writeFilters(f: Filters) {
  const p = new URLSearchParams();
  p.set('from', f.from);
  p.set('to', f.to);
  if (f.action) p.set('action', f.action);
  if (f.target) p.set('target', f.target);
  history.replaceState(null, '', `${location.pathname}?${p.toString()}`);
}

function query(f: Filters): AuditFilters {
  return { from: f.from, to: f.to, action: f.action || undefined, target: f.target.trim() || undefined };
}

/** `changes` as indented key: value lines, readable without knowing JSON. */
export function describeChanges(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return `${indent}—`;
  if (typeof value !== 'object') return `${indent}${String(value)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}[]`;
    return value.map((v) => (typeof v === 'object' && v !== null ? `${indent}-\n${describeChanges(v, `${indent}  `)}` : `${indent}- ${String(v)}`)).join('\n');
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return `${indent}{}`;
  return entries
    .map(([k, v]) =>
      typeof v === 'object' && v !== null ? `${indent}${k}:\n${describeChanges(v, `${indent}  `)}` : `${indent}${k}: ${v === null ? '—' : String(v)}`,
    )
    .join('\n');
}

function AuditTable({ items, more, loadingMore, onMore }: { items: AuditEntry[]; more: boolean; loadingMore: boolean; onMore(): void }) {
  const { t, lang } = useI18n();
  return (
    <section className="card flush" aria-labelledby="audit-results-heading">
      <h2 id="audit-results-heading" className="pad">
        {t(M.auditResults(formatCount(items.length)))}
      </h2>
      {items.length === 0 ? (
        <p className="pad">{t(M.auditEmpty)}</p>
      ) : (
        <div className="table-wrap">
          <table className="table audit-table">
            <caption className="sr-only">{t(M.auditTitle)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(M.colAt)}</th>
                <th scope="col">{t(M.colActor)}</th>
                <th scope="col">{t(M.colAction)}</th>
                <th scope="col">{t(M.colTarget)}</th>
                <th scope="col">{t(M.colDetails)}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one request may write entries with the same time, request and target.
                <tr key={`${e.at}-${e.requestId}-${i}`} data-testid="audit-row" data-action={e.action}>
                  <td className="nowrap">{formatDateTime(e.at, lang)}</td>
                  <td>
                    {e.actor.name || e.actor.userId}
                    <span className="row-sub nowrap">{t(ROLE_LABELS[e.actor.role])}</span>
                  </td>
                  <td className="nowrap">{t(auditActionLabel(e.action))}</td>
                  <td>
                    <code className="target">{e.target}</code>
                  </td>
                  <td>
                    {e.changes === undefined || e.changes === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <details className="changes">
                        <summary className="changes-summary">{t(M.showDetails)}</summary>
                        <pre>{describeChanges(e.changes)}</pre>
                        <p className="muted small-text">
                          {t(M.requestId)}: <code>{e.requestId}</code>
                        </p>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? (
        <p className="pad">
          <button type="button" className="button secondary" onClick={onMore} disabled={loadingMore}>
            {loadingMore ? t(M.loadingMore) : t(M.loadMore)}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** 「操作履歴」: who did what and when, searchable by period, action and target, exportable as CSV. */
export function AuditPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [draft, setDraft] = useState<Filters>(readFilters);
  const [applied, setApplied] = useState<Filters>(draft);
  const [errors, setErrors] = useState<{ from?: Localized; to?: Localized }>({});
  // One page at a time from the server, newest first, across months.
  const result = usePagedQuery('audit.list', { query: { ...query(applied), limit: PAGE } });
  const [csvBusy, setCsvBusy] = useState(false);
  const [csvError, setCsvError] = useState<Localized | undefined>();

  const search = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!ISO_DATE.test(draft.from)) next.from = M.errDateRequired;
    if (!ISO_DATE.test(draft.to)) next.to = M.errDateRequired;
    else if (draft.from && draft.from > draft.to) next.to = M.errDateOrder;
    else if (Date.parse(draft.to) - Date.parse(draft.from) > 366 * 86_400_000) next.from = M.errRangeTooLong;
    setErrors(next);
    if (next.from) document.getElementById('audit-from')?.focus();
    else if (next.to) document.getElementById('audit-to')?.focus();
    if (next.from || next.to) return;
    writeFilters(draft);
    if (JSON.stringify(draft) === JSON.stringify(applied)) void result.refetch();
    else setApplied(draft);
  };

  const exportCsv = async () => {
    setCsvBusy(true);
    setCsvError(undefined);
    try {
      const { blob, fileName } = await downloadAuditCsv(query(applied));
      saveBlob(blob, fileName ?? `audit-${applied.from}-${applied.to}.csv`);
    } catch (err) {
      setCsvError(err instanceof ApiError ? err.text : M.unexpected);
    } finally {
      setCsvBusy(false);
    }
  };

  return (
    <Page title={t(M.auditTitle)} lead={t(me.role === 'pref_admin' ? M.auditLead : M.auditLeadFacility)}>
      <form className="card audit-filters" onSubmit={search} noValidate aria-labelledby="audit-filter-heading">
        <h2 id="audit-filter-heading" className="sr-only">
          {t(M.auditFilterHeading)}
        </h2>
        <div className="filters">
          <fieldset className="period">
            <legend>{t(M.auditPeriod)}</legend>
            <div className="date-pair">
              <DateInput
                id="audit-from"
                label={t(M.auditFrom)}
                value={draft.from}
                max={draft.to || undefined}
                error={errors.from ? t(errors.from) : undefined}
                onChange={(value) => setDraft((d) => ({ ...d, from: value }))}
              />
              <DateInput
                id="audit-to"
                label={t(M.auditTo)}
                value={draft.to}
                min={draft.from || undefined}
                error={errors.to ? t(errors.to) : undefined}
                onChange={(value) => setDraft((d) => ({ ...d, to: value }))}
              />
            </div>
          </fieldset>
          <SelectField id="audit-action" label={t(M.auditAction)} value={draft.action} onChange={(v) => setDraft((d) => ({ ...d, action: v }))}>
            <option value="">{t(M.filterAll)}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(auditActionLabel(a))}
              </option>
            ))}
          </SelectField>
          <TextField
            id="audit-target"
            className="grow"
            label={t(M.auditTarget)}
            hint={t(M.auditTargetHint)}
            type="search"
            value={draft.target}
            maxLength={200}
            onChange={(e) => setDraft((d) => ({ ...d, target: e.target.value }))}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t(M.search)}
          </button>
          <button type="button" className="button secondary" disabled={csvBusy || !result.isSuccess} onClick={() => void exportCsv()}>
            {csvBusy ? t(M.working) : t(M.exportCsv)}
          </button>
        </div>
        {csvError ? (
          <Alert tone="error" title={t(M.exportFailed)}>
            <p>{t(csvError)}</p>
          </Alert>
        ) : null}
      </form>
      {result.isPending ? <Loading /> : null}
      {result.isError ? <LoadError error={result.error} onRetry={() => void result.refetch()} /> : null}
      {result.isSuccess ? (
        <AuditTable items={result.items} more={result.hasNextPage} loadingMore={result.isFetchingNextPage} onMore={() => void result.fetchNextPage()} />
      ) : null}
    </Page>
  );
}
