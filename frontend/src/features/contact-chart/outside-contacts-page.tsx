import { type OutsideContacts, routes } from '@mcr/contract';
import { useState } from 'react';
import { Page } from '../../app/page.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { callRoute } from '../../lib/api-client.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { ContactFields, type Entry, emptyEntry, entryOf } from './contact-fields.tsx';
import { CC } from './messages.ts';
import { type SaveMessage, useContactSave } from './use-contact-save.ts';
import './contact-chart.css';

type Draft = { prefecture: Entry; police: Entry; mhlw: Entry; healthCenters: Array<Entry & { healthCenterId: string }>; desks: Entry[] };

const draftOf = (o: OutsideContacts): Draft => ({
  prefecture: entryOf(o.prefecture),
  police: entryOf(o.police),
  mhlw: entryOf(o.mhlw),
  healthCenters: o.healthCenters.map((h) => ({ ...entryOf(h), healthCenterId: h.healthCenterId })),
  desks: o.desks.map((d) => entryOf(d)),
});

/** Keyed by the stored version: the message lives in the page so that 「保存しました」 outlives the remount. */
function OutsideForm({ data, message, setMessage }: { data: OutsideContacts; message: SaveMessage | undefined; setMessage(m: SaveMessage | undefined): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(data));
  const sourceOf = (c: { source: string }) => (c.source ? `${t(CC.sourceNote)}: ${c.source}` : undefined);
  const { errors, busy, submit } = useContactSave({
    save: () => callRoute(routes['contactCharts.outsidePut'], { body: { expectedVersion: data.version, ...draft } }),
    saved: CC.outsideSaved,
    query: 'contactCharts.outsideGet',
    setMessage,
    onSaved: (stored) => setDraft(draftOf(stored)),
  });

  return (
    <form className="card cc-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t(CC.outsideTitle)}>
      {data.isDefault ? (
        <Alert tone="info" live={false}>
          <p>{t(CC.defaultsNote)}</p>
        </Alert>
      ) : null}
      {message ? (
        <Alert tone={message.tone} title={message.title ? t(message.title) : undefined}>
          <p>{t(message.text)}</p>
        </Alert>
      ) : null}
      <ContactFields
        prefix="prefecture"
        legend={t(CC.prefecture)}
        value={draft.prefecture}
        onChange={(v) => setDraft((d) => ({ ...d, prefecture: v }))}
        errors={errors}
        hint={sourceOf(data.prefecture)}
      />
      {draft.healthCenters.map((h, i) => (
        <ContactFields
          key={h.healthCenterId}
          prefix={`healthCenters[${i}]`}
          legend={`${t(CC.healthCenter)}: ${data.healthCenters[i]?.name || h.name}`}
          value={h}
          onChange={(v) =>
            setDraft((d) => ({ ...d, healthCenters: d.healthCenters.map((x, j) => (j === i ? { ...v, healthCenterId: x.healthCenterId } : x)) }))
          }
          errors={errors}
        />
      ))}
      <ContactFields
        prefix="police"
        legend={t(CC.police)}
        value={draft.police}
        onChange={(v) => setDraft((d) => ({ ...d, police: v }))}
        errors={errors}
        hint={sourceOf(data.police)}
      />
      <ContactFields
        prefix="mhlw"
        legend={t(CC.mhlw)}
        value={draft.mhlw}
        onChange={(v) => setDraft((d) => ({ ...d, mhlw: v }))}
        errors={errors}
        hint={sourceOf(data.mhlw)}
      />
      {draft.desks.map((desk, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: desks have no id; their order is the prefecture's.
        <div key={i}>
          <ContactFields
            prefix={`desks[${i}]`}
            legend={t(CC.deskN(i + 1))}
            value={desk}
            onChange={(v) => setDraft((d) => ({ ...d, desks: d.desks.map((x, j) => (j === i ? v : x)) }))}
            errors={errors}
            hint={data.desks[i] ? sourceOf(data.desks[i]) : undefined}
          />
          <p>
            <button type="button" className="button secondary small" onClick={() => setDraft((d) => ({ ...d, desks: d.desks.filter((_, j) => j !== i) }))}>
              {t(CC.removeDesk(i + 1))}
            </button>
          </p>
        </div>
      ))}
      {draft.desks.length < 10 ? (
        <p>
          <button type="button" className="button secondary" onClick={() => setDraft((d) => ({ ...d, desks: [...d.desks, emptyEntry()] }))}>
            {t(CC.addDesk)}
          </button>
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t(CC.saveOutside)}
        </button>
      </div>
    </form>
  );
}

/** The prefecture keeps the outside bodies once; every facility's chart shows them. */
export function OutsideContactsPage() {
  const { t } = useI18n();
  const q = useApiQuery('contactCharts.outsideGet');
  const [message, setMessage] = useState<SaveMessage>();
  return (
    <Page title={t(CC.outsideTitle)} lead={t(CC.outsideEditLead)}>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <OutsideForm key={q.data.version} data={q.data} message={message} setMessage={setMessage} />
      )}
    </Page>
  );
}
