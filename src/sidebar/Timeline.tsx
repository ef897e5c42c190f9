import type { Interaction } from '../db/schemas';
import { formatDay, formatTime, INTERACTION_KIND_LABEL } from '../ui/format';

/** Groups interactions (already newest first) by calendar day, keeping the order. */
function groupByDay(interactions: Interaction[]): Array<{ day: string; items: Interaction[] }> {
  const groups: Array<{ day: string; items: Interaction[] }> = [];
  for (const interaction of interactions) {
    const day = formatDay(interaction.at);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(interaction);
    else groups.push({ day, items: [interaction] });
  }
  return groups;
}

export function Timeline({ interactions, loading }: { interactions: Interaction[]; loading: boolean }) {
  return (
    <section class="timeline" aria-labelledby="timeline-heading" aria-busy={loading}>
      <h2 id="timeline-heading">Timeline</h2>
      {!loading && interactions.length === 0 && <p class="quiet">Nothing logged yet.</p>}
      {groupByDay(interactions).map((group) => (
        <div class="day" key={group.day}>
          <h3 class="day-heading">{group.day}</h3>
          <ol class="items">
            {group.items.map((interaction) => (
              <TimelineItem key={interaction.id} interaction={interaction} />
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

function TimelineItem({ interaction }: { interaction: Interaction }) {
  const fields: Array<[string, string | undefined]> = [
    ['Objection', interaction.objection],
    ['Emotion observed', interaction.emotion],
    ['Next step', interaction.nextStep],
  ];
  return (
    <li class={`item kind-${interaction.kind}`}>
      <div class="item-meta">
        <span class="item-kind">{INTERACTION_KIND_LABEL[interaction.kind]}</span>
        <time dateTime={new Date(interaction.at).toISOString()}>{formatTime(interaction.at)}</time>
        {interaction.sentiment && (
          <span class={`sentiment sentiment-${interaction.sentiment.toLowerCase()}`}>{interaction.sentiment}</span>
        )}
      </div>
      {fields
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <p class="item-field" key={label}>
            <span class="field-label">{label}:</span> {value}
          </p>
        ))}
      {interaction.body && <p class="item-body">{interaction.body}</p>}
    </li>
  );
}
