import type { Contact, Interaction, Task } from '../model/schemas';
import { interactionKindLabel } from '../model/interaction-kinds';

/** The user's own calendar day: an evening note is that day's, not tomorrow's in UTC. */
const isoDay = (at: number): string => {
  const date = new Date(at);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};
/** Markdown-special characters in page text would change the brief's meaning when pasted. */
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ').trim();

/**
 * A short Markdown brief of a person for sharing with the team: stage, score, open next steps,
 * recent objections and sentiment, and the last interactions. Pure, so it is tested as text.
 */
export function buildSnapshot(input: { contact: Contact; interactions: Interaction[]; openTasks: Task[]; now: number }): string {
  const { contact, interactions, openTasks } = input;
  const lines: string[] = [`## ${escapeMarkdown(contact.name)}`];
  const about = [contact.title, contact.company].filter(Boolean).map((text) => escapeMarkdown(text!)).join(' · ');
  if (about) lines.push(about);
  const ids = [...contact.emails, ...contact.linkedinIds.filter((id) => !id.startsWith('ACoAA')).map((slug) => `linkedin.com/in/${slug}`)];
  if (ids.length) lines.push(ids.join(' · '));
  lines.push('');
  lines.push(`- **Stage:** ${contact.stage}`);
  if (contact.score !== undefined) lines.push(`- **Engagement:** ${contact.score}`);
  if (contact.tags.length) lines.push(`- **Tags:** ${contact.tags.map(escapeMarkdown).join(', ')}`);
  const sentiments = interactions.filter((item) => item.sentiment).slice(0, 5).map((item) => item.sentiment);
  if (sentiments.length) lines.push(`- **Recent sentiment:** ${sentiments.join(', ')}`);
  const objections = interactions.filter((item) => item.objection).slice(0, 3);
  if (objections.length) {
    lines.push('- **Recent objections:**');
    for (const item of objections) lines.push(`  - ${escapeMarkdown(item.objection!)} (${isoDay(item.at)})`);
  }
  if (openTasks.length) {
    lines.push('- **Open next steps:**');
    for (const task of openTasks) lines.push(`  - ${escapeMarkdown(task.title)} (due ${isoDay(task.due)})`);
  }
  const recent = interactions.slice(0, 5);
  if (recent.length) {
    lines.push('', '**Last interactions**');
    for (const item of recent) {
      const text = item.body ?? item.nextStep ?? item.subject ?? '';
      // By code point, so an emoji is never cut in half.
      const characters = Array.from(text);
      const short = characters.length > 140 ? `${characters.slice(0, 139).join('')}…` : text;
      lines.push(
        `- ${isoDay(item.at)} · ${interactionKindLabel(item.kind)}${item.sentiment ? ` (${item.sentiment})` : ''}${short ? `: ${escapeMarkdown(short)}` : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
