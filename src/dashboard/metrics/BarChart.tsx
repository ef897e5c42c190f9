export interface Bar {
  label: string;
  value: number;
  /** Shown at the bar's end instead of the raw value (e.g. "42%"). */
  display?: string;
}

const ROW = 22;
const LABEL_WIDTH = 240;
const CHART_WIDTH = 460;

/**
 * Horizontal bars in SVG: readable labels of any length, no canvas, and a text alternative
 * (the figure's description lists every bar) for screen readers.
 */
export function BarChart({ title, bars, max, emptyText = 'Nothing to show yet.' }: { title: string; bars: Bar[]; max?: number; emptyText?: string }) {
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 4;
  const description = bars.map((bar) => `${bar.label}: ${bar.display ?? bar.value}`).join('; ');
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p class="quiet">{emptyText}</p>
      ) : (
        <svg viewBox={`0 0 ${LABEL_WIDTH + CHART_WIDTH + 60} ${height}`} role="img" aria-label={`${title}. ${description}`} class="bar-chart">
          {bars.map((bar, index) => {
            const y = index * ROW + 2;
            const width = Math.max(bar.value > 0 ? 2 : 0, (bar.value / top) * CHART_WIDTH);
            return (
              <g key={bar.label}>
                <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} text-anchor="end" class="bar-label">
                  {bar.label.length > 36 ? `${bar.label.slice(0, 35)}…` : bar.label}
                </text>
                <rect x={LABEL_WIDTH} y={y + 3} width={width} height={ROW - 8} rx={3} class="bar" />
                <text x={LABEL_WIDTH + width + 6} y={y + ROW / 2 + 4} class="bar-value">
                  {bar.display ?? bar.value.toLocaleString()}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
