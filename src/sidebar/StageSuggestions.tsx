import type { Contact, StageSuggestion } from '../model/schemas';
import { useMutation } from '../ui/use-mutation';
import { acceptSuggestion, dismissSuggestion } from '../actions/decide-suggestion';
import { listOpenSuggestions } from '../db/suggestions-repository';
import { useDatabase } from '../ui/database-context';
import { useLiveDbQuery } from '../ui/use-live-db-query';

/** Lifecycle stage suggestions with their reason; the user accepts or dismisses each in one click. */
export function StageSuggestions({ contact }: { contact: Contact }) {
  const open = useLiveDbQuery(['open-suggestions', contact.id], (db) => listOpenSuggestions(db, contact.id));
  const suggestions = open.data ?? [];
  if (suggestions.length === 0) return null;
  return (
    <section class="stage-suggestions" aria-labelledby="stage-suggestions-heading">
      <h2 id="stage-suggestions-heading">Suggested stage</h2>
      {suggestions.map((suggestion) => (
        <SuggestionCard key={suggestion.id} suggestion={suggestion} />
      ))}
    </section>
  );
}

function SuggestionCard({ suggestion }: { suggestion: StageSuggestion }) {
  const database = useDatabase();
  const decision = useMutation('save your decision', async (accept: boolean): Promise<void> => {
    if (accept) await acceptSuggestion(await database(), suggestion.id, Date.now());
    else await dismissSuggestion(await database(), suggestion.id, Date.now());
  });
  const busy = decision.isPending;
  const error = decision.errorMessage;
  const decide = (accept: boolean): void => decision.mutate(accept);
  return (
    <div class="suggestion" role="group" aria-label={`Move to ${suggestion.to}?`}>
      <p class="suggestion-change">
        <span class="badge">{suggestion.from}</span> → <span class="badge">{suggestion.to}</span>
      </p>
      <p class="suggestion-reason">{suggestion.reason}</p>
      <div class="suggestion-actions">
        <button type="button" disabled={busy} onClick={() => void decide(true)}>
          Move to {suggestion.to}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => void decide(false)}>
          Dismiss
        </button>
      </div>
      {error && (
        <p class="save-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
