import { type DeviceClass, type GuidanceText, type Item, isReferenceCell } from '@mcr/domain';
import type { ReactNode } from 'react';
import { shownLang, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { type CellMode, CellEditor } from './cell-editor.tsx';
import { type EditKey, editKey, type FieldMessages, type Round, type RoundDraft } from './draft.ts';
import type { CellConflict } from './use-autosave.ts';

export type NotApplicableReason = 'gate' | 'vendor-contract' | undefined;

function GuidanceBlock({ title, text }: { title: string; text: GuidanceText | undefined }) {
  const { t, lang } = useI18n();
  if (!text) return null;
  return (
    <section className="guidance-part">
      <h4>{title}</h4>
      <div className="guidance-text" lang={shownLang(text, lang)}>
        {t(text)}
      </div>
    </section>
  );
}

function Guidance({ item }: { item: Item }) {
  const { t } = useI18n();
  const { background, howTo, caseStudy, source } = item.guidance;
  const none = !background && !howTo && !caseStudy;
  const refs = item.guidelineRefs ?? [];
  return (
    <details className="guidance">
      <summary>{t(M.guidanceSummary)}</summary>
      {none ? <p className="muted">{t(M.guidanceNone)}</p> : null}
      <GuidanceBlock title={t(M.guidanceBackground)} text={background} />
      <GuidanceBlock title={t(M.guidanceHowTo)} text={howTo} />
      <GuidanceBlock title={t(M.guidanceCaseStudy)} text={caseStudy} />
      {refs.length > 0 ? (
        <p className="guidance-refs" data-testid={`guideline-refs-${item.id}`} title={t(M.guidanceRefsHelp)}>
          {t(M.guidanceRefs)}: <span lang="ja">{refs.map((r) => `▶${r}`).join('、')}</span>
        </p>
      ) : null}
      {source && !none ? (
        <p className="guidance-source muted" data-testid={`guidance-source-${item.id}`}>
          {t(source)}
        </p>
      ) : null}
    </details>
  );
}

interface Props {
  item: Item;
  round: Round;
  readOnly: boolean;
  notApplicable: NotApplicableReason;
  fiscalYear: number;
  today: string;
  draftFor(key: EditKey): RoundDraft;
  issues: Record<EditKey, FieldMessages>;
  onEdit(key: EditKey, draft: RoundDraft): void;
  /** Shown under the heading: the prefecture's comment after a send-back. */
  notice?: ReactNode;
  /** Shown after the cells: the reviewer's comment editor. */
  footer?: ReactNode;
  /** The prefecture commented on this item (差戻し): it stands out. */
  highlight?: boolean;
  /** Shown after the cells: the vendors' answers to the mirrored item and the item's discrepancies. */
  related?: ReactNode;
  /** Shown under each cell: its evidence files. */
  cellExtra?: (deviceClass: DeviceClass) => ReactNode;
  /** Cells someone else saved first, with the choice next to each (answer-merge). */
  conflicts?: Record<EditKey, CellConflict>;
  onResolve?(key: EditKey, choice: 'theirs' | 'mine'): void;
}

/** One checklist item with its official number, its cells for the selected round, and its guidance. */
export function ChecklistItem({
  item,
  round,
  readOnly,
  notApplicable,
  fiscalYear,
  today,
  draftFor,
  issues,
  onEdit,
  notice,
  footer,
  highlight = false,
  related,
  cellExtra,
  conflicts,
  onResolve,
}: Props) {
  const { t } = useI18n();
  const headingId = `item-${item.id}-text`;
  const modeOf = (previous: RoundDraft | undefined): CellMode => {
    if (readOnly) return 'read-only';
    if (notApplicable) return 'not-applicable';
    if (round > 1 && !previous?.value) return 'waiting-previous';
    return 'edit';
  };
  return (
    <article
      className={`item${notApplicable ? ' is-na' : ''}${item.gate ? ' is-gate' : ''}${highlight ? ' has-comment' : ''}`}
      id={`item-${item.id}`}
      data-testid={`item-${item.id}`}
      aria-labelledby={headingId}
    >
      <div className="item-head">
        <span className="item-number" aria-hidden="true">
          {item.number || t(M.gateLabel)}
        </span>
        <h3 id={headingId}>
          <span className="sr-only">{item.number || t(M.gateLabel)} </span>
          {t(item.text)}
        </h3>
        <div className="item-badges">
          {item.reference ? (
            <span className="badge reference" title={t(M.referenceHelp)}>
              {t(M.reference)}
            </span>
          ) : null}
          {notApplicable ? <span className="badge na">{t(M.notApplicable)}</span> : null}
        </div>
      </div>
      {notice}
      {item.reference ? <p className="hint">{t(M.referenceHelp)}</p> : null}
      {notApplicable ? <p className="na-reason">{t(notApplicable === 'gate' ? M.notApplicableGate : M.notApplicableVendor)}</p> : null}
      <div className={`cells cells-${item.cells.length}`}>
        {item.cells.map((deviceClass) => {
          const key = editKey(item.id, deviceClass, round);
          const previous = round > 1 ? draftFor(editKey(item.id, deviceClass, (round - 1) as Round)) : undefined;
          return (
            <CellEditor
              key={key}
              item={item}
              deviceClass={deviceClass}
              round={round}
              draft={draftFor(key)}
              previous={previous}
              errors={issues[key]}
              mode={modeOf(previous)}
              reference={isReferenceCell(item, deviceClass)}
              fiscalYear={fiscalYear}
              today={today}
              onEdit={(next) => onEdit(key, next)}
              extra={cellExtra?.(deviceClass)}
              conflict={conflicts?.[key]}
              onResolve={onResolve ? (choice) => onResolve(key, choice) : undefined}
            />
          );
        })}
      </div>
      {related}
      <Guidance item={item} />
      {footer}
    </article>
  );
}
