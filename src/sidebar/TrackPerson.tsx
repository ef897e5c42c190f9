import { useState } from 'preact/hooks';
import { previewCapture, trackPerson } from '../actions/capture-interactions';
import { useMutation } from '../ui/use-mutation';
import { NOT_TRACKED_LABEL } from '../capture/tracking-rules';
import type { PageContext, PersonOnPage } from '../model/page-context';
import { useDatabase } from '../ui/database-context';
import { interactionKindLabel } from '../model/interaction-kinds';
import { formatDay } from '../ui/format';
import { useLiveDbQuery } from '../ui/use-live-db-query';

/**
 * For someone Margin does not track yet: a "Track" button and what it would capture from this
 * page, so nothing is logged about a person before the user decides to.
 */
export function TrackPerson({ context, person }: { context: PageContext; person: PersonOnPage }) {
  const database = useDatabase();
  const [notTracked, setNotTracked] = useState('');
  const tracking = useMutation('start tracking', async () => trackPerson(await database(), person, context, Date.now()));
  const preview = useLiveDbQuery(['capture-preview', context.url, person.email ?? person.linkedinSlug ?? person.name, context.messages?.length ?? 0], (db) =>
    previewCapture(db, person, context, Date.now()),
  ).data;

  if (preview?.notTracked) {
    return (
      <section class="track" aria-label="Tracking">
        <p class="quiet">Margin does not capture activity with {person.email}: {NOT_TRACKED_LABEL[preview.notTracked]}.</p>
      </section>
    );
  }

  const track = (): void => {
    setNotTracked('');
    tracking.mutate(undefined, {
      onSuccess: (outcome) => {
        if (!outcome.tracked) setNotTracked(`Not tracked: ${NOT_TRACKED_LABEL[outcome.reason]}.`);
      },
    });
  };
  const busy = tracking.isPending;
  const error = tracking.errorMessage || notTracked;

  const items = preview?.interactions ?? [];
  return (
    <section class="track" aria-labelledby="track-heading">
      <h2 id="track-heading">Track {person.name}</h2>
      <p class="quiet">
        Tracking keeps who, when and which thread, never the text of a message.
        {items.length > 0 ? ' From this page Margin would capture:' : ' Nothing on this page would be captured yet.'}
      </p>
      {items.length > 0 && (
        <ul class="track-preview">
          {items.slice(0, 10).map((item) => (
            <li key={`${item.source.messageId}`}>
              {interactionKindLabel(item.kind)} · {formatDay(item.at)}
              {item.subject ? ` · ${item.subject}` : ''}
            </li>
          ))}
          {items.length > 10 && <li class="quiet">and {items.length - 10} more</li>}
        </ul>
      )}
      <button type="button" disabled={busy} onClick={() => void track()}>
        Track
      </button>
      {error && (
        <p class="save-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
