import type { Item } from '@mcr/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';

/** How an item is named in labels and lists: its printed number, or 「前提」 for the gate. */
export function itemNumber(item: Pick<Item, 'number'>): { ja: string; en: string } {
  return item.number ? { ja: item.number, en: item.number } : M.gateLabel;
}

export const commentFieldId = (itemId: string) => `review-comment-${itemId}`;

/** The prefecture's draft comment on one item while reviewing: a button that opens a textarea next to the item. */
export function ItemCommentEditor({
  item,
  open,
  value,
  onOpen,
  onChange,
  onRemove,
}: {
  item: Item;
  open: boolean;
  value: string;
  onOpen(): void;
  onChange(value: string): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const id = commentFieldId(item.id);
  const headingId = `item-${item.id}-text`;
  if (!open) {
    return (
      <div className="item-review">
        <button type="button" className="button secondary small" aria-describedby={headingId} onClick={onOpen}>
          <span aria-hidden="true">✎ </span>
          {t(M.commentOnItem)}
        </button>
      </div>
    );
  }
  const tooLong = value.length > 2000;
  return (
    <div className="item-review is-open">
      <div className="field">
        <label htmlFor={id}>{t(M.commentLabel(t(itemNumber(item))))}</label>
        <textarea
          id={id}
          rows={3}
          value={value}
          aria-invalid={tooLong ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {t(M.commentHint)}
        </p>
        {tooLong ? <p className="field-error">{t(M.commentTooLong)}</p> : null}
      </div>
      <button type="button" className="button link small" aria-describedby={headingId} onClick={onRemove}>
        {t(M.commentRemove)}
      </button>
    </div>
  );
}

/** A comment the prefecture left on an item when it sent the response back, shown inside that item. */
export function ItemCommentNote({ itemId, comment, facilityUser }: { itemId: string; comment: string; facilityUser: boolean }) {
  const { t } = useI18n();
  return (
    <div className="item-comment" data-testid={`item-comment-${itemId}`}>
      <p className="item-comment-title">{t(facilityUser ? M.itemCommentTitleFacility : M.itemCommentTitle)}</p>
      <p className="item-comment-text">{comment}</p>
    </div>
  );
}
