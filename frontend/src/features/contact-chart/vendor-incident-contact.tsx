import { routes } from '@mcr/contract';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/feedback.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { useApiQuery, useInvalidateApi } from '../../lib/use-api.ts';
import { ContactFields, type Entry, entryInputId, entryOf } from './contact-fields.tsx';
import { CC } from './messages.ts';
import './contact-chart.css';

type Message = { tone: 'success' | 'error' | 'warning'; title?: Localized; text: Localized };

/**
 * The form is keyed by the stored version, so a save remounts it with the new values; the message lives in the
 * card above it so that 「保存しました」 outlives that remount.
 */
function Form({
  vendorId,
  initial,
  version,
  message,
  setMessage,
}: {
  vendorId: string;
  initial: Entry;
  version: number;
  message: Message | undefined;
  setMessage(m: Message | undefined): void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateApi();
  const [value, setValue] = useState<Entry>(initial);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(undefined);
    setErrors(new Map());
    try {
      await callRoute(routes['contactCharts.vendorContactPut'], { params: { vendorId }, body: { expectedVersion: version, ...value } });
      setMessage({ tone: 'success', text: CC.vendorContactSaved });
      await invalidate('contactCharts.vendorContactGet');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setMessage({ tone: 'warning', text: CC.stale });
        await invalidate('contactCharts.vendorContactGet');
      } else if (err instanceof ApiError && err.fields.length) {
        const map = new Map(err.fields.map((f) => [entryInputId(f.field), t(f.message)]));
        setErrors(map);
        setMessage({ tone: 'error', title: CC.saveFailed, text: CC.fixFields(map.size) });
      } else {
        setMessage({ tone: 'error', title: CC.saveFailed, text: err instanceof ApiError ? err.text : M.unexpected });
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {message ? (
        <Alert tone={message.tone} title={message.title ? t(message.title) : undefined}>
          <p>{t(message.text)}</p>
        </Alert>
      ) : null}
      <ContactFields prefix="" legend={t(CC.vendorContactTitle)} value={value} onChange={setValue} errors={errors} />
      <button type="submit" className="button" disabled={busy}>
        {t(CC.saveContact)}
      </button>
    </form>
  );
}

/** The vendor's own incident contact, shown on its client facilities' 連絡体制図. */
export function VendorIncidentContactCard({ vendorId }: { vendorId: string }) {
  const { t } = useI18n();
  const q = useApiQuery('contactCharts.vendorContactGet', { params: { vendorId } });
  const [message, setMessage] = useState<Message>();
  return (
    <section className="card" aria-labelledby="vic-title">
      <h2 id="vic-title">{t(CC.vendorContactTitle)}</h2>
      <p className="hint">{t(CC.vendorContactLead)}</p>
      {q.data ? (
        <Form key={q.data.version} vendorId={vendorId} initial={entryOf(q.data)} version={q.data.version} message={message} setMessage={setMessage} />
      ) : null}
    </section>
  );
}
