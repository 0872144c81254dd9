/*
 * One dashboard chart in a card, its numbers one tap away: the toggle swaps the chart for a table of the same
 * series (and back). Chart.js is loaded with the first chart drawn (chart-canvas.ts); until then, and if it
 * cannot load, the card says so and the table still works.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSpec, DrawnChart } from './chart-canvas.ts';

export interface ChartCardProps {
  testId: string;
  title: string;
  spec: ChartSpec;
  /** The first column's heading (hour, day, product...). */
  labelHeading: string;
  /** Written instead of the chart when there is nothing to show. */
  empty?: boolean;
}

export function ChartCard({ testId, title, spec, labelHeading, empty = false }: ChartCardProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="dashboard-card" data-testid={testId} aria-label={title}>
      <header className="dashboard-card-head">
        <h2>{title}</h2>
        <button type="button" className="dashboard-toggle" aria-pressed={asTable} data-testid={`${testId}-toggle`} onClick={() => setAsTable((shown) => !shown)}>
          {asTable ? t('dashboard.showChart') : t('dashboard.showNumbers')}
        </button>
      </header>
      {empty ? (
        <p className="dashboard-empty">{t('dashboard.nothing')}</p>
      ) : asTable ? (
        <ChartTable spec={spec} labelHeading={labelHeading} testId={`${testId}-table`} />
      ) : (
        <ChartCanvas spec={spec} label={title} />
      )}
    </section>
  );
}

function ChartTable({ spec, labelHeading, testId }: { spec: ChartSpec; labelHeading: string; testId: string }) {
  return (
    <div className="dashboard-table-wrap">
      <table className="dashboard-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            {spec.series.map((series) => (
              <th scope="col" key={series.label}>
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.labels.map((label, row) => (
            <tr key={`${label}-${row}`}>
              <th scope="row">{label}</th>
              {spec.series.map((series) => (
                <td key={series.label}>{spec.format(series.values[row] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChartCanvas({ spec, label }: { spec: ChartSpec; label: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  useEffect(() => {
    let drawn: DrawnChart | undefined;
    let cancelled = false;
    import('./chart-canvas.ts')
      .then(({ drawChart }) => {
        if (cancelled || canvas.current === null) return;
        drawn = drawChart(canvas.current, spec);
        setState('drawn');
      })
      .catch((error: unknown) => {
        console.error('Drawing a dashboard chart failed', error);
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      drawn?.destroy();
    };
  }, [spec]);
  return (
    <div className="dashboard-chart" data-state={state}>
      <canvas ref={canvas} role="img" aria-label={label} />
      {state === 'failed' && <p className="error">{t('dashboard.chartFailed')}</p>}
    </div>
  );
}
