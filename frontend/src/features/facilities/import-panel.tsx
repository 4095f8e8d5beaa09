import { FACILITY_KIND_LABELS, type FacilityImportPreview, type ImportRowError } from '@mcr/contract';
import { type ChangeEvent, useEffect, useMemo, useRef, useState } from 'react';
import { importFacilities } from '../../api/import-facilities.ts';
import { previewFacilityImport } from '../../api/preview-facility-import.ts';
import { Alert } from '../../components/feedback.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { csvBlob, saveBlob } from '../../lib/download.ts';
import { formatCount } from '../../lib/text.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { COLUMN_LABELS, ImportFileError, type ParsedFile, readFacilityFile, templateRows } from './import-file.ts';
import { cellLengthErrors, chunkRows, crossChunkErrors, IMPORT_ROWS, mergePreviews, PREVIEW_ROWS, type PreviewTotals, withinCellLimits } from './import-run.ts';

const MAX_ROWS = 50_000;
const ERROR_PAGE = 500;

type Failure = { text: Localized; requestId?: string | undefined };

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'file-error'; fileName: string; text: Localized }
  | { kind: 'previewing'; fileName: string; done: number; total: number }
  | { kind: 'preview-failed'; fileName: string; parsed: ParsedFile; failure: Failure }
  | { kind: 'previewed'; fileName: string; parsed: ParsedFile; totals: PreviewTotals; sample: FacilityImportPreview['sample'] }
  | { kind: 'importing'; fileName: string; parsed: ParsedFile; totals: PreviewTotals; done: number; total: number }
  | {
      kind: 'import-failed';
      fileName: string;
      parsed: ParsedFile;
      totals: PreviewTotals;
      /** Rows written before the failure; the import continues from there. */
      done: number;
      result: Result;
      failure: Failure;
      rowErrors: ImportRowError[];
    }
  | { kind: 'imported'; fileName: string; result: Result; newHealthCenters: string[] };

interface Result {
  created: number;
  updated: number;
  unchanged: number;
}

function failureOf(err: unknown): Failure {
  if (err instanceof ApiError) return { text: err.text, requestId: err.requestId };
  return { text: M.unexpected };
}

/** The field errors of a refused import (`body.rows[row=12].種別`, line 12) as rows of the error table. */
function rowErrorsOf(err: unknown): ImportRowError[] {
  if (!(err instanceof ApiError)) return [];
  return err.fields.flatMap((f) => {
    const m = /^body\.rows\[row=(\d+)\]\.(.+)$/.exec(f.field);
    const row = f.line ?? (m ? Number(m[1]) : undefined);
    return row === undefined ? [] : [{ row, column: m?.[2] ?? '', message: f.message }];
  });
}

function TemplateLink() {
  const { t } = useI18n();
  const { me } = useAuth();
  const download = () => saveBlob(csvBlob(templateRows(me.tenant?.id ?? '36')), 'facilities-template.csv');
  return (
    <button type="button" className="button secondary" onClick={download}>
      <span aria-hidden="true">⤓ </span>
      {t(M.importTemplate)}
    </button>
  );
}

function FormatHelp() {
  const { t } = useI18n();
  return (
    <details className="format-help">
      <summary className="format-help-summary">{t(M.importHelpSummary)}</summary>
      <ul>
        <li>{t(M.importHelp1)}</li>
        <li>{t(M.importHelp2)}</li>
        <li>{t(M.importHelp3)}</li>
        <li>{t(M.importHelp4)}</li>
        <li>{t(M.importHelp5)}</li>
      </ul>
    </details>
  );
}

/** Every problem, grouped by spreadsheet row (one tbody per row), sortable by row, shown 500 rows at a time. */
function ErrorTable({ errors, fileName }: { errors: ImportRowError[]; fileName: string }) {
  const { t } = useI18n();
  const [desc, setDesc] = useState(false);
  const [limit, setLimit] = useState(ERROR_PAGE);
  const groups = useMemo(() => {
    const byRow = new Map<number, ImportRowError[]>();
    for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
    const list = [...byRow.entries()].sort((a, b) => a[0] - b[0]);
    return desc ? list.reverse() : list;
  }, [errors, desc]);
  const saveCsv = () =>
    saveBlob(
      csvBlob([[t(M.colRow), t(M.colColumn), t(M.colProblem)], ...errors.map((e) => [String(e.row), e.column, t(e.message)])]),
      `${fileName.replace(/\.[^.]+$/, '')}-errors.csv`,
    );
  return (
    <section className="card flush" aria-labelledby="import-errors-heading">
      <div className="pad section-head">
        <h2 id="import-errors-heading">{t(M.importErrorsHeading(errors.length, groups.length))}</h2>
        <button type="button" className="button secondary small" onClick={saveCsv}>
          {t(M.importErrorsCsv)}
        </button>
      </div>
      <div className="table-wrap">
        <table className="table error-table" data-testid="import-errors">
          <caption className="sr-only">{t(M.importErrorsCaption)}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={desc ? 'descending' : 'ascending'} className="col-row">
                <button type="button" className="sort" onClick={() => setDesc((d) => !d)}>
                  {t(M.colRow)}
                  <span aria-hidden="true" className="sort-icon">
                    {desc ? '▼' : '▲'}
                  </span>
                  <span className="sr-only">{t(desc ? M.sortRowAsc : M.sortRowDesc)}</span>
                </button>
              </th>
              <th scope="col" className="col-column">
                {t(M.colColumn)}
              </th>
              <th scope="col">{t(M.colProblem)}</th>
            </tr>
          </thead>
          {groups.slice(0, limit).map(([row, list]) => (
            <tbody key={row} data-testid={`import-error-${row}`} className="error-group">
              {list.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one row may have the same column twice.
                <tr key={i}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={list.length}>
                      {t(M.rowNumber(row))}
                    </th>
                  ) : null}
                  <td>{e.column}</td>
                  <td>{t(e.message)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {groups.length > limit ? (
        <p className="pad">
          <button type="button" className="button secondary" onClick={() => setLimit((n) => n + ERROR_PAGE)}>
            {t(M.showMoreRows(groups.length - limit))}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function Summary({ fileName, parsed, totals }: { fileName: string; parsed: ParsedFile; totals: PreviewTotals }) {
  const { t } = useI18n();
  return (
    <section className="card import-summary" data-testid="import-summary" aria-labelledby="import-summary-heading">
      <h2 id="import-summary-heading">{t(M.importSummaryHeading)}</h2>
      <p className="muted">
        {fileName}（{t(M.encodingLabel[parsed.encoding])}）
      </p>
      <ul className="counters import-counters">
        <li>
          <span className="counter-label">{t(M.importRows)}</span>
          <span className="counter-value">{t(M.countRows(totals.rows))}</span>
        </li>
        <li>
          <span className="counter-label">{t(M.importCreates)}</span>
          <span className="counter-value">{t(M.countRows(totals.creates))}</span>
        </li>
        <li>
          <span className="counter-label">{t(M.importUpdates)}</span>
          <span className="counter-value">{t(M.countRows(totals.updates))}</span>
        </li>
        <li>
          <span className="counter-label">{t(M.importUnchanged)}</span>
          <span className="counter-value">{t(M.countRows(totals.unchanged))}</span>
        </li>
        <li className={totals.errors.length > 0 ? 'has-errors' : undefined}>
          <span className="counter-label">{t(M.importErrorCount)}</span>
          <span className="counter-value">{t(M.countItems(totals.errors.length))}</span>
        </li>
      </ul>
      {totals.newHealthCenters.length > 0 ? (
        <p>
          <strong>{t(M.importNewHealthCenters(totals.newHealthCenters.length))}</strong> {totals.newHealthCenters.join('、')}
        </p>
      ) : null}
      {parsed.ignoredColumns.length > 0 ? <p className="hint">{t(M.importIgnoredColumns(parsed.ignoredColumns.join('、')))}</p> : null}
    </section>
  );
}

// campaign-lifecycle:begin
const HM = {
  heading: { ja: '登録されていない保健所があります', en: 'Some health centers are not registered' },
  lead: {
    ja: '名前の誤りかもしれません。ファイルを直すか、新しい保健所として登録することを確認してください。確認するまで取り込めません。',
    en: 'This may be a misspelling. Correct the file, or confirm each as a new health center. Import stays off until then.',
  },
  rows: (rows: string) => ({ ja: `${rows} 行目`, en: `row ${rows}` }),
  didYouMean: (names: string) => ({ ja: `${names} の誤りではありませんか？`, en: `Did you mean ${names}?` }),
  confirm: (name: string) => ({ ja: `「${name}」を新しい保健所として登録する`, en: `Register "${name}" as a new health center` }),
};

/** The 保健所 a file names that are not registered: rows, the closest registered names, a confirmation for each. */
function NewHealthCenters({
  unknown,
  confirmed,
  onChange,
}: {
  unknown: { name: string; rows: number[]; suggestions: string[] }[];
  confirmed: string[];
  onChange(names: string[]): void;
}) {
  const { t } = useI18n();
  if (unknown.length === 0) return null;
  return (
    <section className="card" aria-labelledby="new-hc-heading" data-testid="new-health-centers">
      <h2 id="new-hc-heading">{t(HM.heading)}</h2>
      <p>{t(HM.lead)}</p>
      <ul className="plain-list">
        {unknown.map((u) => (
          <li key={u.name} data-testid={`new-hc-${u.name}`}>
            <p>
              <strong>「{u.name}」</strong> — {t(HM.rows(u.rows.slice(0, 10).join('、') + (u.rows.length > 10 ? '…' : '')))}
              {u.suggestions.length ? <span className="field-error"> {t(HM.didYouMean(u.suggestions.map((s) => `「${s}」`).join('')))}</span> : null}
            </p>
            <label className="choice-line">
              <input
                type="checkbox"
                checked={confirmed.includes(u.name)}
                onChange={(e) => onChange(e.target.checked ? [...confirmed, u.name] : confirmed.filter((n) => n !== u.name))}
              />
              <span>{t(HM.confirm(u.name))}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
// campaign-lifecycle:end

function SampleTable({ sample }: { sample: FacilityImportPreview['sample'] }) {
  const { t } = useI18n();
  if (sample.length === 0) return null;
  return (
    <section className="card flush" aria-labelledby="import-sample-heading">
      <h2 id="import-sample-heading" className="pad">
        {t(M.importSampleHeading(sample.length))}
      </h2>
      <div className="table-wrap">
        <table className="table compact-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t(M.colRow)}
              </th>
              <th scope="col">{t(M.colFacility)}</th>
              <th scope="col">{t(M.colKind)}</th>
              <th scope="col">{t(M.colHealthCenter)}</th>
              <th scope="col">{t(M.colChange)}</th>
            </tr>
          </thead>
          <tbody>
            {sample.map((s) => (
              <tr key={s.row}>
                <td className="num">{s.row}</td>
                <th scope="row">{s.name}</th>
                <td>{t(FACILITY_KIND_LABELS[s.kind])}</td>
                <td>{s.healthCenterName}</td>
                <td>
                  <span className={`badge change-${s.change}`}>{t(M.change[s.change])}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * 「一覧を取り込む (CSV / Excel)」 on the facilities page: a CSV or xlsx file read here, checked by the server in
 * pieces (preview), then imported in pieces with a progress bar.
 */
export function ImportPanel({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [confirmedHcs, setConfirmedHcs] = useState<string[]>([]); // campaign-lifecycle
  const abort = useRef<AbortController | null>(null);
  const stopImport = useRef(false);
  const [stopping, setStopping] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  // Leaving the page stops after the request under way (the rows sent so far stay imported).
  useEffect(
    () => () => {
      abort.current?.abort();
      stopImport.current = true;
    },
    [],
  );
  useEffect(() => {
    if (state.kind === 'imported' || state.kind === 'previewed' || state.kind === 'import-failed') resultRef.current?.focus();
  }, [state.kind]);

  const busy = state.kind === 'reading' || state.kind === 'previewing' || state.kind === 'importing';
  // A reload or a closed tab in the middle of an import asks first.
  useEffect(() => {
    if (state.kind !== 'importing') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.kind]);

  const preview = async (fileName: string, parsed: ParsedFile) => {
    const controller = new AbortController();
    abort.current = controller;
    // A cell longer than its column accepts is reported as a row error; the preview sees it cut, so its other cells are checked.
    const chunks = chunkRows(parsed.rows.map(withinCellLimits), PREVIEW_ROWS);
    const total = parsed.rows.length;
    const previews: FacilityImportPreview[] = [];
    let done = 0;
    setState({ kind: 'previewing', fileName, done, total });
    try {
      for (const chunk of chunks) {
        previews.push(await previewFacilityImport(chunk, controller.signal));
        done += chunk.length;
        setState({ kind: 'previewing', fileName, done, total });
      }
    } catch (err) {
      if (controller.signal.aborted) {
        setState({ kind: 'idle' });
        return;
      }
      setState({ kind: 'preview-failed', fileName, parsed, failure: failureOf(err) });
      return;
    }
    const totals = mergePreviews(previews, [...crossChunkErrors(parsed.rows), ...cellLengthErrors(parsed.rows, COLUMN_LABELS)]);
    setState({ kind: 'previewed', fileName, parsed, totals, sample: previews[0]?.sample ?? [] });
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Choosing the same (corrected) file again must start over, so the input forgets it.
    input.value = '';
    if (!file || busy) return;
    setState({ kind: 'reading', fileName: file.name });
    let parsed: ParsedFile;
    try {
      parsed = await readFacilityFile(file);
    } catch (err) {
      setState({ kind: 'file-error', fileName: file.name, text: err instanceof ImportFileError ? err.text : M.importUnreadable });
      return;
    }
    if (parsed.rows.length > MAX_ROWS) {
      setState({ kind: 'file-error', fileName: file.name, text: M.importTooManyRows(MAX_ROWS) });
      return;
    }
    await preview(file.name, parsed);
  };

  const runImport = async (fileName: string, parsed: ParsedFile, totals: PreviewTotals, from: number, before: Result) => {
    // 「中止」 waits for the request under way: the server finishes a request even when the browser gives up
    // on it, and sending those rows again at the same time could add a facility twice.
    stopImport.current = false;
    setStopping(false);
    const rows = parsed.rows.slice(from);
    const total = parsed.rows.length;
    let done = from;
    const result = { ...before };
    setState({ kind: 'importing', fileName, parsed, totals, done, total });
    for (const chunk of chunkRows(rows, IMPORT_ROWS)) {
      if (stopImport.current) {
        setState({ kind: 'import-failed', fileName, parsed, totals, done, result, failure: { text: M.importStopped }, rowErrors: [] });
        return;
      }
      try {
        const r = await importFacilities(chunk, undefined, totals.newHealthCenters);
        result.created += r.created;
        result.updated += r.updated;
        result.unchanged += r.unchanged;
        done += chunk.length;
        setState({ kind: 'importing', fileName, parsed, totals, done, total });
      } catch (err) {
        setState({ kind: 'import-failed', fileName, parsed, totals, done, result, failure: failureOf(err), rowErrors: rowErrorsOf(err) });
        return;
      }
    }
    setState({ kind: 'imported', fileName, result, newHealthCenters: totals.newHealthCenters });
    onImported();
  };

  const fileField = (
    <div className="field import-file">
      <label htmlFor="import-file">{t(M.importFile)}</label>
      <input
        id="import-file"
        type="file"
        accept=".csv,.xlsx,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby="import-file-hint"
        disabled={busy}
        onChange={(e) => void choose(e)}
      />
      <p id="import-file-hint" className="hint">
        {t(M.importFileHint)}
      </p>
    </div>
  );

  return (
    <div className="import-panel">
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t(M.importOpen)}</h2>
        <p className="muted">{t(M.importLead)}</p>
        <div className="import-choose">
          {fileField}
          <TemplateLink />
        </div>
        <FormatHelp />
      </section>

      <div aria-live="polite" className="import-status">
        {state.kind === 'reading' ? <p className="loading">{t(M.importReading(state.fileName))}</p> : null}
      </div>

      {state.kind === 'file-error' ? (
        <Alert tone="error" title={t(M.importFileFailed(state.fileName))}>
          <p>{t(state.text)}</p>
        </Alert>
      ) : null}

      {state.kind === 'previewing' ? (
        <section className="card">
          <ProgressBar
            id="preview-progress"
            label={t(M.previewProgressLabel)}
            value={state.done}
            max={state.total}
            text={t(M.previewing(formatCount(state.done), formatCount(state.total)))}
          />
          <button type="button" className="button secondary small" onClick={() => abort.current?.abort()}>
            {t(M.stop)}
          </button>
        </section>
      ) : null}

      {state.kind === 'preview-failed' ? (
        <Alert tone="error" title={t(M.previewFailed)}>
          <p>{t(state.failure.text)}</p>
          {state.failure.requestId ? (
            <p className="muted small-text">
              {t(M.requestId)}: <code>{state.failure.requestId}</code>
            </p>
          ) : null}
          <button type="button" className="button secondary" onClick={() => void preview(state.fileName, state.parsed)}>
            {t(M.retry)}
          </button>
        </Alert>
      ) : null}

      {state.kind === 'previewed' ? (
        <div ref={resultRef} tabIndex={-1} className="import-outcome">
          <Summary fileName={state.fileName} parsed={state.parsed} totals={state.totals} />
          {state.totals.errors.length > 0 ? (
            <>
              <Alert tone="error" title={t(M.importHasErrors)}>
                <p>{t(M.importHasErrorsHint)}</p>
              </Alert>
              <ErrorTable errors={state.totals.errors} fileName={state.fileName} />
            </>
          ) : (
            <>
              <SampleTable sample={state.sample} />
              {/* campaign-lifecycle:begin — a 保健所 not registered yet is created only once confirmed (a typo?) */}
              <NewHealthCenters unknown={state.totals.unknownHealthCenters} confirmed={confirmedHcs} onChange={setConfirmedHcs} />
              {/* campaign-lifecycle:end */}
              <section className="card import-go">
                <p>{t(M.importReady(formatCount(state.totals.creates), formatCount(state.totals.updates)))}</p>
                <div className="form-actions">
                  <button
                    type="button"
                    className="button primary large"
                    disabled={state.totals.unknownHealthCenters.some((u) => !confirmedHcs.includes(u.name))}
                    onClick={() => void runImport(state.fileName, state.parsed, state.totals, 0, { created: 0, updated: 0, unchanged: 0 })}
                  >
                    {t(M.importButton)}
                  </button>
                  <button type="button" className="button secondary" onClick={() => setState({ kind: 'idle' })}>
                    {t(M.cancel)}
                  </button>
                </div>
              </section>
            </>
          )}
        </div>
      ) : null}

      {state.kind === 'importing' ? (
        <section className="card">
          <ProgressBar
            id="import-progress"
            label={t(M.importProgressLabel)}
            value={state.done}
            max={state.total}
            text={t(M.importing(formatCount(state.done), formatCount(state.total)))}
          />
          <button
            type="button"
            className="button secondary small"
            disabled={stopping}
            onClick={() => {
              stopImport.current = true;
              setStopping(true);
            }}
          >
            {stopping ? t(M.stopping) : t(M.stop)}
          </button>
        </section>
      ) : null}

      {state.kind === 'import-failed' ? (
        <div ref={resultRef} tabIndex={-1} className="import-outcome">
          <Alert tone="error" title={t(M.importFailed)}>
            <p>{t(state.failure.text)}</p>
            <p>{t(M.importPartial(formatCount(state.done), formatCount(state.parsed.rows.length)))}</p>
            {state.failure.requestId ? (
              <p className="muted small-text">
                {t(M.requestId)}: <code>{state.failure.requestId}</code>
              </p>
            ) : null}
            {state.rowErrors.length === 0 ? (
              <button
                type="button"
                className="button primary"
                onClick={() => void runImport(state.fileName, state.parsed, state.totals, state.done, state.result)}
              >
                {t(M.importResume)}
              </button>
            ) : null}
          </Alert>
          {state.rowErrors.length > 0 ? <ErrorTable errors={state.rowErrors} fileName={state.fileName} /> : null}
        </div>
      ) : null}

      {state.kind === 'imported' ? (
        <div ref={resultRef} tabIndex={-1} className="alert alert-success import-outcome" data-testid="import-result" role="status">
          <p className="alert-title">{t(M.importDone)}</p>
          <p>{t(M.importDoneCounts(formatCount(state.result.created), formatCount(state.result.updated), formatCount(state.result.unchanged)))}</p>
          {state.newHealthCenters.length > 0 ? <p>{t(M.importDoneHealthCenters(state.newHealthCenters.join('、')))}</p> : null}
          <p>
            <a href="#facility-list-heading">{t(M.importSeeList)}</a>
          </p>
        </div>
      ) : null}
    </div>
  );
}
