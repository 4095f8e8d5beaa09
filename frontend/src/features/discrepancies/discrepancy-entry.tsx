import { DISCREPANCY_RULE_LABELS, DISCREPANCY_TEXT_MAX, type Discrepancy, type RouteId, routes } from '@mcr/contract';
import { type FormEvent, useId, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Alert } from '../../components/feedback.tsx';
import { dayInJapan, formatDate, formatDateTime } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { DM } from './discrepancy-messages.ts';
import './discrepancies.css';

/** Whether the signed-in role may call a route (the route table names its roles; the server checks the rest). */
export function useMayCall(routeId: RouteId): boolean {
  const { me } = useAuth();
  return (routes[routeId].roles as readonly string[]).includes(me.role);
}

export const isOpen = (d: Pick<Discrepancy, 'state'>) => d.state === 'open' || d.state === 'explained';

export function ruleLabel(rule: string): Localized {
  return DM.rule[rule] ?? DISCREPANCY_RULE_LABELS[rule as Discrepancy['rule']] ?? { ja: rule };
}

/** The finding in a sentence that names the vendor. */
export function ruleSentence(d: Pick<Discrepancy, 'rule' | 'vendorName'>): Localized {
  return DM.ruleText[d.rule]?.(d.vendorName) ?? DISCREPANCY_RULE_LABELS[d.rule] ?? DM.ruleOther(d.vendorName);
}

/** `2(3)` or 「前提の問い」. */
export function itemName(d: Pick<Discrepancy, 'itemNumber'>): Localized {
  return d.itemNumber ? DM.item(d.itemNumber) : DM.gateItem;
}

function answerText(v: unknown): Localized | undefined {
  if (v === 'yes') return M.yes;
  if (v === 'no') return M.no;
  return undefined;
}

/** What each side said, in words (only the keys the rules write; others are left out). */
function DetailLine({ d }: { d: Discrepancy }) {
  const { t } = useI18n();
  const parts: string[] = [];
  const facility = answerText(d.detail.facility);
  const vendor = answerText(d.detail.vendor);
  if (facility) parts.push(`${t(DM.byOrg.facility ?? { ja: '医療機関' })}: ${t(facility)}`);
  if (vendor) parts.push(`${d.vendorName}: ${t(vendor)}`);
  if (typeof d.detail.documents === 'number') parts.push(`MDS/SDS: ${t(M.countItems(d.detail.documents))}`);
  if (parts.length === 0) return null;
  return <p className="disc-detail">{parts.join(' ・ ')}</p>;
}

export function StateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return <span className={`badge disc-state disc-state-${state}`}>{t(DM.state[state] ?? { ja: state })}</span>;
}

/** The explanations and the resolution, newest last. */
function History({ d }: { d: Discrepancy }) {
  const { t, lang } = useI18n();
  const entries = d.history.filter((h) => h.text || h.action !== 'opened');
  if (entries.length === 0) return null;
  const latest = [...entries].reverse().find((h) => h.text);
  return (
    <>
      {latest ? (
        <blockquote className="disc-latest">
          <p className="disc-who">
            {t(DM.action[latest.action] ?? { ja: latest.action })}（{t(DM.byOrg[latest.byOrg] ?? { ja: latest.byOrg })}・{latest.by}・
            {formatDateTime(latest.at, lang)}）
          </p>
          <p className="disc-text">{latest.text}</p>
        </blockquote>
      ) : null}
      {entries.length > 1 || !latest ? (
        <details className="disc-history">
          <summary>{t(DM.history)}</summary>
          <ol>
            {d.history.map((h) => (
              <li key={`${h.at}-${h.action}`}>
                {formatDateTime(h.at, lang)} {t(DM.action[h.action] ?? { ja: h.action })}（{t(DM.byOrg[h.byOrg] ?? { ja: h.byOrg })}・{h.by}）
                {h.text ? <span className="disc-text">：{h.text}</span> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}

function errorText(err: unknown): Localized {
  return err instanceof ApiError ? err.text : M.unexpected;
}

/** 「説明する」: a short text from the facility (or the vendor) that stays in the discrepancy's history. */
function ExplainForm({ d, onDone, onCancel }: { d: Discrepancy; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<Localized | undefined>();
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (!value) {
      setError(DM.explainRequired);
      field.current?.focus();
      return;
    }
    if (value.length > DISCREPANCY_TEXT_MAX) {
      setError(DM.tooLong(DISCREPANCY_TEXT_MAX));
      field.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await callRoute(routes['discrepancies.explain'], {
        params: { facilityId: d.facilityId, discrepancyId: d.id },
        body: { expectedVersion: d.version, text: value },
      });
      onDone();
    } catch (err) {
      setError(errorText(err));
      field.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="disc-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t(DM.explainLabel)}</label>
        <textarea
          id={`${id}-text`}
          ref={field}
          rows={3}
          maxLength={DISCREPANCY_TEXT_MAX}
          value={text}
          // biome-ignore lint/a11y/noAutofocus: the form opens on the user's own click of 「説明する」
          autoFocus
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <p id={`${id}-hint`} className="hint">
          {t(DM.explainHint)}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {t(error)}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary small" disabled={busy}>
          {busy ? t(DM.sending) : t(DM.explainSend)}
        </button>
        <button type="button" className="button secondary small" disabled={busy} onClick={onCancel}>
          {t(DM.cancel)}
        </button>
      </div>
    </form>
  );
}

/** The prefecture's 「解決済みにする」 with an optional note, asked in a dialog. */
export function ResolveButton({ d, onDone }: { d: Discrepancy; onDone?(): void }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Localized | undefined>();
  const what = `${d.facilityName} ${t(itemName(d))} ${t(ruleLabel(d.rule))}`;
  const resolve = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const text = note.trim();
      await callRoute(routes['discrepancies.resolve'], {
        params: { facilityId: d.facilityId, discrepancyId: d.id },
        body: { expectedVersion: d.version, ...(text ? { text } : {}) },
      });
      setOpen(false);
      onDone?.();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button secondary small" aria-label={t(DM.resolveFor(what))} onClick={() => setOpen(true)}>
        {t(DM.resolve)}
      </button>
      <ConfirmDialog
        open={open}
        id={`resolve-${id.replace(/:/g, '')}`}
        title={t(DM.resolveTitle)}
        confirmText={t(DM.resolve)}
        busy={busy}
        onConfirm={() => void resolve()}
        onClose={() => {
          setOpen(false);
          setError(undefined);
        }}
      >
        <p>
          {d.facilityName} ・ {d.vendorName} ・ {t(itemName(d))}
        </p>
        <p>{t(ruleSentence(d))}</p>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t(DM.resolveNote)}</label>
          <textarea id={`${id}-note`} rows={3} maxLength={DISCREPANCY_TEXT_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {error ? (
          <Alert tone="error">
            <p>{t(error)}</p>
          </Alert>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

/**
 * One discrepancy: its kind, the vendor, what each side said, the latest explanation, and the actions the role
 * has (the facility or the vendor explains, the prefecture resolves).
 */
export function DiscrepancyEntry({ d, showItem = true, headingLevel = 4 }: { d: Discrepancy; showItem?: boolean; headingLevel?: 3 | 4 }) {
  const { t, lang } = useI18n();
  const mayExplain = useMayCall('discrepancies.explain');
  const mayResolve = useMayCall('discrepancies.resolve');
  const [explaining, setExplaining] = useState(false);
  const [sent, setSent] = useState(false);
  const explainButton = useRef<HTMLButtonElement>(null);
  const open = isOpen(d);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const what = `${showItem ? `${t(itemName(d))} ` : ''}${d.vendorName} ${t(ruleLabel(d.rule))}`;
  return (
    <div className={`disc-entry disc-${d.state}`} data-testid={`discrepancy-${d.rule}-${d.vendorId}`}>
      <Heading className="disc-head">
        <span className="badge disc-badge">{t(DM.badge)}</span> <span className="disc-rule">{t(ruleLabel(d.rule))}</span>
        {showItem ? <span className="disc-item"> ・ {t(itemName(d))}</span> : null} <span className="disc-vendor">・ {d.vendorName}</span>{' '}
        <StateBadge state={d.state} />
      </Heading>
      <p className="disc-sentence">{t(ruleSentence(d))}</p>
      <DetailLine d={d} />
      <p className="disc-meta muted">{t(DM.firstSeen(formatDate(dayInJapan(d.firstSeenAt), lang)))}</p>
      <History d={d} />
      {sent ? (
        <p className="ok-text" role="status">
          {t(DM.explainSent)}
        </p>
      ) : null}
      {open && explaining ? (
        <ExplainForm
          d={d}
          onDone={() => {
            setExplaining(false);
            setSent(true);
          }}
          onCancel={() => {
            setExplaining(false);
            requestAnimationFrame(() => explainButton.current?.focus());
          }}
        />
      ) : null}
      {open && !explaining && (mayExplain || mayResolve) ? (
        <div className="disc-actions">
          {mayExplain ? (
            <button
              ref={explainButton}
              type="button"
              className="button secondary small"
              aria-label={t(DM.explainFor(what))}
              onClick={() => {
                setSent(false);
                setExplaining(true);
              }}
            >
              {t(DM.explain)}
            </button>
          ) : null}
          {mayResolve ? <ResolveButton d={d} /> : null}
        </div>
      ) : null}
    </div>
  );
}
