import { RECENT_ACTIVITY_READ } from '../db/live-reads';
import type { Interaction } from '../model/schemas';
import { interactionKindLabel } from '../model/interaction-kinds';
import { formatDay, formatTime, machineTime } from '../ui/format';
import { useDbRead } from '../ui/use-live-db-query';
import { DAY_MS } from '../metrics/engagement-score';

export { RECENT_ITEMS } from '../db/live-reads';

/** "What happened last": the newest few items, one line each, on the first screen. */
export function RecentActivity({ contactId }: { contactId: string }) {
  const recent = useDbRead(RECENT_ACTIVITY_READ, contactId);
  if (recent.error || !recent.data || recent.data.length === 0) return null;
  const now = Date.now();
  return (
    <section class="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Latest</h2>
      <ol class="recent-items">
        {recent.data.map((interaction) => (
          <li key={interaction.id} class={`recent-item kind-${interaction.kind}`}>
            <span class="recent-meta">
              <span class="item-kind">{describeKind(interaction)}</span>
              {interaction.sentiment && (
                <span class={`sentiment sentiment-${interaction.sentiment.toLowerCase()}`}> · {interaction.sentiment}</span>
              )}
              <time class="quiet" dateTime={machineTime(interaction.at)}>
                {' '}
                · {describeWhen(interaction.at, now)}
              </time>
            </span>
            {summaryOf(interaction) && <span class="recent-summary">{summaryOf(interaction)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "Call, 25 min": a logged call or meeting says how long it was. */
export function describeKind(interaction: Interaction): string {
  const label = interactionKindLabel(interaction.kind);
  return interaction.durationMinutes ? `${label}, ${formatMinutes(interaction.durationMinutes)}` : label;
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** The line that says what it was about: its text, subject, stage change or structured fields. */
function summaryOf(interaction: Interaction): string {
  const change = interaction.stageChange;
  if (change) return `${change.from ? `${change.from} → ` : ''}${change.to}${change.reason ? `: ${change.reason}` : ''}`;
  return (
    interaction.body ??
    interaction.subject ??
    [interaction.objection && `Objection: ${interaction.objection}`, interaction.nextStep && `Next: ${interaction.nextStep}`].filter(Boolean).join(' · ')
  );
}

function describeWhen(at: number, now: number): string {
  const days = Math.floor((startOfDay(now) - startOfDay(at)) / DAY_MS + 0.5);
  if (days <= 0) return `today ${formatTime(at)}`;
  if (days === 1) return `yesterday ${formatTime(at)}`;
  if (days < 7) return `${days} days ago`;
  return formatDay(at);
}

function startOfDay(at: number): number {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}
