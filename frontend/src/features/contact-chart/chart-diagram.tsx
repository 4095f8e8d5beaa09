import type { ContactChartView, OutsideContact } from '@mcr/contract';
import type { ReactNode } from 'react';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { CC } from './messages.ts';

type Person = NonNullable<ContactChartView['chart']>['director'];

function Line({ label, value, empty }: { label: Localized; value: string; empty?: ReactNode }) {
  const { t } = useI18n();
  if (!value && !empty) return null;
  return (
    <div className="cc-line">
      <dt>{t(label)}</dt>
      <dd>{value ? <span className={label === CC.email ? 'cc-mail' : 'cc-num'}>{value}</span> : <span className="cc-empty">{empty}</span>}</dd>
    </div>
  );
}

function PersonBox({ role, person, step }: { role: Localized; person: Person | undefined; step: number }) {
  const { t } = useI18n();
  return (
    <li className="cc-box cc-person">
      <p className="cc-role">
        <span className="cc-step" aria-hidden="true">
          {step}
        </span>
        {t(role)}
      </p>
      {person ? (
        <>
          <p className="cc-name">
            {person.name}
            {person.title ? <span className="cc-title"> {person.title}</span> : null}
          </p>
          <dl>
            <Line label={CC.phone} value={person.phone} />
            <Line label={CC.afterHours} value={person.afterHoursPhone} />
            <Line label={CC.email} value={person.email} />
          </dl>
        </>
      ) : (
        <p className="cc-empty">{t(CC.notSet)}</p>
      )}
    </li>
  );
}

function OutsideBox({ label, contact, prefFills = false }: { label: Localized; contact: OutsideContact; prefFills?: boolean }) {
  const { t } = useI18n();
  const missing = t(prefFills ? CC.prefFills : CC.notSet);
  return (
    <li className="cc-box cc-outside">
      <p className="cc-role">{t(label)}</p>
      <p className="cc-name">
        {contact.name}
        {contact.department ? <span className="cc-title"> {contact.department}</span> : null}
      </p>
      <dl>
        <Line label={CC.phone} value={contact.phone} empty={contact.url ? undefined : missing} />
        <Line label={CC.afterHours} value={contact.afterHoursPhone} />
        <Line label={CC.email} value={contact.email} />
        <Line label={CC.hours} value={contact.hours} />
        <Line label={CC.urlField} value={contact.url} />
      </dl>
      {contact.note ? <p className="cc-note">{contact.note}</p> : null}
      {contact.source ? (
        <p className="cc-source">
          {t(CC.sourceNote)}: {contact.source}
        </p>
      ) : null}
    </li>
  );
}

/** The chart as one diagram: the internal escalation, then the vendors, then the outside bodies. Printable on one A4 page. */
export function ChartDiagram({ view }: { view: ContactChartView }) {
  const { t, lang } = useI18n();
  const chart = view.chart;
  const staff = chart?.systemStaff ?? [];
  let step = 1;
  const hc = view.outside.healthCenters[0];
  return (
    <article className="cc-diagram" aria-labelledby="cc-diagram-title">
      <header className="cc-head">
        <h2 id="cc-diagram-title">
          {t(CC.chartHeading)} <span className="cc-facility">{view.facility.name}</span>
        </h2>
        <p className="cc-dates">
          <span>
            {t(CC.lastUpdated)}: {chart ? `${formatDateTime(chart.updatedAt, lang)} ${t(CC.by(chart.updatedBy))}` : t(CC.notCreated)}
          </span>
          <span>
            {t(CC.lastConfirmed)}: {chart?.confirmedOn ? formatDate(chart.confirmedOn, lang) : t(CC.notConfirmed)}
          </span>
        </p>
      </header>

      <section className="cc-section" aria-labelledby="cc-internal">
        <h3 id="cc-internal">{t(CC.internal)}</h3>
        <ol className="cc-chain">
          <li className="cc-box cc-person cc-discoverer">
            <p className="cc-role">
              <span className="cc-step" aria-hidden="true">
                {step++}
              </span>
              {t(CC.discoverer)}
            </p>
            <p className="cc-note">{t(CC.discovererNote)}</p>
          </li>
          {staff.length ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the order is the escalation; names may repeat.
            staff.map((p, i) => <PersonBox key={`${p.name}-${i}`} role={CC.staffShort(i + 1)} person={p} step={step++} />)
          ) : (
            <PersonBox role={CC.systemStaff} person={undefined} step={step++} />
          )}
          <PersonBox role={CC.securityOfficer} person={chart?.securityOfficer} step={step++} />
          <PersonBox role={CC.director} person={chart?.director} step={step++} />
        </ol>
        {chart?.notes ? (
          <p className="cc-notes">
            <strong>{t(CC.notes)}:</strong> {chart.notes}
          </p>
        ) : null}
      </section>

      <p className="cc-decides" aria-hidden="false">
        <span aria-hidden="true">▼ </span>
        {t(CC.decides)}
        <span aria-hidden="true"> ▼</span>
      </p>

      <div className="cc-lower">
        <section className="cc-section" aria-labelledby="cc-vendors">
          <h3 id="cc-vendors">{t(CC.vendors)}</h3>
          {view.vendors.length === 0 ? (
            <p className="cc-empty">{t(CC.vendorsNone)}</p>
          ) : (
            <ul className="cc-grid">
              {view.vendors.map((v) => {
                const o = v.override;
                const own = o && (o.name || o.phone || o.afterHoursPhone || o.email);
                const c = own ? o : v.vendorContact;
                return (
                  <li key={v.vendorId} className="cc-box cc-vendor">
                    <p className="cc-name">{v.vendorName}</p>
                    {v.systems.length ? (
                      <p className="cc-systems">
                        {v.systems.join('・')}
                        {v.remoteMaintenance ? ` / ${t(CC.remote)}` : ''}
                      </p>
                    ) : null}
                    {c ? (
                      <>
                        {c.name ? <p className="cc-title">{c.name}</p> : null}
                        <dl>
                          <Line label={CC.phone} value={c.phone} />
                          <Line label={CC.afterHours} value={c.afterHoursPhone} />
                          <Line label={CC.email} value={c.email} />
                          {'hours' in c ? <Line label={CC.hours} value={c.hours} /> : null}
                        </dl>
                        <p className="cc-source">{t(own ? CC.fromFacility : CC.fromVendor)}</p>
                      </>
                    ) : (
                      <p className="cc-empty">{t(CC.noVendorContact)}</p>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section className="cc-section" aria-labelledby="cc-outside">
          <h3 id="cc-outside">{t(CC.outside)}</h3>
          <ul className="cc-grid">
            <OutsideBox label={CC.prefecture} contact={view.outside.prefecture} prefFills />
            {hc ? <OutsideBox label={CC.healthCenter} contact={hc} prefFills /> : null}
            <OutsideBox label={CC.police} contact={view.outside.police} prefFills />
            <OutsideBox label={CC.mhlw} contact={view.outside.mhlw} prefFills />
            {view.outside.desks.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: desks have no id; their order is the prefecture's.
              <OutsideBox key={`${d.name}-${i}`} label={CC.desks} contact={d} />
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}
