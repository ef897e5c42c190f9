import { SENTIMENTS } from '../../model/schemas';
import { useLiveDbQuery } from '../../ui/use-live-db-query';
import { BarChart } from './BarChart';
import { ColumnChart } from './ColumnChart';
import { readDashboardMetrics } from './dashboard-metrics';

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit' });

/** The metrics page: six pictures of the pipeline and of the logging habit. */
export function MetricsView() {
  const metrics = useLiveDbQuery(['dashboard-metrics'], (db) => readDashboardMetrics(db, Date.now()));
  if (!metrics.data) return <p class="quiet" aria-busy="true">Counting…</p>;
  const data = metrics.data;
  return (
    <div class="metrics-grid">
      <BarChart title="Stage funnel" bars={data.funnel.map(({ stage, count }) => ({ label: stage, value: count }))} />
      <BarChart title="Score distribution" bars={data.scoreDistribution.map(({ label, count }) => ({ label, value: count }))} />
      <ColumnChart
        title="Sentiment by month"
        legend={[...SENTIMENTS]}
        columns={data.sentimentByMonth.map(({ month, counts }) => ({
          label: monthFormat.format(new Date(`${month}-15T12:00:00`)),
          segments: SENTIMENTS.map((sentiment) => ({ name: sentiment, value: counts[sentiment] })),
        }))}
      />
      <ColumnChart
        title="Notes logged per week"
        columns={data.notesPerWeek.map(({ label, count }) => ({ label, segments: [{ name: 'Notes', value: count }] }))}
      />
      <BarChart
        title="Most frequent objections this month"
        bars={data.topObjections.map(({ label, count }) => ({ label, value: count }))}
        emptyText="No objections logged this month."
      />
      <BarChart
        title="Most frequent emotions this month"
        bars={data.topEmotions.map(({ label, count }) => ({ label, value: count }))}
        emptyText="No emotions logged this month."
      />
      <BarChart
        title="Data completeness"
        max={1}
        bars={data.completeness.map(({ label, share }) => ({ label, value: share, display: `${Math.round(share * 100)}%` }))}
      />
    </div>
  );
}
