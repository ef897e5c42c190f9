import { describe, expect, it } from 'vitest';
import { buildDemoData, DEMO_USER_EMAIL } from '../../src/demo/demo-data';
import { contactSchema, INTERACTION_KINDS, interactionSchema, SENTIMENTS, STAGES } from '../../src/model/schemas';

const NOW = Date.UTC(2026, 10, 25, 9, 30); // 25 November 2026, 09:30 UTC
const DAY = 86_400_000;
const MONTH = 30 * DAY;

describe('buildDemoData', () => {
  const { contacts, interactions } = buildDemoData(NOW);

  it('gives rows that the database schemas accept', () => {
    for (const contact of contacts) {
      const parsed = contactSchema.safeParse(contact);
      expect(parsed.error?.issues, contact.id).toBeUndefined();
    }
    for (const interaction of interactions) {
      const parsed = interactionSchema.safeParse(interaction);
      expect(parsed.error?.issues, interaction.id).toBeUndefined();
    }
  });

  it('is deterministic and moves with now', () => {
    expect(buildDemoData(NOW)).toEqual(buildDemoData(NOW));
    const later = buildDemoData(NOW + 3 * DAY);
    expect(later.interactions.map((interaction) => interaction.at)).toEqual(
      interactions.map((interaction) => interaction.at + 3 * DAY),
    );
    expect(later.interactions.map((interaction) => interaction.id)).toEqual(interactions.map((interaction) => interaction.id));
  });

  it('has about six contacts with stable, unique ids and consistent references', () => {
    expect(contacts.length).toBeGreaterThanOrEqual(5);
    expect(contacts.length).toBeLessThanOrEqual(8);
    for (const contact of contacts) expect(contact.id).toMatch(/^demo-contact-[a-z]+$/);
    expect(new Set(contacts.map((contact) => contact.id)).size).toBe(contacts.length);
    expect(new Set(interactions.map((interaction) => interaction.id)).size).toBe(interactions.length);
    const contactIds = new Set(contacts.map((contact) => contact.id));
    for (const interaction of interactions) expect(contactIds, interaction.id).toContain(interaction.contactId);
    const messageIds = interactions.flatMap((interaction) => interaction.source.messageId ?? []);
    expect(new Set(messageIds).size).toBe(messageIds.length);
  });

  it('includes Priya Raman, whom the demo Gmail thread and LinkedIn profile show', () => {
    const priya = contacts.find((contact) => contact.id === 'demo-contact-priya');
    expect(priya).toMatchObject({
      name: 'Priya Raman',
      emails: ['priya.raman@northwind-logistics.example'],
      linkedinIds: ['priya-raman-northwind'],
      company: 'Northwind Logistics',
      title: 'VP Operations',
    });
    const priyaHistory = interactions.filter((interaction) => interaction.contactId === 'demo-contact-priya');
    expect(priyaHistory.length).toBeGreaterThanOrEqual(10);
    expect(priyaHistory.some((interaction) => interaction.source.url?.includes('FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw'))).toBe(true);
  });

  it('includes Jonas Becker from the same company', () => {
    expect(contacts.find((contact) => contact.emails.includes('jonas.becker@northwind-logistics.example'))).toMatchObject({
      name: 'Jonas Becker',
      company: 'Northwind Logistics',
    });
  });

  it('spreads history over four to eight months, all of it in the past', () => {
    const times = interactions.map((interaction) => interaction.at);
    expect(Math.max(...times)).toBeLessThan(NOW);
    expect(NOW - Math.min(...times)).toBeGreaterThanOrEqual(4 * MONTH);
    expect(NOW - Math.min(...times)).toBeLessThanOrEqual(8 * MONTH + 5 * DAY);
    const spans = contacts.map((contact) => contact.updatedAt - contact.createdAt);
    expect(spans.filter((span) => span >= 4 * MONTH).length).toBeGreaterThanOrEqual(4);
  });

  it('gives each contact its created and updated times from its own history, in time order', () => {
    for (const contact of contacts) {
      const own = interactions.filter((interaction) => interaction.contactId === contact.id);
      const times = own.map((interaction) => interaction.at);
      expect(own.length, contact.id).toBeGreaterThan(0);
      expect(contact.createdAt).toBe(Math.min(...times));
      expect(contact.updatedAt).toBe(Math.max(...times));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('is varied: every kind, sentiment and stage, and notes with structured fields', () => {
    expect(new Set(interactions.map((interaction) => interaction.kind))).toEqual(new Set(INTERACTION_KINDS));
    expect(new Set(interactions.flatMap((interaction) => interaction.sentiment ?? []))).toEqual(new Set(SENTIMENTS));
    expect(new Set(contacts.map((contact) => contact.stage))).toEqual(new Set(STAGES));
    const notes = interactions.filter((interaction) => interaction.kind === 'note');
    expect(notes.some((note) => note.objection && note.emotion && note.nextStep && note.sentiment)).toBe(true);
  });

  it('keeps emails normalised and never lists the demo user as a contact', () => {
    for (const contact of contacts) {
      for (const email of contact.emails) expect(email).toBe(email.trim().toLowerCase());
      expect(contact.emails).not.toContain(DEMO_USER_EMAIL);
    }
  });

  it('refuses a now that is not milliseconds since the epoch', () => {
    expect(() => buildDemoData(1.5)).toThrow(RangeError);
    expect(() => buildDemoData(Number.NaN)).toThrow(RangeError);
  });
});
