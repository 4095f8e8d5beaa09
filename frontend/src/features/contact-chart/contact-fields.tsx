import type { ContactEntry } from '@mcr/contract';
import { TextField } from '../../components/text-field.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { CC } from './messages.ts';

export type Entry = Required<ContactEntry>;
export const emptyEntry = (): Entry => ({ name: '', department: '', phone: '', afterHoursPhone: '', email: '', hours: '', url: '', note: '' });
export const entryOf = (c: Partial<Entry> & Record<string, unknown>): Entry => {
  const e = emptyEntry();
  for (const k of Object.keys(e) as (keyof Entry)[]) e[k] = typeof c[k] === 'string' ? (c[k] as string) : '';
  return e;
};
/** `body.police.phone` → `oc-police-phone`, `body.desks[1].url` → `oc-desks-1-url`. */
export const entryInputId = (field: string) =>
  `oc-${field
    .replace(/^body\./, '')
    .replace(/\[(\d+)\]/g, '-$1')
    .replaceAll('.', '-')}`;

const FIELDS: Array<[keyof Entry, Localized, Record<string, string>]> = [
  ['name', CC.orgName, {}],
  ['department', CC.deptField, {}],
  ['phone', CC.phoneField, { type: 'tel', inputMode: 'tel' }],
  ['afterHoursPhone', CC.afterHoursField, { type: 'tel', inputMode: 'tel' }],
  ['email', CC.emailField, { type: 'email' }],
  ['hours', CC.hoursField, {}],
  ['url', CC.urlField, { type: 'url' }],
  ['note', CC.noteField, {}],
];

/** The fields of one contact, named for the API's field errors (`prefix` as the API spells it, e.g. `desks[0]`). */
export function ContactFields({
  prefix,
  legend,
  value,
  onChange,
  errors,
  hint,
}: {
  prefix: string;
  legend: string;
  value: Entry;
  onChange(e: Entry): void;
  errors: Map<string, string>;
  hint?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="cc-fieldset">
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className="cc-fields">
        {FIELDS.map(([f, label, extra]) => {
          const id = entryInputId(prefix ? `${prefix}.${f}` : f);
          return (
            <TextField
              key={f}
              id={id}
              label={t(label)}
              value={value[f]}
              error={errors.get(id)}
              autoComplete="off"
              onChange={(e) => onChange({ ...value, [f]: e.target.value })}
              {...extra}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
