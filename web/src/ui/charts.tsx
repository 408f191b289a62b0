import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { L } from '../i18n';
import { formatCents } from '../points';

export interface Series {
  name: string;
  /** CSS class giving the colour (also used in the legend), e.g. "s-earned". */
  cls: string;
}

/** Bars grouped by a label (a month), one bar per series, values in hundredths. Drawn as SVG. */
export function GroupedBarChart(props: {
  title: string;
  groups: { label: string; values: number[] }[];
  series: Series[];
  testId?: string;
  /** Narrower bars for many groups (a year's months); the chart scrolls rather than shrinks. */
  many?: boolean;
}) {
  const max = Math.max(1, ...props.groups.flatMap((g) => g.values));
  // Drawn at its own size (one unit a CSS pixel): labels 15 px, as readable as the text beside.
  const bar = props.many ? 14 : 28;
  const gap = props.many ? 2 : 6;
  const groupWidth = props.series.length * (bar + gap) + (props.many ? 16 : 32);
  const height = 220;
  const top = 20;
  const maxLabel = formatCents(max);
  // The axis sits right of its widest label (15px digits are about 9px wide): "133.00" whole.
  const left = Math.max(48, Math.ceil(maxLabel.length * 9.5) + 12);
  const width = Math.max(300, props.groups.length * groupWidth + left + 8);
  const scale = (v: number) => (v / max) * (height - top);
  return (
    <SvgChart
      title={props.title}
      series={props.series}
      testId={props.testId}
      wide={props.many}
      scrollToEnd={props.many}
      width={width}
      minWidth={props.many ? width : Math.min(width, 320)}
      height={height + 40}
      axis={{ left, top, bottom: height, maxLabel }}
      rows={props.groups}
      format={formatCents}
    >
      {props.groups.map((g, gi) => {
        const x0 = left + 8 + gi * groupWidth;
        return (
          <g key={g.label}>
            {g.values.map((v, si) => {
              const h = scale(v);
              return (
                <rect
                  key={si}
                  x={x0 + si * (bar + gap)}
                  y={height - h}
                  width={bar}
                  height={h}
                  class={props.series[si]?.cls}
                >
                  <title>{`${g.label} ${props.series[si]?.name}: ${formatCents(v)}`}</title>
                </rect>
              );
            })}
            <text
              x={x0 + (props.series.length * (bar + gap)) / 2}
              y={height + 22}
              class="tick"
              text-anchor="middle"
            >
              {g.label}
            </text>
          </g>
        );
      })}
    </SvgChart>
  );
}

/** Horizontal bars, one row per label; the numbers stay readable beside the bars. */
export function BarList(props: {
  title: string;
  rows: { label: string; values: number[] }[];
  series: Series[];
  testId?: string;
  /** How a value is written: points (hundredths) unless given, e.g. a count of people. */
  format?: (value: number) => string;
}) {
  const format = props.format ?? formatCents;
  const max = Math.max(1, ...props.rows.flatMap((r) => r.values));
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      {props.series.length > 1 ? <Legend series={props.series} /> : null}
      {props.rows.length === 0 ? <p class="muted">{L('没有数据。', 'No data.')}</p> : null}
      <ul class="barlist">
        {props.rows.map((r) => (
          <li key={r.label}>
            <span class="barlist-label">{r.label}</span>
            <span class="barlist-bars">
              {r.values.map((v, i) => (
                <span key={i} class="barlist-row">
                  <span
                    class={`barlist-bar ${props.series[i]?.cls ?? ''}`}
                    style={{ width: `${Math.max(0.5, (v / max) * 100)}%` }}
                  />
                  <span class="barlist-num">{format(v)}</span>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/**
 * Lines over a run of labels (months), one per series, whole numbers (people). Drawn as SVG,
 * with every label's values in a table for screen readers.
 */
export function LineChart(props: {
  title: string;
  points: { label: string; values: number[] }[];
  series: Series[];
  testId?: string;
  /** The axis text of a point: a short line and, where a new run starts (a year), a second. */
  axisLabel?: (label: string, index: number) => [string, string];
}) {
  const max = Math.max(1, ...props.points.flatMap((p) => p.values));
  const step = 48;
  const height = 200;
  const top = 20;
  const left = Math.max(40, String(max).length * 10 + 16);
  const width = Math.max(300, left + 16 + Math.max(0, props.points.length - 1) * step + 24);
  const x = (i: number) => left + 16 + i * step;
  const y = (v: number) => height - (v / max) * (height - top);
  // Every label when there is room, else every third, sixth or twelfth (always the last one).
  const every = props.points.length <= 24 ? 1 : props.points.length <= 60 ? 3 : 12;
  return (
    <SvgChart
      title={props.title}
      series={props.series}
      testId={props.testId}
      scrollToEnd
      width={width}
      minWidth={width}
      height={height + 56}
      axis={{ left, top, bottom: height, maxLabel: String(max) }}
      rows={props.points}
      format={String}
    >
      {props.series.map((s, si) => (
        <g key={s.name} class={`line ${s.cls}`}>
          <polyline
            points={props.points.map((p, i) => `${x(i)},${y(p.values[si] ?? 0)}`).join(' ')}
          />
          {props.points.map((p, i) => (
            <circle key={p.label} cx={x(i)} cy={y(p.values[si] ?? 0)} r={4}>
              <title>{`${p.label} ${s.name}: ${p.values[si] ?? 0}`}</title>
            </circle>
          ))}
        </g>
      ))}
      {props.points.map((p, i) => {
        const [first, second] = props.axisLabel?.(p.label, i) ?? [p.label, ''];
        return i % every === 0 || i === props.points.length - 1 || second ? (
          <text key={p.label} x={x(i)} y={height + 22} class="tick" text-anchor="middle">
            {first}
            {second ? (
              <tspan x={x(i)} dy="18">
                {second}
              </tspan>
            ) : null}
          </text>
        ) : null;
      })}
    </SvgChart>
  );
}

/**
 * The frame of both SVG charts: caption, legend, the SVG (at its own size, scrolling sideways when
 * wider than the screen) with its axis and its 0 and max ticks, and every value in a table for
 * screen readers.
 */
function SvgChart(props: {
  title: string;
  series: Series[];
  testId?: string;
  /** The wide chart's class (a year's months). */
  wide?: boolean;
  /** Opens scrolled to its end (the latest months) when wider than the screen. */
  scrollToEnd?: boolean;
  width: number;
  minWidth: number;
  height: number;
  /** Where the value axis stands: x of the axis, y of the max and of the 0 line. */
  axis: { left: number; top: number; bottom: number; maxLabel: string };
  rows: { label: string; values: number[] }[];
  format: (value: number) => string;
  children: ComponentChildren;
}) {
  const scroller = useLatestInView();
  const { left, top, bottom, maxLabel } = props.axis;
  return (
    <figure class={props.wide ? 'chart chart-wide' : 'chart'} data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <Legend series={props.series} />
      <div class="chart-scroll" ref={props.scrollToEnd ? scroller : undefined}>
        <svg
          viewBox={`0 0 ${props.width} ${props.height}`}
          style={{
            width: '100%',
            maxWidth: `${props.width}px`,
            minWidth: `${props.minWidth}px`,
          }}
          role="img"
          aria-label={props.title}
        >
          <line x1={left} y1={bottom} x2={props.width} y2={bottom} class="axis" />
          <text x={left - 4} y={top + 5} class="tick" text-anchor="end" data-testid="chart-max">
            {maxLabel}
          </text>
          <text x={left - 4} y={bottom} class="tick" text-anchor="end">
            0
          </text>
          {props.children}
        </svg>
      </div>
      <div class="sr-only">
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th />
              {props.series.map((s) => (
                <th key={s.name}>{s.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.label}>
                <th>{r.label}</th>
                {r.values.map((v, i) => (
                  <td key={i}>{props.format(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A chart wider than the screen opens scrolled to its end: the latest months first. */
function useLatestInView() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el) {
      el.scrollLeft = el.scrollWidth;
    }
  });
  return ref;
}

function Legend(props: { series: Series[] }) {
  return (
    <ul class="legend" aria-hidden="true">
      {props.series.map((s) => (
        <li key={s.name}>
          <span class={`swatch ${s.cls}`} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}
