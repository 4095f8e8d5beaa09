import { CARE_IMPACT_LABELS, CARE_IMPACTS, type CareImpact, INCIDENT_CONTACTED, INCIDENT_CONTACTED_LABELS, type IncidentContacted } from '@mcr/contract';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { IM } from './messages.ts';

/**
 * The fields a report's facts share between reporting it and updating it: whether care is affected, and whom the
 * facility has told. `idPrefix` keeps the two forms' ids apart (`incident-…` on the report, `update-…` on the
 * update), and the report's ids are the ones its field errors focus.
 */
export function CareImpactField({
  idPrefix,
  value,
  onChange,
  error,
}: {
  idPrefix: string;
  value: CareImpact | '';
  onChange(v: CareImpact): void;
  error?: Localized | undefined;
}) {
  const { t } = useI18n();
  const errorId = `${idPrefix}-impact-error`;
  return (
    <fieldset className="plain-fieldset incident-impact" id={`${idPrefix}-careImpact`} aria-describedby={error ? errorId : undefined}>
      <legend>{t(IM.impact)}</legend>
      {CARE_IMPACTS.map((c) => (
        <label key={c} className={`choice impact-choice impact-${c}`}>
          <input type="radio" name={`${idPrefix}-careImpact`} value={c} checked={value === c} onChange={() => onChange(c)} />{' '}
          <strong>{t(CARE_IMPACT_LABELS[c])}</strong> <span className="hint">{t(IM.impactHelp[c])}</span>
        </label>
      ))}
      {error ? (
        <p id={errorId} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ContactedFields({
  idPrefix,
  contacted,
  onContacted,
  other,
  onOther,
}: {
  idPrefix: string;
  contacted: readonly IncidentContacted[];
  onContacted(v: IncidentContacted[]): void;
  other: string;
  onOther(v: string): void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="plain-fieldset" id={`${idPrefix}-contacted`}>
      <legend>{t(IM.contacted)}</legend>
      {INCIDENT_CONTACTED.map((c) => (
        <label key={c} className="choice">
          <input
            type="checkbox"
            checked={contacted.includes(c)}
            onChange={(e) => onContacted(e.target.checked ? [...contacted, c] : contacted.filter((x) => x !== c))}
          />{' '}
          {t(INCIDENT_CONTACTED_LABELS[c])}
        </label>
      ))}
      <div className="field" id={`${idPrefix}-contactedOther`}>
        <label htmlFor={`${idPrefix}-contacted-other`}>{t(IM.contactedOther)}</label>
        <input id={`${idPrefix}-contacted-other`} value={other} maxLength={1000} onChange={(e) => onOther(e.target.value)} />
      </div>
    </fieldset>
  );
}
