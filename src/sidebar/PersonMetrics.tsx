import type { Contact } from '../model/schemas';
import type { PageContext, PersonOnPage } from '../model/page-context';
import { StageSuggestions } from './StageSuggestions';
import { TrackPerson } from './TrackPerson';
import './metrics.css';

/**
 * Under the header: for a tracked contact the stage suggestions waiting for the rep; for anyone
 * else, "Track" and what would be captured. (The score itself is a chip in the header.)
 */
export function PersonMetrics({ context, person, contact }: { context: PageContext; person: PersonOnPage; contact: Contact | undefined }) {
  if (!contact) return <TrackPerson context={context} person={person} />;
  return (
    <div class="person-metrics">
      <StageSuggestions contact={contact} />
    </div>
  );
}
