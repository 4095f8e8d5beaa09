import { type Answers, allItems, applicableCells, type Item, type Template } from '@mcr/domain';
import { type KeyboardEvent, type ReactNode, useMemo, useRef } from 'react';
import { formatTime, todayInJapan } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ChecklistItem, type NotApplicableReason } from '../checklist/checklist-item.tsx';
import { type EditKey, type FieldMessages, ROUNDS, type Round, type RoundDraft } from '../checklist/draft.ts';
import type { SaveState } from '../checklist/use-autosave.ts';
import { V } from './vendor-messages.ts';

/** A vendor has a contract by definition: only the gate (「契約がありますか」) closes the rest. */
export const VENDOR_CONTEXT = { hasVendorContract: true } as const;

export function RoundTabs({ round, onChange, idPrefix }: { round: Round; onChange(r: Round): void; idPrefix: string }) {
  const { t } = useI18n();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = ROUNDS.indexOf(round);
    const next = e.key === 'ArrowRight' ? (index + 1) % ROUNDS.length : e.key === 'ArrowLeft' ? (index + ROUNDS.length - 1) % ROUNDS.length : -1;
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
          id={`${idPrefix}-round-${r}`}
          aria-selected={r === round}
          aria-controls={`${idPrefix}-round-panel`}
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

export function SaveLine({ state, heldBack, onRetry, onReload }: { state: SaveState; heldBack: boolean; onRetry(): void; onReload?: () => void }) {
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
      {/* Seen where the user is typing (the alert at the top may be scrolled away). */}
      {state.kind === 'conflict' && onReload ? (
        <button type="button" className="button small primary" onClick={onReload}>
          {t(V.reload)}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The vendor form's sections and items for one round, drawn with the facility checklist's own item and cell
 * editor. `notice` / `highlight` per item let the facility view mark the cells changed for one facility.
 */
export function VendorFormItems({
  template,
  answers,
  round,
  readOnly,
  fiscalYear,
  draftFor,
  issues,
  onEdit,
  idPrefix,
  noticeFor,
  highlighted,
}: {
  template: Template;
  /** The answers as typed, for applicability (the gate). */
  answers: Answers;
  round: Round;
  readOnly: boolean;
  fiscalYear: number;
  draftFor(key: EditKey): RoundDraft;
  issues: Record<EditKey, FieldMessages>;
  onEdit(key: EditKey, draft: RoundDraft): void;
  idPrefix: string;
  noticeFor?: (item: Item) => ReactNode;
  highlighted?: (item: Item) => boolean;
}) {
  const { t } = useI18n();
  const today = todayInJapan();
  const notApplicable = useMemo(() => {
    const live = new Set(applicableCells(template, answers, VENDOR_CONTEXT).map((c) => c.itemId));
    const out = new Map<string, NotApplicableReason>();
    for (const item of allItems(template)) if (!live.has(item.id)) out.set(item.id, 'gate');
    return out;
  }, [template, answers]);
  return (
    <div role="tabpanel" id={`${idPrefix}-round-panel`} aria-labelledby={`${idPrefix}-round-${round}`} className="round-panel">
      {template.sections.map((section) => {
        let group: string | undefined;
        return (
          <section key={section.id} className="checklist-section" aria-labelledby={`${idPrefix}-section-${section.id}`}>
            <h3 id={`${idPrefix}-section-${section.id}`} className="vendor-section-title">
              {section.number ? <span className="section-number">{section.number}</span> : null}
              {t(section.title)}
            </h3>
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
                    readOnly={readOnly}
                    notApplicable={notApplicable.get(item.id)}
                    fiscalYear={fiscalYear}
                    today={today}
                    draftFor={draftFor}
                    issues={issues}
                    onEdit={onEdit}
                    notice={noticeFor?.(item)}
                    highlight={highlighted?.(item) ?? false}
                  />
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}

/** 「未回答 N」 or 「回答済み」 for one round of one standard answer. */
export function missingText(missing: number, texts: { missing(k: number): Localized; complete: Localized }): Localized {
  return missing === 0 ? texts.complete : texts.missing(missing);
}
