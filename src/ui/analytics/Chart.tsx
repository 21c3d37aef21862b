// One uPlot chart that fills its container's width and follows it (phones rotate, sidebars open). uPlot draws
// on a canvas, so the figure carries an aria-label summary and every caller offers the numbers as a table too.
// This module pulls in uPlot: import it only from lazily loaded code (the initial bundle has a 60 KB budget).
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartProps {
  /** Epoch milliseconds, ascending. */
  times: readonly number[];
  values: readonly number[];
  kind: 'step' | 'bars' | 'line';
  /** Name of the series (legend). */
  label: string;
  /** What the chart shows, in words, for screen readers. */
  summary: string;
  height?: number;
  format?: (v: number) => string;
}

const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const HOUR = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** Tick labels of the time axis, as the app writes dates ("Nov 12"; with the time within two days): never ms. */
function timeTicks(_u: uPlot, splits: number[]): string[] {
  const span = splits.length > 1 ? splits[splits.length - 1]! - splits[0]! : 0;
  const f = span < 2 * 86_400 ? HOUR : DAY;
  return splits.map((s) => f.format(s * 1000));
}

const STROKE = '#1f4e79';
const FILL = 'rgba(31, 78, 121, 0.14)';

function options(p: ChartProps, width: number): uPlot.Options {
  const fmt = p.format ?? ((v: number) => v.toLocaleString());
  const paths =
    p.kind === 'bars' ? uPlot.paths.bars!({ size: [0.7, 48] }) : p.kind === 'step' ? uPlot.paths.stepped!({ align: 1 }) : undefined;
  return {
    width,
    height: p.height ?? 220,
    cursor: { drag: { x: false, y: false } },
    // No legend: it read "Time: -- Quantity: —" until hovered; the summary and the table give the numbers.
    legend: { show: false },
    scales: {
      // Bars are centred on their day: pad the x range by half a day so the first and last are not cut in half.
      x: p.kind === 'bars' ? { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] } : { time: true },
      y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      // At least 80 px per tick label, so dates never run together.
      { stroke: '#5b6470', grid: { stroke: '#ece8df' }, ticks: { stroke: '#dcd7cc' }, space: 80, values: timeTicks },
      { stroke: '#5b6470', grid: { stroke: '#ece8df' }, ticks: { stroke: '#dcd7cc' }, size: 72, values: (_u, vals) => vals.map((v) => (v == null ? '' : fmt(v))) },
    ],
    series: [
      {},
      { label: p.label, stroke: STROKE, width: 2, fill: FILL, ...(paths ? { paths } : {}), points: { show: p.kind === 'line' && p.times.length < 60 }, value: (_u, v) => (v == null ? '—' : fmt(v)) },
    ],
  };
}

const data = (p: ChartProps): uPlot.AlignedData => [p.times.map((t) => t / 1000), [...p.values]];

export function Chart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot>();
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const el = box.current!;
    const u = new uPlot(options(latest.current, el.clientWidth || 320), data(latest.current), el);
    plot.current = u;
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => el.clientWidth > 0 && u.setSize({ width: el.clientWidth, height: latest.current.height ?? 220 }));
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
      u.destroy();
      plot.current = undefined;
    };
  }, [props.kind, props.label, props.height]);

  useEffect(() => {
    plot.current?.setData(data(props));
  }, [props.times, props.values]);

  return <div ref={box} class="chart" role="img" aria-label={props.summary} />;
}
