export interface Column {
  label: string;
  /** Stacked segments, bottom first; one segment for a plain column. */
  segments: Array<{ name: string; value: number }>;
}

const WIDTH = 640;
const HEIGHT = 180;
const AXIS = 22;

/** Vertical (optionally stacked) columns over time, in SVG, with a legend and a text alternative. */
export function ColumnChart({ title, columns, legend }: { title: string; columns: Column[]; legend?: string[] }) {
  const totals = columns.map((column) => column.segments.reduce((sum, segment) => sum + segment.value, 0));
  const top = Math.max(1, ...totals);
  const slot = WIDTH / Math.max(1, columns.length);
  const description = columns
    .map((column, index) =>
      column.segments.length === 1
        ? `${column.label}: ${totals[index]}`
        : `${column.label}: ${column.segments.map((segment) => `${segment.name} ${segment.value}`).join(', ')}`,
    )
    .join('; ');
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label={`${title}. ${description}`} class="column-chart">
        {columns.map((column, index) => {
          let y = HEIGHT;
          const x = index * slot + slot * 0.15;
          return (
            <g key={column.label}>
              {column.segments.map((segment, segmentIndex) => {
                const height = (segment.value / top) * (HEIGHT - 16);
                y -= height;
                return <rect key={segment.name} x={x} y={y} width={slot * 0.7} height={height} class={`segment segment-${segmentIndex}`} />;
              })}
              <text x={x + slot * 0.35} y={HEIGHT - ((totals[index] ?? 0) / top) * (HEIGHT - 16) - 3} text-anchor="middle" class="bar-value">
                {totals[index] ? totals[index] : ''}
              </text>
              <text x={x + slot * 0.35} y={HEIGHT + 15} text-anchor="middle" class="bar-label">
                {column.label}
              </text>
            </g>
          );
        })}
      </svg>
      {legend && (
        <ul class="legend">
          {legend.map((name, index) => (
            <li key={name}>
              <span class={`swatch segment-${index}`} aria-hidden="true" />
              {name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
