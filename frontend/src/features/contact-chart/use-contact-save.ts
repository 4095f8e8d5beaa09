import type { RouteId } from '@mcr/contract';
import { type FormEvent, useState } from 'react';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { useInvalidateApi } from '../../lib/use-api.ts';
import { entryInputId } from './contact-fields.tsx';
import { CC } from './messages.ts';

export type SaveMessage = { tone: 'success' | 'error' | 'warning'; title?: Localized; text: Localized };

/**
 * Saving a form of contacts (a facility's 連絡体制図, the prefecture's outside contacts, a vendor's incident contact): one place for the
 * busy state, 「保存しました」, a stale version (409: reload the stored one and say so), field errors next to their
 * inputs (named as the API names them, focusing the first) and anything else as one message.
 * The message is the caller's state, kept above the version-keyed form so that it outlives the remount.
 */
export function useContactSave<T>({
  save,
  saved,
  query,
  setMessage,
  onSaved,
  fieldId = entryInputId,
}: {
  save: () => Promise<T>;
  saved: Localized;
  /** The query that shows the stored contacts: reloaded after a save or a conflict. */
  query: RouteId;
  setMessage(m: SaveMessage | undefined): void;
  onSaved?(result: T): void;
  /** The input id of an API field name (`body.police.phone` → `oc-police-phone` by default). */
  fieldId?(field: string): string;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateApi();
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(undefined);
    setErrors(new Map());
    try {
      const result = await save();
      onSaved?.(result);
      setMessage({ tone: 'success', text: saved });
      await invalidate(query);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setMessage({ tone: 'warning', text: CC.stale });
        await invalidate(query);
      } else if (err instanceof ApiError && err.fields.length) {
        const map = new Map(err.fields.map((f) => [fieldId(f.field), t(f.message)]));
        setErrors(map);
        setMessage({ tone: 'error', title: CC.saveFailed, text: CC.fixFields(map.size) });
        const first = err.fields[0];
        if (first) document.getElementById(fieldId(first.field))?.focus();
      } else {
        setMessage({ tone: 'error', title: CC.saveFailed, text: err instanceof ApiError ? err.text : M.unexpected });
      }
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit };
}
