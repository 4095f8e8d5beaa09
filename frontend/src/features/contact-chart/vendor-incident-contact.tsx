import { routes } from '@mcr/contract';
import { useState } from 'react';
import { Alert } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { callRoute } from '../../lib/api-client.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { ContactFields, type Entry, entryOf } from './contact-fields.tsx';
import { CC } from './messages.ts';
import { type SaveMessage, useContactSave } from './use-contact-save.ts';
import './contact-chart.css';

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
  message: SaveMessage | undefined;
  setMessage(m: SaveMessage | undefined): void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState<Entry>(initial);
  const { errors, busy, submit } = useContactSave({
    save: () => callRoute(routes['contactCharts.vendorContactPut'], { params: { vendorId }, body: { expectedVersion: version, ...value } }),
    saved: CC.vendorContactSaved,
    query: 'contactCharts.vendorContactGet',
    setMessage,
  });
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
  const [message, setMessage] = useState<SaveMessage>();
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
