import { useState } from 'preact/hooks';
import { listTimelinePage } from '../db/interactions-repository';
import { LOGGED_KINDS, SENTIMENTS, type Interaction, type InteractionKind, type Sentiment } from '../model/schemas';
import { useMutation } from '../ui/use-mutation';
import { useDatabase } from '../ui/database-context';
import { interactionKindLabel, kindsWhere, type TimelineGroup } from '../model/interaction-kinds';
import { SITE_TABLE, siteOfUrl } from '../model/sites';
import { formatDay, formatTime, machineTime } from '../ui/format';
import { lazyComponent } from '../ui/lazy-component';
import { useLiveDbQuery } from '../ui/use-live-db-query';
import { useOfferUndo } from './undo-context';
import { ErrorAlert } from '../ui/ErrorAlert';
import { describeKind } from './RecentActivity';

/** Editing a note loads when the user asks to edit one. */
const NoteEditor = lazyComponent(() => import('./NoteEditor').then((module) => module.NoteEditor));

/** Rows read per page: the first screen appears at once even for a person with 5,000 items. */
export const TIMELINE_PAGE = 50;

const GROUP_LABELS: Record<TimelineGroup, string> = {
  notes: 'Notes',
  email: 'Emails',
  linkedin: 'LinkedIn',
  meetings: 'Meetings and calls',
  changes: 'Stage changes and follow-ups',
};

/** "Everything", then one filter per timeline group, each showing the kinds the kind table puts in it. */
const KIND_FILTERS: Array<{ id: string; label: string; kinds: InteractionKind[] }> = [
  { id: 'all', label: 'Everything', kinds: [] },
  ...(Object.keys(GROUP_LABELS) as TimelineGroup[]).map((group) => ({
    id: group,
    label: GROUP_LABELS[group],
    kinds: [...kindsWhere((kind) => kind.timelineGroup === group)],
  })),
];

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

export function Timeline({ contactId }: { contactId: string | undefined }) {
  const [kindFilter, setKindFilter] = useState('all');
  const [sentimentFilter, setSentimentFilter] = useState<Sentiment | ''>('');
  const [limit, setLimit] = useState(TIMELINE_PAGE);
  const kinds = KIND_FILTERS.find((filter) => filter.id === kindFilter)?.kinds ?? [];
  const sentiments = sentimentFilter ? [sentimentFilter] : [];
  // One more than shown tells whether there is an older page.
  const page = useLiveDbQuery(['timeline', contactId ?? null, kindFilter, sentimentFilter, limit], (db) =>
    contactId ? listTimelinePage(db, contactId, { limit: limit + 1, kinds, sentiments }) : Promise.resolve([]),
  );
  const rows = page.data ?? [];
  const shown = rows.slice(0, limit);
  const filtered = kinds.length > 0 || sentiments.length > 0;

  return (
    <section class="timeline" aria-labelledby="timeline-heading" aria-busy={page.isPending}>
      <div class="timeline-top">
        <h2 id="timeline-heading">Timeline</h2>
        <div class="filters">
          <label class="visually-hidden" for="timeline-kind">
            Show
          </label>
          <select
            id="timeline-kind"
            value={kindFilter}
            onChange={(event) => {
              setKindFilter(event.currentTarget.value);
              setLimit(TIMELINE_PAGE);
            }}
          >
            {KIND_FILTERS.map((filter) => (
              <option key={filter.id} value={filter.id}>
                {filter.label}
              </option>
            ))}
          </select>
          <label class="visually-hidden" for="timeline-sentiment">
            Sentiment filter
          </label>
          <select
            id="timeline-sentiment"
            value={sentimentFilter}
            onChange={(event) => {
              setSentimentFilter(event.currentTarget.value as Sentiment | '');
              setLimit(TIMELINE_PAGE);
            }}
          >
            <option value="">Any sentiment</option>
            {SENTIMENTS.map((sentiment) => (
              <option key={sentiment} value={sentiment}>
                {sentiment}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!page.isPending && shown.length === 0 && (
        <p class="quiet">{filtered ? 'Nothing matches these filters.' : 'Nothing logged yet.'}</p>
      )}
      {groupByDay(shown).map((group) => (
        <div class="day" key={group.day}>
          <h3 class="day-heading">{group.day}</h3>
          <ol class="items">
            {group.items.map((interaction) => (
              <TimelineItem key={interaction.id} interaction={interaction} />
            ))}
          </ol>
        </div>
      ))}
      {rows.length > limit && (
        <button type="button" class="secondary" onClick={() => setLimit(limit + TIMELINE_PAGE)}>
          Show older
        </button>
      )}
    </section>
  );
}

/** Only links back to the sites Margin reads; anything else in a source is not a link. */
function sourceLink(interaction: Interaction): { href: string; label: string } | undefined {
  const { site, url } = interaction.source;
  if (site === 'margin' || !url || siteOfUrl(url) === undefined) return undefined;
  return { href: url, label: SITE_TABLE[site].openLabel };
}

function TimelineItem({ interaction }: { interaction: Interaction }) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const [editing, setEditing] = useState(false);
  const fields: Array<[string, string | undefined]> = [
    ['Objection', interaction.objection],
    ['Emotion observed', interaction.emotion],
    ['Next step', interaction.nextStep],
    ...Object.entries(interaction.templateFields ?? {}),
  ];
  const link = sourceLink(interaction);
  const change = interaction.stageChange;

  // A captured email or message is also remembered as removed, so reopening its thread does
  // not capture it again; a note is simply deleted.
  // The write paths load when first used: the timeline paints without them.
  // Undo is offered inside the write: the deleted item leaves the timeline (and unmounts) at once.
  const deletion = useMutation('delete it', async (item: Interaction) => {
    const db = await database();
    const undo = item.source.messageId
      ? await (await import('../actions/capture-interactions')).removeCapturedInteraction(db, item.id, Date.now())
      : await (await import('../actions/edit-timeline')).deleteInteraction(db, item.id, Date.now());
    if (undo) offerUndo(undo);
  });
  const remove = (): void => deletion.mutate(interaction);

  return (
    <li class={`item kind-${interaction.kind}`}>
      <div class="item-meta">
        <span class="item-kind">{describeKind(interaction)}</span>
        <time dateTime={machineTime(interaction.at)}>{formatTime(interaction.at)}</time>
        {interaction.sentiment && (
          <span class={`sentiment sentiment-${interaction.sentiment.toLowerCase()}`}>{interaction.sentiment}</span>
        )}
        {interaction.editedAt && <span title={`Edited ${formatDay(interaction.editedAt)} ${formatTime(interaction.editedAt)}`}>(edited)</span>}
      </div>
      {change && (
        <p class="item-field">
          {change.from ? `${change.from} → ${change.to}` : `Now ${change.to}`}
          {change.reason && <span class="quiet"> · {change.reason}</span>}
          <span class="quiet"> · by {interaction.author ?? 'you'}</span>
        </p>
      )}
      {interaction.subject && <p class="item-field">{interaction.subject}</p>}
      {editing ? (
        <NoteEditor interaction={interaction} onDone={() => setEditing(false)} />
      ) : (
        <>
          {fields
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <p class="item-field" key={label}>
                <span class="field-label">{label}:</span> {value}
              </p>
            ))}
          {interaction.body && <p class="item-body">{interaction.body}</p>}
          {interaction.tags && interaction.tags.length > 0 && (
            <p class="tags">
              {interaction.tags.map((tag) => (
                <span class="tag" key={tag}>
                  {tag}
                </span>
              ))}
            </p>
          )}
        </>
      )}
      <div class="item-actions">
        {link && (
          <a href={link.href} target="_blank" rel="noreferrer noopener">
            {link.label}
          </a>
        )}
        {(LOGGED_KINDS as readonly string[]).includes(interaction.kind) && !editing && (
          <button type="button" class="link" onClick={() => setEditing(true)} aria-label={`Edit ${interactionKindLabel(interaction.kind).toLowerCase()} from ${formatDay(interaction.at)} ${formatTime(interaction.at)}`}>
            Edit
          </button>
        )}
        {!editing && (
          <button type="button" class="link" onClick={() => void remove()} aria-label={`Delete ${interactionKindLabel(interaction.kind).toLowerCase()} from ${formatDay(interaction.at)} ${formatTime(interaction.at)}`}>
            Delete
          </button>
        )}
      </div>
      <ErrorAlert message={deletion.errorMessage} />
    </li>
  );
}
