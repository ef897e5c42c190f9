import type { Contact, StageSuggestion, Task } from '../../db/schemas';
import { SURGE_MIN_TOUCHES } from '../../metrics/surge';
import type { ContactActivity } from '../contact-activity';

const DAY = 24 * 60 * 60 * 1000;

export interface WeeklyReview {
  overdue: Task[];
  dueThisWeek: Task[];
  atRisk: Contact[];
  surging: Array<{ contact: Contact; touches: number }>;
  suggestions: StageSuggestion[];
  untouched: Array<{ contact: Contact; lastTouchAt?: number }>;
}

/**
 * The week's review: follow-ups overdue and due in the next 7 days, At-Risk people, people with
 * a surge (3+ touches in 7 days), stage suggestions waiting, and tracked people not touched in
 * `untouchedDays` days (longest silence first).
 */
export function weeklyReview(input: {
  contacts: readonly Contact[];
  activity: ReadonlyMap<string, ContactActivity>;
  openTasks: readonly Task[];
  openSuggestions: readonly StageSuggestion[];
  now: number;
  untouchedDays: number;
}): WeeklyReview {
  const { contacts, activity, openTasks, now, untouchedDays } = input;
  const byDue = [...openTasks].sort((a, b) => a.due - b.due);
  const startOfToday = new Date(now).setHours(0, 0, 0, 0);
  const untouchedSince = now - untouchedDays * DAY;
  return {
    overdue: byDue.filter((task) => task.due < startOfToday),
    dueThisWeek: byDue.filter((task) => task.due >= startOfToday && task.due < now + 7 * DAY),
    atRisk: contacts.filter((contact) => contact.stage === 'At-Risk').sort((a, b) => a.name.localeCompare(b.name)),
    surging: contacts
      .map((contact) => ({ contact, touches: activity.get(contact.id)?.touchesLast7Days ?? 0 }))
      .filter((entry) => entry.touches >= SURGE_MIN_TOUCHES)
      .sort((a, b) => b.touches - a.touches),
    suggestions: [...input.openSuggestions].sort((a, b) => b.createdAt - a.createdAt),
    untouched: contacts
      .map((contact) => ({ contact, lastTouchAt: activity.get(contact.id)?.lastTouchAt }))
      .filter((entry) => (entry.lastTouchAt ?? entry.contact.createdAt) < untouchedSince)
      .sort((a, b) => (a.lastTouchAt ?? 0) - (b.lastTouchAt ?? 0)),
  };
}
