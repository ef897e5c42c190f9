import { useMemo, useState } from 'preact/hooks';
import type { Contact } from '../../model/schemas';
import { acceptSuggestion, dismissSuggestion } from '../../actions/decide-suggestion';
import { completeTask } from '../../actions/edit-timeline';
import type { Task } from '../../model/schemas';
import { useDatabase } from '../../ui/database-context';
import { formatDay } from '../../ui/format';
import { useLiveDbQuery } from '../../ui/use-live-db-query';
import { useMutation } from '../../ui/use-mutation';
import { idsKey, readUncachedActivity, uncachedIds } from '../contact-activity';
import { PersonDrawer } from '../contacts/PersonDrawer';
import { ReviewList } from './ReviewList';
import { readReview, surgeCandidates, weeklyReview } from './weekly-review';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** The weekly review: each list item is one click from done (or from the person's timeline). */
export function ReviewView({ contacts }: { contacts: Contact[] }) {
  const database = useDatabase();
  const [untouchedDays, setUntouchedDays] = useState(30);
  const [openId, setOpenId] = useState<string | null>(null);
  // Everything but the follow-ups, suggestions and this week's touches of surging people comes
  // from the contact rows' cached activity; the interactions table is never read whole.
  const missing = useMemo(() => uncachedIds(contacts), [contacts]);
  const uncached = useLiveDbQuery(['uncached-activity', idsKey(missing)], (db) => readUncachedActivity(db, missing, Date.now()));
  const surgeIds = useMemo(() => surgeCandidates(contacts, uncached.data), [contacts, uncached.data]);
  const reads = useLiveDbQuery(['review-reads', idsKey(surgeIds)], (db) => readReview(db, surgeIds, Date.now()));
  const review = useMemo(
    () =>
      weeklyReview({
        contacts,
        ...(uncached.data ? { uncached: uncached.data } : {}),
        reads: reads.data ?? { openTasks: [], openSuggestions: [], surgeTouches: new Map() },
        now: Date.now(),
        untouchedDays,
      }),
    [contacts, uncached.data, reads.data, untouchedDays],
  );
  const byId = useMemo(() => new Map(contacts.map((contact) => [contact.id, contact])), [contacts]);
  const nameOf = (contactId: string) => byId.get(contactId)?.name ?? 'Someone no longer in Margin';

  const done = useMutation('mark the follow-up done', async (taskId: string) => completeTask(await database(), taskId, Date.now()));
  const accept = useMutation('accept the suggestion', async (id: string) => acceptSuggestion(await database(), id, Date.now()));
  const dismiss = useMutation('dismiss the suggestion', async (id: string) => dismissSuggestion(await database(), id, Date.now()));
  const error = done.errorMessage || accept.errorMessage || dismiss.errorMessage;
  const openContact = openId ? byId.get(openId) : undefined;

  const openButton = (contact: Contact) => (
    <button type="button" class="link" onClick={() => setOpenId(contact.id)}>
      {contact.name}
    </button>
  );

  const taskItem = (task: Task) => (
    <li key={task.id}>
      <span>
        <strong>{task.title}</strong> · {nameOf(task.contactId)} · due {formatDay(task.due)}
      </span>
      <button type="button" onClick={() => done.mutate(task.id)} aria-label={`Done: ${task.title} (${nameOf(task.contactId)})`}>
        Done
      </button>
    </li>
  );

  return (
    <div class={openContact ? 'contacts-layout with-person' : 'contacts-layout'}>
      <div class="review">
        <ErrorAlert message={error} />
        <ReviewList title="Follow-ups overdue" count={review.overdue.length} empty="Nothing overdue.">
          {review.overdue.map(taskItem)}
        </ReviewList>
        <ReviewList title="Follow-ups due this week" count={review.dueThisWeek.length} empty="Nothing due this week.">
          {review.dueThisWeek.map(taskItem)}
        </ReviewList>
        <ReviewList title="Stage suggestions waiting" count={review.suggestions.length} empty="No suggestions waiting.">
          {review.suggestions.map((suggestion) => (
            <li key={suggestion.id}>
              <span>
                {nameOf(suggestion.contactId)}: {suggestion.from} → <strong>{suggestion.to}</strong> · {suggestion.reason}
              </span>
              <span class="actions">
                <button type="button" onClick={() => accept.mutate(suggestion.id)} aria-label={`Accept ${suggestion.to} for ${nameOf(suggestion.contactId)}`}>
                  Accept
                </button>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => dismiss.mutate(suggestion.id)}
                  aria-label={`Dismiss ${suggestion.to} for ${nameOf(suggestion.contactId)}`}
                >
                  Dismiss
                </button>
              </span>
            </li>
          ))}
        </ReviewList>
        <ReviewList title="At-Risk" count={review.atRisk.length} empty="Nobody is At-Risk.">
          {review.atRisk.map((contact) => (
            <li key={contact.id}>
              {openButton(contact)}
              <span class="quiet">{contact.company ?? ''}</span>
            </li>
          ))}
        </ReviewList>
        <ReviewList title="Surging (3+ touches in 7 days)" count={review.surging.length} empty="No surges this week.">
          {review.surging.map(({ contact, touches }) => (
            <li key={contact.id}>
              {openButton(contact)}
              <span class="quiet">{touches} touches this week</span>
            </li>
          ))}
        </ReviewList>
        <section aria-labelledby="untouched-heading" class="review-list">
          <h2 id="untouched-heading">
            Not touched in{' '}
            <label>
              <span class="visually-hidden">days</span>
              <input
                type="number"
                min={1}
                max={365}
                value={untouchedDays}
                class="days"
                onInput={(event) => setUntouchedDays(Math.max(1, Number(event.currentTarget.value) || 30))}
              />
            </label>{' '}
            days ({review.untouched.length})
          </h2>
          {review.untouched.length === 0 ? (
            <p class="quiet">Everyone was touched recently.</p>
          ) : (
            <ul>
              {review.untouched.slice(0, 100).map(({ contact, lastTouchAt }) => (
                <li key={contact.id}>
                  {openButton(contact)}
                  <span class="quiet">{lastTouchAt === undefined ? 'never touched' : `last touch ${formatDay(lastTouchAt)}`}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {openContact && <PersonDrawer contact={openContact} onClose={() => setOpenId(null)} />}
    </div>
  );
}
