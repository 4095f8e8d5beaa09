import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';

/**
 * A modal question before something that cannot be undone (差戻し, 無効化, 削除). Opens when `open` turns true,
 * puts the focus on 「キャンセル」 (the safe choice) and gives it back to the opener when closed.
 */
export function ConfirmDialog({
  open,
  id,
  title,
  children,
  confirmText,
  busyText,
  busy,
  danger = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  id: string;
  title: string;
  children?: ReactNode;
  confirmText: string;
  busyText?: string;
  busy: boolean;
  danger?: boolean;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      d.showModal();
      cancel.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={children ? `${id}-body` : undefined}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      onClose={() => {
        const back = opener.current;
        if (back instanceof HTMLElement && back.isConnected) back.focus();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children ? (
        <div id={`${id}-body`} className="dialog-body">
          {children}
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className={`button ${danger ? 'danger' : 'primary'}`} disabled={busy} onClick={onConfirm}>
          {busy ? (busyText ?? t(M.working)) : confirmText}
        </button>
        <button ref={cancel} type="button" className="button secondary" disabled={busy} onClick={onClose}>
          {t(M.cancel)}
        </button>
      </div>
    </dialog>
  );
}
