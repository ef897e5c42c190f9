import type { Contact } from '../model/schemas';
import type { PageContext, PersonOnPage } from '../model/page-context';
import { EngagementScore } from './EngagementScore';
import { StageSuggestions } from './StageSuggestions';
import { TrackPerson } from './TrackPerson';
import './metrics.css';

/**
 * Issue 5's part of the person panel: for a tracked contact their engagement score and stage
 * suggestions; for anyone else, "Track" and what would be captured.
 */
export function PersonMetrics({ context, person, contact }: { context: PageContext; person: PersonOnPage; contact: Contact | undefined }) {
  if (!contact) return <TrackPerson context={context} person={person} />;
  return (
    <div class="person-metrics">
      <StageSuggestions contact={contact} />
      <EngagementScore contact={contact} />
    </div>
  );
}
