import type { FacilityVendorAnswers } from '@mcr/contract';
import { allItems, cellKey, latestRound } from '@mcr/domain';
import { useState } from 'react';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatFiscalYear } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { FV } from './facility-vendor-messages.ts';

/** The vendor form's items and this vendor's answers for this facility (read when opened). */
function AnswersTable({ facilityId, answers }: { facilityId: string; answers: FacilityVendorAnswers }) {
  const { t } = useI18n();
  const view = useApiQuery('vendorResponses.getFacility', {
    params: { campaignId: answers.campaignId, vendorId: answers.vendorId, facilityId },
  });
  if (view.isPending) return <Loading />;
  if (view.isError) return <LoadError error={view.error} onRetry={() => void view.refetch()} />;
  const overridden = new Set(answers.overriddenCells);
  const items = allItems(view.data.template);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard
    <section className="table-wrap" tabIndex={0} aria-label={`${answers.vendorName} ${t(FV.answersTitle)}`}>
      <table className="table compact-table" data-testid={`vendor-answers-${answers.vendorId}`}>
        <caption className="sr-only">
          {answers.vendorName} {t(FV.answersTitle)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(FV.colItem)}</th>
            <th scope="col">{t(FV.colAnswer)}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <span className="item-number-inline">{item.number || t(M.gateLabel)}</span> {t(item.text)}
              </th>
              <td>
                <ul className="plain-list">
                  {item.cells.map((dc) => {
                    const key = cellKey(item.id, dc);
                    const value = latestRound(answers.answers[key])?.answer.value;
                    return (
                      <li key={dc}>
                        {item.cells.length > 1 ? `${t(M.deviceClass[dc])} ` : null}
                        {value ? (
                          <span className={`answer-${value}-text`}>{t(value === 'yes' ? M.yes : M.no)}</span>
                        ) : (
                          <span className="muted">{t(FV.notAnswered)}</span>
                        )}
                        {overridden.has(key) ? <span className="badge override-badge">{t(FV.override)}</span> : null}
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * One vendor's answers to the 事業者確認用 for this facility (its latest vendor survey): status, the standard
 * answer that applies, and — opened on demand — every item with the vendor's latest round.
 */
export function VendorAnswers({ facilityId, answers, vendorName }: { facilityId: string; answers: FacilityVendorAnswers | undefined; vendorName: string }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const headingId = `answers-${answers?.vendorId ?? vendorName}`;
  return (
    <section className="vendor-part" aria-labelledby={headingId}>
      <h4 id={headingId}>{t(FV.answersTitle)}</h4>
      {!answers ? (
        <p className="muted">{t(FV.answersNone)}</p>
      ) : (
        <details className="vendor-answers-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>
            {formatFiscalYear(answers.fiscalYear, lang)} <StatusBadge status={answers.status} />
            {answers.profileName ? <span className="muted"> ・ {t(FV.profile(answers.profileName))}</span> : null}
            {answers.overriddenCells.length > 0 ? <span className="muted"> ・ {t(FV.overrides(answers.overriddenCells.length))}</span> : null}
          </summary>
          {open ? <AnswersTable facilityId={facilityId} answers={answers} /> : null}
        </details>
      )}
    </section>
  );
}
