import type { Discrepancy, Evidence, ResponseView } from '@mcr/contract';
import { allItems, applicableCells, findItem, parseCellKey } from '@mcr/domain';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { getResponse, responseKey } from '../../api/get-response.ts';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { AnsweredBar, LevelBadge, NotAnsweredBadge, ScoreText } from '../../components/readiness.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { DeadlineSummary } from '../../components/deadlines.tsx';
import { formatDateTime, formatFiscalYear, formatTime, todayInJapan } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { LM } from '../progress/lifecycle-messages.ts'; // campaign-lifecycle
import { takeEarly, useApi, useApiQuery } from '../../lib/use-api.ts';
import { jumpTo } from '../../lib/jump.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { isOpen, useMayCall } from '../discrepancies/discrepancy-entry.tsx';
import { EvidenceCell } from '../evidence/evidence-cell.tsx';
import { useEvidenceList, useVendorAnswersOnce } from '../evidence/side-queries.ts';
import { commentFieldId, ItemCommentEditor, ItemCommentNote } from '../review/review-comments.tsx';
import { OfficialFormExport } from '../exports/export-button.tsx';
import { ReturnedBanner, ReviewHistory, ReviewPanel } from '../review/review-panel.tsx';
import { ChecklistItem, type NotApplicableReason } from './checklist-item.tsx';
import { ItemLinks } from './item-links.tsx'; // contact-charts
import { ItemRelated } from './item-related.tsx';
import { vendorAnswersByItem } from './vendor-answers.ts';
import { draftOf, type EditKey, editKey, ROUNDS, type Round, type RoundDraft } from './draft.ts';
import { SubmissionHistory, SubmitPanel, SubmittedBanner } from './submit-panel.tsx';
import { type SaveState, useAutosave } from './use-autosave.ts';

function RoundTabs({ round, onChange }: { round: Round; onChange(r: Round): void }) {
  const { t } = useI18n();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = ROUNDS.indexOf(round);
    const next =
      e.key === 'ArrowRight'
        ? (index + 1) % ROUNDS.length
        : e.key === 'ArrowLeft'
          ? (index + ROUNDS.length - 1) % ROUNDS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? ROUNDS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(ROUNDS[next] as Round);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t(M.roundsLabel)} className="tabs" onKeyDown={onKey}>
      {ROUNDS.map((r, i) => (
        <button
          key={r}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`round-tab-${r}`}
          aria-selected={r === round}
          aria-controls="round-panel"
          tabIndex={r === round ? 0 : -1}
          className="tab"
          onClick={() => onChange(r)}
        >
          {t(M.round(r))}
        </button>
      ))}
    </div>
  );
}

function SaveStatus({ state, heldBack, onRetry }: { state: SaveState; heldBack: boolean; onRetry(): void }) {
  const { t } = useI18n();
  const text =
    state.kind === 'saving'
      ? t(M.saving)
      : state.kind === 'saved'
        ? t(M.savedAt(formatTime(state.at)))
        : state.kind === 'failed' || state.kind === 'conflict'
          ? t(M.saveFailed)
          : state.kind === 'pending'
            ? t(M.savePending)
            : t(M.saveIdle);
  return (
    <div className={`save-status save-${state.kind}`}>
      <p data-testid="save-status" role="status">
        {text}
        {heldBack && state.kind !== 'saving' ? <span className="held">（{t(M.saveInvalidHeld)}）</span> : null}
      </p>
      {state.kind === 'failed' && state.message ? <p className="field-error">{t(state.message)}</p> : null}
      {state.kind === 'failed' ? (
        <button type="button" className="button small secondary" onClick={onRetry}>
          {t(M.saveRetry)}
        </button>
      ) : null}
    </div>
  );
}

/** 「前年度から引継ぎ」 answers still to confirm; the はい ones can be confirmed in one go. */
function CarriedNotice({ total, yes, no, onConfirmYes }: { total: number; yes: number; no: number; onConfirmYes(): void }) {
  const { t } = useI18n();
  if (total === 0) return null;
  return (
    <div className="alert alert-warning carried-notice" data-testid="carried-notice">
      <p className="alert-title">{t(M.carriedNotice(total))}</p>
      {yes > 0 ? (
        <>
          <p>{t(M.carriedBulkHint(yes))}</p>
          <button type="button" className="button primary" onClick={onConfirmYes}>
            {t(M.confirmAllCarried)}
          </button>
        </>
      ) : null}
      {no > 0 ? <p>{t(M.carriedNoLeft(no))}</p> : null}
    </div>
  );
}

/** The round to show first: the one last submitted (or sent back), else 1回目. */
function initialRound(view: ResponseView): Round {
  if (view.status === 'returned') return (view.reviews.at(-1)?.round ?? 1) as Round;
  if (view.status === 'submitted' || view.status === 'confirmed') return (view.submissions.at(-1)?.round ?? 1) as Round;
  return 1;
}

interface CommentDraft {
  open: boolean;
  text: string;
}

function ChecklistEditor({
  view,
  readOnly,
  canSubmit,
  canReview,
  justSubmitted,
  onReload,
  onSubmitted,
}: {
  view: ResponseView;
  readOnly: boolean;
  canSubmit: boolean;
  /** The prefecture administrator: confirms or sends back a submitted round. */
  canReview: boolean;
  justSubmitted: boolean;
  onReload(): void;
  /** The answer of a submission, confirmation or send-back replaces the page. */
  onSubmitted(view: ResponseView): void;
}) {
  const { t, lang } = useI18n();
  // campaign-lifecycle: a closed or archived survey takes no more answers (the server refuses them too).
  const campaignClosed = (view.campaign.status ?? 'open') !== 'open';
  const locked = view.status === 'submitted' || view.status === 'confirmed' || campaignClosed;
  const editable = !readOnly && !locked;
  const autosave = useAutosave(view, editable);
  const [round, setRound] = useState<Round>(() => initialRound(view));
  const reviewing = canReview && view.status === 'submitted';
  const [comments, setComments] = useState<Record<string, CommentDraft>>({});
  const setComment = (itemId: string, patch: Partial<CommentDraft>) =>
    setComments((c) => ({ ...c, [itemId]: { ...(c[itemId] ?? { open: false, text: '' }), ...patch } }));
  const removeComment = (itemId: string) =>
    setComments((c) => {
      const next = { ...c };
      delete next[itemId];
      return next;
    });
  const draftComments = useMemo(
    () =>
      allItems(view.template)
        .filter((i) => (comments[i.id]?.text.trim() ?? '') !== '')
        .map((i) => ({ itemId: i.id, comment: comments[i.id]?.text ?? '' })),
    [view.template, comments],
  );
  // After a send-back, the prefecture's comments stand next to their items until the facility submits again.
  const returnedComments = useMemo(() => {
    const last = view.reviews.at(-1);
    if (view.status !== 'returned' || last?.action !== 'returned') return new Map<string, string>();
    return new Map(last.itemComments.map((c) => [c.itemId, c.comment]));
  }, [view.status, view.reviews]);
  const { template, context, campaign } = view;
  const today = todayInJapan();

  // Read once per page, not per item: the vendors' answers to the mirrored items, the facility's discrepancies
  // (refreshed after each write: a save may open or clear one) and the evidence files (refreshed by their own writes).
  const facilityId = view.facility.id;
  const vendorAnswers = useVendorAnswersOnce(facilityId, template.id);
  const discrepancies = useApiQuery('discrepancies.ofFacility', { params: { facilityId } });
  const evidence = useEvidenceList(campaign.id, facilityId);
  const vendorLines = useMemo(() => vendorAnswersByItem(vendorAnswers.data?.items ?? []), [vendorAnswers.data]);
  const discrepanciesByItem = useMemo(() => {
    const out = new Map<string, Discrepancy[]>();
    for (const d of discrepancies.data?.items ?? []) {
      if (d.campaignId !== campaign.id || !isOpen(d)) continue;
      out.set(d.itemId, [...(out.get(d.itemId) ?? []), d]);
    }
    return out;
  }, [discrepancies.data, campaign.id]);
  const evidenceByCell = useMemo(() => new Map<string, Evidence[]>((evidence.data?.cells ?? []).map((c) => [c.cell, c.items])), [evidence.data]);
  const mayAttach = useMayCall('evidence.create');
  const mayRemove = useMayCall('evidence.remove');

  // Applicability follows the answers as typed, so closing the gate greys the rest out at once.
  const notApplicable = useMemo(() => {
    const live = new Set(applicableCells(template, autosave.effectiveAnswers, context).map((c) => c.itemId));
    const out = new Map<string, NotApplicableReason>();
    for (const item of allItems(template)) {
      if (live.has(item.id)) continue;
      const needsContract = [...template.applicability, ...item.applicability].some((r) => r.requires === 'vendor-contract') && !context.hasVendorContract;
      out.set(item.id, needsContract ? 'vendor-contract' : 'gate');
    }
    return out;
  }, [template, context, autosave.effectiveAnswers]);

  // Round-1 answers carried over from last year's version, among the cells still to answer.
  const carried = useMemo(() => {
    const out: Array<{ key: EditKey; draft: RoundDraft; yes: boolean; needsTarget: boolean }> = [];
    if (!editable) return out;
    for (const cell of applicableCells(template, autosave.effectiveAnswers, context)) {
      const answer = autosave.effectiveAnswers[cell.key]?.['1'];
      if (!answer?.carriedForward) continue;
      const parsed = parseCellKey(cell.key);
      if (!parsed) continue;
      const gate = findItem(template, parsed.itemId)?.gate !== undefined;
      out.push({
        key: editKey(parsed.itemId, parsed.deviceClass, 1),
        draft: draftOf(answer),
        yes: answer.value === 'yes',
        needsTarget: answer.value === 'no' && !gate,
      });
    }
    return out;
  }, [editable, template, context, autosave.effectiveAnswers]);
  const confirmCarriedYes = () => {
    const yes = carried.filter((c) => c.yes).slice(0, 200);
    autosave.editMany(yes.map((c) => [c.key, { ...c.draft, checkedOn: today, carriedForward: false }] as const));
  };

  const { evaluation, status } = autosave.saved;
  const title = readOnly ? view.facility.name : t(campaign.title);
  const back = readOnly ? { to: paths.progress(campaign.id), text: M.facilityResponseBack } : { to: paths.home(), text: M.checklistBack };

  return (
    <Page
      title={title}
      lead={
        <>
          {readOnly ? `${t(campaign.title)} ・ ` : `${view.facility.name} ・ `}
          {formatFiscalYear(campaign.fiscalYear, lang)} ・ <DeadlineSummary campaign={campaign} />
        </>
      }
      actions={<StatusBadge status={status} />}
    >
      <p className="back">
        <Link to={back.to}>← {t(back.text)}</Link>
      </p>
      {readOnly && !reviewing ? <Alert tone="info">{t(M.readOnlyNote)}</Alert> : null}
      {campaignClosed && !readOnly ? <Alert tone="info">{t(LM.closedNotice)}</Alert> : null /* campaign-lifecycle */}
      {reviewing ? (
        <Alert tone="info" title={t(M.reviewNoticeTitle)}>
          <p>{t(M.reviewNotice)}</p>
          <button type="button" className="button secondary small" onClick={() => jumpTo('review-heading')}>
            {t(M.reviewJump)}
          </button>
        </Alert>
      ) : null}
      {view.status === 'submitted' || view.status === 'confirmed' ? <SubmittedBanner view={view} facilityUser={!readOnly} focus={justSubmitted} /> : null}
      {view.status === 'returned' ? <ReturnedBanner view={view} facilityUser={!readOnly} focus={justSubmitted} /> : null}

      <section className="card summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t(M.summaryTitle)}</h2>
        <dl className="summary-grid">
          <div>
            <dt>{t(M.summaryAnswered)}</dt>
            <dd>
              <AnsweredBar evaluation={evaluation} id="summary-progress" />
            </dd>
          </div>
          <div>
            <dt>{t(M.summaryScore)}</dt>
            <dd>
              <span className="big">{evaluation.answered === 0 ? '—' : <ScoreText score={evaluation.score} />}</span>
              <p className="hint">{t(M.summaryScoreHelp)}</p>
            </dd>
          </div>
          <div>
            <dt>{t(M.summaryLevel)}</dt>
            <dd>{evaluation.answered === 0 ? <NotAnsweredBadge /> : <LevelBadge level={evaluation.level} />}</dd>
          </div>
          <div>
            <dt className="sr-only">{t(M.summaryTitle)}</dt>
            <dd className="summary-notes">
              {evaluation.complete ? <span className="ok-text">{t(M.summaryComplete)}</span> : <span>{t(M.summaryMissing(evaluation.missing))}</span>}
              {evaluation.overdue > 0 ? <span className="overdue">{t(M.summaryOverdue(evaluation.overdue))}</span> : null}
              {view.updatedAt ? (
                <span className="muted">
                  {t(M.colUpdated)}: {formatDateTime(view.updatedAt, lang)}
                </span>
              ) : null}
            </dd>
          </div>
        </dl>
      </section>

      {autosave.state.kind === 'conflict' ? (
        <Alert tone="error" title={t(M.conflictTitle)}>
          <p>{autosave.state.error.currentVersion !== undefined ? t(M.conflictBody) : t(autosave.state.error.text)}</p>
          <button type="button" className="button primary" onClick={onReload}>
            {t(M.conflictReload)}
          </button>
        </Alert>
      ) : null}

      {editable ? (
        <CarriedNotice
          total={carried.length}
          yes={carried.filter((c) => c.yes).length}
          no={carried.filter((c) => c.needsTarget).length}
          onConfirmYes={confirmCarriedYes}
        />
      ) : null}

      <div className="toolbar">
        <RoundTabs round={round} onChange={setRound} />
        {editable ? <SaveStatus state={autosave.state} heldBack={autosave.heldBack} onRetry={() => void autosave.retry()} /> : null}
      </div>
      <p className="hint round-help">{t(M.roundHelp)}</p>

      <div role="tabpanel" id="round-panel" aria-labelledby={`round-tab-${round}`} className="round-panel">
        {template.sections.map((section) => {
          let group: string | undefined;
          return (
            <section key={section.id} className="checklist-section" aria-labelledby={`section-${section.id}`}>
              <h2 id={`section-${section.id}`}>
                {section.number ? <span className="section-number">{section.number}</span> : null}
                {t(section.title)}
              </h2>
              {section.description ? <p className="muted">{t(section.description)}</p> : null}
              {section.items.map((item) => {
                const groupText = item.group ? t(item.group) : undefined;
                const showGroup = groupText !== undefined && groupText !== group;
                group = groupText;
                return (
                  <div key={item.id}>
                    {showGroup ? <p className="group-heading">{groupText}</p> : null}
                    <ChecklistItem
                      item={item}
                      round={round}
                      readOnly={!editable}
                      notApplicable={notApplicable.get(item.id)}
                      fiscalYear={campaign.fiscalYear}
                      today={today}
                      draftFor={autosave.draftFor}
                      issues={autosave.issues}
                      onEdit={autosave.edit}
                      conflicts={autosave.conflicts}
                      onResolve={autosave.resolve}
                      highlight={returnedComments.has(item.id) || (reviewing && (comments[item.id]?.text.trim() ?? '') !== '')}
                      related={
                        <>
                          <ItemRelated vendorLines={vendorLines.get(item.id)} discrepancies={discrepanciesByItem.get(item.id)} />
                          <ItemLinks item={item} />
                        </>
                      }
                      cellExtra={(deviceClass) => (
                        <EvidenceCell
                          campaignId={campaign.id}
                          facilityId={facilityId}
                          cell={`${item.id}:${deviceClass}`}
                          cellName={`${item.number || t(M.gateLabel)} ${t(M.deviceClass[deviceClass])}`}
                          files={evidenceByCell.get(`${item.id}:${deviceClass}`) ?? []}
                          canAttach={mayAttach && !readOnly}
                          canRemove={mayRemove && !readOnly}
                        />
                      )}
                      notice={
                        returnedComments.has(item.id) ? (
                          <ItemCommentNote itemId={item.id} comment={returnedComments.get(item.id) ?? ''} facilityUser={!readOnly} />
                        ) : undefined
                      }
                      footer={
                        reviewing ? (
                          <ItemCommentEditor
                            item={item}
                            open={comments[item.id]?.open ?? false}
                            value={comments[item.id]?.text ?? ''}
                            onOpen={() => {
                              setComment(item.id, { open: true });
                              // The textarea appears on the next render.
                              requestAnimationFrame(() => document.getElementById(commentFieldId(item.id))?.focus());
                            }}
                            onChange={(text) => setComment(item.id, { text })}
                            onRemove={() => removeComment(item.id)}
                          />
                        ) : undefined
                      }
                    />
                  </div>
                );
              })}
            </section>
          );
        })}
      </div>
      {editable ? (
        <SubmitPanel
          view={view}
          template={template}
          context={context}
          answers={autosave.effectiveAnswers}
          version={autosave.saved.version}
          round={round}
          canSubmit={canSubmit}
          unsaved={autosave.heldBack ? 'invalid' : autosave.hasUnsaved ? 'saving' : 'none'}
          stopped={autosave.state.kind === 'conflict'}
          onSubmitted={onSubmitted}
          onReload={onReload}
        />
      ) : null}
      {reviewing ? <ReviewPanel view={view} comments={draftComments} onRemoveComment={removeComment} onDone={onSubmitted} onReload={onReload} /> : null}
      <ReviewHistory view={view} />
      <SubmissionHistory submissions={view.submissions} />
      <OfficialFormExport campaignId={view.campaign.id} facilityId={view.facility.id} form={view.campaign.form} />
    </Page>
  );
}

/** A facility's checklist: editable for its own users, read-only for the prefecture and the 保健所. */
export function ChecklistPage({ campaignId, facilityId }: { campaignId: string; facilityId: string }) {
  const { me } = useAuth();
  const [loads, setLoads] = useState(0);
  const [view, reload] = useApi(
    (signal) => takeEarly<ResponseView>(responseKey(campaignId, facilityId)) ?? getResponse(campaignId, facilityId, signal),
    [campaignId, facilityId, loads],
  );
  // The answer of a submission replaces what was loaded (read-only from then on) until the next load.
  const [submitted, setSubmitted] = useState<{ loads: number; view: ResponseView } | undefined>();
  const readOnly = me.role !== 'facility_admin' && me.role !== 'facility_member';
  if (view.state === 'loading') return <Loading />;
  if (view.state === 'error') return <LoadError error={view.error} onRetry={reload} />;
  const current = submitted?.loads === loads ? submitted.view : view.data;
  return (
    <ChecklistEditor
      key={`${loads}-${current.version}-${current.status}`}
      view={current}
      readOnly={readOnly}
      canSubmit={me.role === 'facility_admin'}
      canReview={me.role === 'pref_admin'}
      justSubmitted={submitted?.loads === loads}
      onReload={() => setLoads((n) => n + 1)}
      onSubmitted={(next) => {
        setSubmitted({ loads, view: next });
        window.scrollTo(0, 0);
      }}
    />
  );
}
