import type { MarginDb } from '../db/database';
import type { Interaction, Sentiment } from '../db/schemas';
import { isTouch } from '../metrics/surge';

/** What the dashboard needs to know about a contact's history, from one pass over interactions. */
export interface ContactActivity {
  lastTouchAt?: number;
  lastSentiment?: Sentiment;
  lastSentimentAt?: number;
  touchesLast7Days: number;
  lastNoteAt?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Each contact's last touch, last sentiment and touches this week, read in one pass over the
 * interactions table (a page at a time through Dexie's `each`, never one array of every row).
 */
export async function readContactActivity(db: MarginDb, now: number): Promise<Map<string, ContactActivity>> {
  const activity = new Map<string, ContactActivity>();
  await db.interactions.each((interaction) => addInteraction(activity, interaction, now));
  return activity;
}

export function addInteraction(activity: Map<string, ContactActivity>, interaction: Interaction, now: number): void {
  let entry = activity.get(interaction.contactId);
  if (!entry) {
    entry = { touchesLast7Days: 0 };
    activity.set(interaction.contactId, entry);
  }
  if (isTouch(interaction)) {
    if (entry.lastTouchAt === undefined || interaction.at > entry.lastTouchAt) entry.lastTouchAt = interaction.at;
    if (interaction.at > now - 7 * DAY && interaction.at <= now) entry.touchesLast7Days += 1;
  }
  if (interaction.sentiment && (entry.lastSentimentAt === undefined || interaction.at > entry.lastSentimentAt)) {
    entry.lastSentiment = interaction.sentiment;
    entry.lastSentimentAt = interaction.at;
  }
  if (interaction.kind === 'note' && (entry.lastNoteAt === undefined || interaction.at > entry.lastNoteAt)) {
    entry.lastNoteAt = interaction.at;
  }
}

/** Contacts with a note, objection, emotion, next step or subject containing the text (any case). */
export async function contactsWithNoteText(db: MarginDb, text: string): Promise<Set<string>> {
  const needle = text.trim().toLocaleLowerCase();
  const found = new Set<string>();
  if (needle.length < 2) return found;
  await db.interactions.each((interaction) => {
    if (found.has(interaction.contactId)) return;
    const haystack = [interaction.body, interaction.objection, interaction.emotion, interaction.nextStep, interaction.subject];
    if (haystack.some((value) => value?.toLocaleLowerCase().includes(needle))) found.add(interaction.contactId);
  });
  return found;
}
