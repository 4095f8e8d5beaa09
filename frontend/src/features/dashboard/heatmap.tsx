import type { Heatmap } from '@mcr/contract';
import { useState } from 'react';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApiQuery } from '../../lib/use-api.ts';
import { D } from './dashboard-messages.ts';
import { type Dimension, drillTo, sliceFilter } from './drill.ts';

type Counts = { y: number; n: number; u: number };

/** はい among every applicable answer, unanswered included; null when nothing is asked. */
export function yesShare(c: Counts | undefined): number | null {
  if (!c) return null;
  const all = c.y + c.n + c.u;
  return all === 0 ? null : c.y / all;
}

/** Five steps, each a light background with dark text of the same hue (contrast above 7:1). */
export function heatStep(share: number | null): string {
  if (share === null) return 'heat-none';
  if (share >= 1) return 'heat-s4';
  if (share >= 0.8) return 'heat-s3';
  if (share >= 0.6) return 'heat-s2';
  if (share >= 0.4) return 'heat-s1';
  return 'heat-s0';
}

const pct = (share: number) => `${Math.floor(share * 100)}%`;
const FEW = 10;

function Cell({ counts, label, href }: { counts: Counts | undefined; label: string; href?: string }) {
  const { t } = useI18n();
  const share = yesShare(counts);
  if (share === null || !counts) {
    return (
      <td className="num heat heat-none">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t(D.notAsked)}</span>
      </td>
    );
  }
  const title = t(D.cellTitle(label, counts.y, counts.y + counts.n + counts.u));
  return (
    <td className={`num heat ${heatStep(share)}`} title={title}>
      {href ? (
        <Link to={href} aria-label={`${pct(share)} — ${title}`}>
          {pct(share)}
        </Link>
      ) : (
        pct(share)
      )}
    </td>
  );
}

/** Which dimensions a scope can break items down by: an inspector's dashboard has one 保健所, so no 医療圏. */
export function heatmapDimensions(inspector: boolean): Dimension[] {
  return inspector ? ['kind', 'size', 'hc'] : ['hc', 'area', 'kind', 'size'];
}

export function WeakestItems({ campaignId, inspector }: { campaignId: string; inspector: boolean }) {
  const { t } = useI18n();
  const dims = heatmapDimensions(inspector);
  const [by, setBy] = useState<Dimension>(dims[0] ?? 'hc');
  const [all, setAll] = useState(false);
  const q = useApiQuery('dashboard.heatmap', { params: { campaignId }, query: { by } });
  return (
    <section className="card dash-section print-break" aria-labelledby="heatmap-heading" data-testid="heatmap">
      <h2 id="heatmap-heading">{t(D.heatmap)}</h2>
      <p className="hint">{t(D.heatmapLead)}</p>
      <fieldset className="segmented no-print">
        <legend>{t(D.heatmapBy)}</legend>
        {dims.map((d) => (
          <label key={d} className={by === d ? 'checked' : undefined}>
            <input type="radio" name="heatmap-by" value={d} checked={by === d} onChange={() => setBy(d)} />
            {t(D.by[d] ?? { ja: d })}
          </label>
        ))}
      </fieldset>
      <HeatLegend />
      {q.isPending ? <Loading /> : null}
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? <HeatTable data={q.data} by={by} campaignId={campaignId} all={all} /> : null}
      {q.data && q.data.items.length > FEW ? (
        <p className="no-print">
          <button type="button" className="button secondary small" aria-expanded={all} onClick={() => setAll((v) => !v)}>
            {all ? t(D.showFewerItems) : t(D.showAllItems(q.data.items.length))}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function HeatLegend() {
  const { t } = useI18n();
  return (
    <div className="heat-legend">
      <span className="muted small-text">{t(D.legend)}:</span>
      <ul>
        {(['s0', 's1', 's2', 's3', 's4'] as const).map((s) => (
          <li key={s} className={`heat heat-${s}`}>
            {t(D.legendStep[s] ?? { ja: s })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function HeatTable({ data, by, campaignId, all }: { data: Heatmap; by: Dimension; campaignId: string; all: boolean }) {
  const { t, lang } = useI18n();
  const items = data.items
    .map((item) => ({ item, share: yesShare(data.total[item.itemId]) }))
    .filter((x) => x.share !== null)
    .sort((a, b) => (a.share ?? 0) - (b.share ?? 0) || a.item.number.localeCompare(b.item.number, 'ja', { numeric: true }));
  const shown = all ? items : items.slice(0, FEW);
  return (
    <div className="table-wrap">
      <table className="table heat-table" data-testid="heatmap-table">
        <caption className="sr-only">
          {t(D.heatmap)} — {t(D.by[by] ?? { ja: by })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(D.colItem)}</th>
            <th scope="col" className="num">
              {t(D.colAll)}
            </th>
            {data.columns.map((c) => (
              <th key={c.value} scope="col" className="num" lang={lang === 'en' && c.label.en ? 'en' : 'ja'}>
                {t(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map(({ item }) => (
            <tr key={item.itemId} data-testid={`heat-row-${item.itemId}`}>
              <th scope="row" className="heat-item">
                <span className="item-no">{item.number}</span> <span className="item-text">{t(item.text)}</span>
              </th>
              <Cell counts={data.total[item.itemId]} label={t(D.colAll)} />
              {data.columns.map((c) => (
                <Cell
                  key={c.value}
                  counts={data.values[c.value]?.[item.itemId]}
                  label={`${item.number} ${t(c.label)}`}
                  href={drillTo(campaignId, sliceFilter(by, c.value))}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
