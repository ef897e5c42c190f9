import { isShowableTime } from '../../model/plain-values';
import type { MarginDb } from '../../db/database';
import { SENTIMENTS, STAGES, type Contact, type Interaction, type Sentiment, type Stage } from '../../model/schemas';
import { DAY_MS } from '../../metrics/engagement-score';
import { getSetting } from '../../db/settings-repository';
import { objectionKey, OBJECTIONS_SETTING } from '../../settings/objections';

const WEEK = 7 * DAY_MS;
export const MONTHS_SHOWN = 6;
export const WEEKS_SHOWN = 12;

export interface CountedLabel {
  label: string;
  count: number;
}

export interface DashboardMetrics {
  funnel: Array<{ stage: Stage; count: number }>;
  /** Contacts per score decile (0–9, 10–19, … 90–100) and those with no score yet. */
  scoreDistribution: CountedLabel[];
  /** Interactions with a sentiment, per month (oldest first), split by sentiment. */
  sentimentByMonth: Array<{ month: string; counts: Record<Sentiment, number> }>;
  topObjections: CountedLabel[];
  topEmotions: CountedLabel[];
  /** Notes logged per week, the last WEEKS_SHOWN weeks, oldest first. */
  notesPerWeek: CountedLabel[];
  /** Share (0–1) of contacts with an address, a company, a stage past Awareness, a note in 30 days. */
  completeness: Array<{ label: string; share: number }>;
  contacts: number;
}

/** Everything the metrics page draws, from the contacts and one pass over the interactions. */
export async function readDashboardMetrics(db: MarginDb, now: number): Promise<DashboardMetrics> {
  const contacts = await db.contacts.toArray();
  const objectionList = await getSetting(db, OBJECTIONS_SETTING);
  const accumulator = metricsAccumulator(now, objectionList);
  await db.interactions.each((interaction) => accumulator.add(interaction));
  return accumulator.finish(contacts);
}

/**
 * `objectionList`: the user's objections (see settings/objections.ts). Objections and emotions are
 * counted by their text folded for case and spaces, and shown in the user's spelling: the list's
 * when it has the objection, otherwise the first one seen (never re-cased).
 */
export function metricsAccumulator(now: number, objectionList: readonly string[] = []) {
  const monthKeys = lastMonths(now, MONTHS_SHOWN);
  const sentimentByMonth = new Map(monthKeys.map((month) => [month, zeroSentiments()]));
  const thisMonth = monthKeys[monthKeys.length - 1]!;
  const objections = spellingKeepingCounter(objectionList);
  const emotions = spellingKeepingCounter([]);
  const weekStart = startOfWeek(now);
  const notesPerWeek = new Array<number>(WEEKS_SHOWN).fill(0);
  const notedRecently = new Set<string>();

  return {
    add(interaction: Interaction): void {
      const month = monthKey(interaction.at);
      if (interaction.sentiment) {
        const counts = sentimentByMonth.get(month);
        if (counts) counts[interaction.sentiment] += 1;
      }
      if (month === thisMonth) {
        if (interaction.objection?.trim()) objections.add(interaction.objection);
        if (interaction.emotion?.trim()) emotions.add(interaction.emotion);
      }
      if (interaction.kind === 'note') {
        const weeksAgo = Math.floor((weekStart - startOfWeek(interaction.at)) / WEEK + 0.5);
        if (weeksAgo >= 0 && weeksAgo < WEEKS_SHOWN) notesPerWeek[WEEKS_SHOWN - 1 - weeksAgo]! += 1;
        if (interaction.at > now - 30 * DAY_MS && interaction.at <= now) notedRecently.add(interaction.contactId);
      }
    },
    finish(contacts: readonly Contact[]): DashboardMetrics {
      const deciles = new Array<number>(10).fill(0);
      let unscored = 0;
      for (const contact of contacts) {
        if (contact.score === undefined) unscored += 1;
        else deciles[Math.min(9, Math.floor(contact.score / 10))]! += 1;
      }
      const share = (count: number) => (contacts.length === 0 ? 0 : count / contacts.length);
      return {
        contacts: contacts.length,
        funnel: STAGES.map((stage) => ({ stage, count: contacts.filter((contact) => contact.stage === stage).length })),
        scoreDistribution: [
          ...deciles.map((count, index) => ({ label: index === 9 ? '90–100' : `${index * 10}–${index * 10 + 9}`, count })),
          { label: 'No score yet', count: unscored },
        ],
        sentimentByMonth: monthKeys.map((month) => ({ month, counts: sentimentByMonth.get(month)! })),
        topObjections: objections.top(5),
        topEmotions: emotions.top(5),
        notesPerWeek: notesPerWeek.map((count, index) => ({
          label: shortDate(weekStart - (WEEKS_SHOWN - 1 - index) * WEEK),
          count,
        })),
        completeness: [
          { label: 'Have an email address', share: share(contacts.filter((contact) => contact.emails.length > 0).length) },
          { label: 'Have a company', share: share(contacts.filter((contact) => Boolean(contact.company?.trim())).length) },
          { label: 'Have a stage past Awareness', share: share(contacts.filter((contact) => contact.stage !== 'Awareness').length) },
          { label: 'Have a note in the last 30 days', share: share(contacts.filter((contact) => notedRecently.has(contact.id)).length) },
        ],
      };
    },
  };
}

function zeroSentiments(): Record<Sentiment, number> {
  return Object.fromEntries(SENTIMENTS.map((sentiment) => [sentiment, 0])) as Record<Sentiment, number>;
}

function spellingKeepingCounter(known: readonly string[]) {
  const spelling = new Map(known.map((text) => [objectionKey(text), text]));
  const counts = new Map<string, number>();
  return {
    add(text: string): void {
      const key = objectionKey(text);
      if (!spelling.has(key)) spelling.set(key, text.trim().replace(/\s+/g, ' '));
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    top(limit: number): CountedLabel[] {
      return [...counts]
        .map(([key, count]) => ({ label: spelling.get(key) ?? key, count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
        .slice(0, limit);
    },
  };
}

export function monthKey(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

function lastMonths(now: number, count: number): string[] {
  const date = new Date(now);
  return Array.from({ length: count }, (_, index) => monthKey(new Date(date.getFullYear(), date.getMonth() - (count - 1 - index), 1).getTime()));
}

/** Monday 00:00 local time of the week holding `at`. */
function startOfWeek(at: number): number {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return date.getTime();
}

const shortDateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
function shortDate(at: number): string {
  return isShowableTime(at) ? shortDateFormat.format(at) : '';
}
