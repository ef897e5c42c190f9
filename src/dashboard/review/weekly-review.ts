import type { MarginDb } from '../../db/database';
import type { Contact, StageSuggestion, Task } from '../../model/schemas';
import { listDueTasks } from '../../db/tasks-repository';
import { SURGE_MIN_TOUCHES } from '../../metrics/surge';
import { activityOf, readSurgeTouches, type ContactActivity } from '../contact-activity';
import { DAY_MS } from '../../metrics/engagement-score';


export interface WeeklyReview {
  overdue: Task[];
  dueThisWeek: Task[];
  atRisk: Contact[];
  surging: Array<{ contact: Contact; touches: number }>;
  suggestions: StageSuggestion[];
  /** `lastTouchAt` undefined: never touched (only created). */
  untouched: Array<{ contact: Contact; lastTouchAt: number | undefined }>;
}

/** What the review reads besides the contacts: all from indexes, none of it a table scan. */
export interface ReviewReads {
  /** Open follow-ups due before a week from now (`[status+due]`). */
  openTasks: Task[];
  /** Stage suggestions waiting (`status`). */
  openSuggestions: StageSuggestion[];
  /** Touches in the last 7 days of the people whose cached surge is on (`[contactId+at]` ranges). */
  surgeTouches: Map<string, number>;
}

/** The people whose cached surge is on: the only ones whose week is read. */
export function surgeCandidates(contacts: readonly Contact[], uncached?: ReadonlyMap<string, ContactActivity>): string[] {
  return contacts
    .filter((contact) => activityOf(contact, uncached).surge)
    .map((contact) => contact.id)
    .sort();
}

export async function readReview(db: MarginDb, surgeIds: readonly string[], now: number): Promise<ReviewReads> {
  const [openTasks, openSuggestions, surgeTouches] = await Promise.all([
    listDueTasks(db, now + 7 * DAY_MS),
    db.suggestions.where('status').equals('open').toArray(),
    readSurgeTouches(db, surgeIds, now),
  ]);
  return { openTasks, openSuggestions, surgeTouches };
}

/**
 * The week's review: follow-ups overdue and due in the next 7 days, At-Risk people, people with
 * a surge (3+ touches in 7 days), stage suggestions waiting, and tracked people not touched in
 * `untouchedDays` days (longest silence first). Last touch and surge come from the contact rows'
 * cached activity; a cached surge counts only while the week's touches (read for those people
 * alone) still make one.
 */
export function weeklyReview(input: {
  contacts: readonly Contact[];
  uncached?: ReadonlyMap<string, ContactActivity>;
  reads: ReviewReads;
  now: number;
  untouchedDays: number;
}): WeeklyReview {
  const { contacts, uncached, reads, now, untouchedDays } = input;
  const byDue = reads.openTasks.filter((task) => task.due < now + 7 * DAY_MS).sort((a, b) => a.due - b.due);
  const startOfToday = new Date(now).setHours(0, 0, 0, 0);
  const untouchedSince = now - untouchedDays * DAY_MS;
  const surging: WeeklyReview['surging'] = [];
  const atRisk: Contact[] = [];
  const untouched: WeeklyReview['untouched'] = [];
  for (const contact of contacts) {
    if (contact.stage === 'At-Risk') atRisk.push(contact);
    const touches = reads.surgeTouches.get(contact.id) ?? 0;
    if (touches >= SURGE_MIN_TOUCHES) surging.push({ contact, touches });
    const { lastTouchAt } = activityOf(contact, uncached);
    if ((lastTouchAt ?? contact.createdAt) < untouchedSince) untouched.push({ contact, lastTouchAt });
  }
  return {
    overdue: byDue.filter((task) => task.due < startOfToday),
    dueThisWeek: byDue.filter((task) => task.due >= startOfToday),
    atRisk: atRisk.sort((a, b) => a.name.localeCompare(b.name)),
    surging: surging.sort((a, b) => b.touches - a.touches),
    suggestions: [...reads.openSuggestions].sort((a, b) => b.createdAt - a.createdAt),
    untouched: untouched.sort((a, b) => (a.lastTouchAt ?? 0) - (b.lastTouchAt ?? 0)),
  };
}
