/*
 * Draws one dashboard chart with Chart.js, registering only the pieces the dashboard uses (bar and line
 * charts, their scales, the tooltip and legend), so the bundler keeps the rest of Chart.js out. This module
 * is imported lazily by chart-card.tsx: Chart.js lands in a chunk of its own, loaded with the first chart,
 * never in the counter's bundle. Colours come from the design tokens (src/ui/theme.css), read when drawn, so
 * the light and dark themes both read.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

export interface ChartSeries {
  label: string;
  values: readonly number[];
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  /** Bars laid along the vertical axis (long product names read better). */
  horizontal?: boolean;
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** How an axis tick or a tooltip value is written (money in the shop's currency, counts). */
  format: (value: number) => string;
}

const SERIES_TOKENS = ['--color-brand', '--color-warn', '--color-focus', '--color-bad'];

function token(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

export interface DrawnChart {
  destroy(): void;
}

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): DrawnChart {
  const text = token('--color-text', '#0f172a');
  const grid = token('--color-border', '#e2e8f0');
  const axis = spec.horizontal ? 'y' : 'x';
  const valueAxis = spec.horizontal ? 'x' : 'y';
  return new Chart(canvas, {
    type: spec.kind,
    data: {
      labels: [...spec.labels],
      datasets: spec.series.map((series, index) => {
        const colour = token(SERIES_TOKENS[index % SERIES_TOKENS.length] ?? '--color-brand', '#0f766e');
        return { label: series.label, data: [...series.values], backgroundColor: colour, borderColor: colour, borderWidth: spec.kind === 'line' ? 2 : 0, pointRadius: 2 };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: axis,
      color: text,
      plugins: {
        legend: { display: spec.series.length > 1, labels: { color: text } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${spec.format(Number(item.raw))}` } },
      },
      scales: {
        [axis]: { ticks: { color: text, autoSkip: true }, grid: { color: grid } },
        [valueAxis]: { ticks: { color: text, callback: (value) => spec.format(Number(value)) }, grid: { color: grid }, beginAtZero: true },
      },
    },
  });
}
