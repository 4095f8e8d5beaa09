import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { type ReactNode, type RefObject, useId, useLayoutEffect, useRef, useState } from 'react';
import { navigate } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { D } from './dashboard-messages.ts';

/** One bar: its label, its value and how it is written, a colour class, and where choosing it leads. */
export interface BarDatum {
  key: string;
  label: string;
  /** A second, smaller line under the label (a range, a date). */
  sub?: string;
  value: number;
  /** The value as text next to the bar (the bar's length is never the only way to read it). */
  text: string;
  tone: string;
  href?: string;
}

/** The width the chart may take: its box's, followed as the window (or the printed page) changes. */
function useWidth(fallback = 560): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.floor(el.getBoundingClientRect().width)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/** A link inside the SVG that moves inside the app (keyboard and pointer), like the app's `Link`. */
function BarLink({ href, label, children }: { href: string; label: string; children: ReactNode }) {
  return (
    <a
      href={href}
      aria-label={label}
      className="bar-link"
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

/**
 * Horizontal bars with their labels on the left and their values written after them (SVG, drawn with visx's
 * scales and shapes). Bars with an `href` are links with a spoken name; a chart without links is one image
 * with its values in its accessible name.
 */
export function HBarChart({
  data,
  title,
  labelledBy,
  max,
  labelWidth = 150,
}: {
  data: BarDatum[];
  title: string;
  labelledBy?: string;
  max?: number;
  labelWidth?: number;
}) {
  const { t } = useI18n();
  const [box, width] = useWidth();
  const rowHeight = data.some((d) => d.sub) ? 44 : 34;
  const valueWidth = 96;
  const narrow = width < 420;
  const lw = narrow ? Math.min(labelWidth, 118) : labelWidth;
  const height = data.length * rowHeight + 8;
  const y = scaleBand({ domain: data.map((d) => d.key), range: [4, height - 4], padding: 0.22 });
  const top = Math.max(max ?? 0, ...data.map((d) => d.value), 1);
  const x = scaleLinear({ domain: [0, top], range: [0, Math.max(40, width - lw - valueWidth)] });
  const linked = data.some((d) => d.href);
  const summary = data.map((d) => `${d.label}${d.sub ? ` (${d.sub})` : ''}: ${d.text}`).join('、');
  return (
    <div ref={box} className="chart-box">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="chart"
        {...(linked ? { role: 'group', 'aria-labelledby': labelledBy } : { role: 'img', 'aria-label': `${title}: ${summary}` })}
      >
        <title>{title}</title>
        {data.map((d) => {
          const top0 = y(d.key) ?? 0;
          const bh = y.bandwidth();
          const bw = Math.max(d.value > 0 ? 2 : 0, x(d.value));
          const row = (
            <Group key={d.key} top={top0}>
              <text x={lw - 10} y={d.sub ? bh / 2 - 3 : bh / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
                {d.label}
              </text>
              {d.sub ? (
                <text x={lw - 10} y={bh / 2 + 13} textAnchor="end" dominantBaseline="middle" className="chart-sub">
                  {d.sub}
                </text>
              ) : null}
              <rect x={lw} y={0} width={x.range()[1]} height={bh} className="chart-track" />
              <Bar x={lw} y={0} width={bw} height={bh} className={`chart-bar ${d.tone}`} />
              <text x={lw + bw + 6} y={bh / 2} dominantBaseline="middle" className="chart-value">
                {d.text}
              </text>
            </Group>
          );
          return d.href ? (
            <BarLink key={d.key} href={d.href} label={t(D.barLink([d.label, d.sub, d.text].filter(Boolean).join(' ')))}>
              {row}
            </BarLink>
          ) : (
            <g key={d.key} aria-hidden={linked ? undefined : 'true'}>
              {row}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** Vertical bars for a distribution (bands left to right), values written above the bars. One image. */
export function ColumnChart({ data, title, axis }: { data: BarDatum[]; title: string; axis: string }) {
  const [box, width] = useWidth();
  const height = 220;
  const bottom = 52;
  const topPad = 22;
  const x = scaleBand({ domain: data.map((d) => d.key), range: [0, width], padding: 0.2 });
  const y = scaleLinear({ domain: [0, Math.max(1, ...data.map((d) => d.value))], range: [height - bottom, topPad] });
  const summary = data.map((d) => `${d.label}: ${d.text}`).join('、');
  return (
    <div ref={box} className="chart-box">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="chart" role="img" aria-label={`${title}: ${summary}`}>
        <title>{title}</title>
        <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} className="chart-axis" />
        {data.map((d) => {
          const left = x(d.key) ?? 0;
          const bw = x.bandwidth();
          const barTop = y(d.value);
          return (
            <Group key={d.key} left={left}>
              <Bar x={0} y={barTop} width={bw} height={height - bottom - barTop} className={`chart-bar ${d.tone}`} />
              <text x={bw / 2} y={barTop - 6} textAnchor="middle" className="chart-value">
                {d.text}
              </text>
              <text x={bw / 2} y={height - bottom + 18} textAnchor="middle" className={`chart-label ${bw < 48 ? 'tiny' : 'small'}`}>
                {d.label}
              </text>
            </Group>
          );
        })}
        <text x={width / 2} y={height - 8} textAnchor="middle" className="chart-sub">
          {axis}
        </text>
      </svg>
    </div>
  );
}

/**
 * A chart with its heading and its table alternative: the table can be opened under the chart (and is always
 * printed). The heading names the chart's group for screen readers.
 */
export function ChartFigure({
  title,
  lead,
  table,
  children,
  testId,
}: {
  title: string;
  lead?: string;
  table: ReactNode;
  children: (labelledBy: string) => ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`} data-testid={testId}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        {lead ? <p className="hint">{lead}</p> : null}
      </figcaption>
      {children(`${id}-title`)}
      <button type="button" className="button link small no-print" aria-expanded={open} aria-controls={`${id}-table`} onClick={() => setOpen((o) => !o)}>
        {open ? t(D.hideTable) : t(D.showTable)}
      </button>
      <div id={`${id}-table`} className="chart-table" hidden={!open}>
        {table}
      </div>
    </figure>
  );
}
