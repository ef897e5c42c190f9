import { afterEach, describe, expect, it } from 'vitest';
import { TRACK_REPLIES_SETTING, NEVER_LOG_SETTING } from '../../src/capture/capture-settings';
import { captureFromPageContext, previewCapture, removeCapturedInteraction, trackPerson } from '../../src/db/capture-interactions';
import { createContactFromPerson } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { setSetting } from '../../src/db/settings-repository';
import { DAY, NOW } from '../metrics/interactions';
import { gmailMessage, gmailThread, linkedinProfile, ME, PRIYA } from '../capture/contexts';
import { freshDb } from './fresh-db';

let db: MarginDb;
afterEach(() => db?.close());

const thread = () => gmailThread([gmailMessage('#msg-f:1', 3, 'priya'), gmailMessage('#msg-f:2', 2, 'me'), gmailMessage('#msg-f:3', 1, 'priya')]);

async function trackedPriya() {
  return createContactFromPerson(db, { ...PRIYA, linkedinSlug: 'priya-raman-northwind' }, NOW - 100 * DAY);
}

describe('captureFromPageContext', () => {
  it('logs each message of a thread once, however often it is opened', async () => {
    db = freshDb();
    const priya = await trackedPriya();
    const first = await captureFromPageContext(db, thread(), NOW);
    const again = await captureFromPageContext(db, thread(), NOW + 1000);
    expect(first.added.map((interaction) => interaction.kind)).toEqual(['email-in', 'email-out', 'email-in']);
    expect(again.added).toEqual([]);
    expect(await db.interactions.where('contactId').equals(priya.id).count()).toBe(3);
  });

  it('logs each message once when two tabs capture at the same time', async () => {
    db = freshDb();
    await trackedPriya();
    await Promise.all([captureFromPageContext(db, thread(), NOW), captureFromPageContext(db, thread(), NOW)]);
    expect(await db.interactions.count()).toBe(3);
  });

  it('keeps the new messages of a thread that grew', async () => {
    db = freshDb();
    await trackedPriya();
    await captureFromPageContext(db, gmailThread([gmailMessage('m1', 3, 'priya')]), NOW);
    const grown = await captureFromPageContext(db, gmailThread([gmailMessage('m1', 3, 'priya'), gmailMessage('m2', 0, 'me')]), NOW);
    expect(grown.added.map((interaction) => interaction.source.messageId)).toEqual(['m2']);
  });

  it('treats rows stored with Gmail\'s "#" (the demo data) as the same message', async () => {
    db = freshDb();
    const priya = await trackedPriya();
    await db.interactions.add({
      id: 'demo-1', contactId: priya.id, at: NOW - DAY, kind: 'email-in',
      source: { site: 'gmail', messageId: '#msg-f:1' }, createdAt: NOW, updatedAt: NOW,
    });
    const result = await captureFromPageContext(db, gmailThread([gmailMessage('msg-f:1', 1, 'priya')]), NOW);
    expect(result.added).toEqual([]);
  });

  it('captures nothing for people who are not tracked', async () => {
    db = freshDb();
    expect((await captureFromPageContext(db, thread(), NOW)).added).toEqual([]);
    expect(await db.contacts.count()).toBe(0);
  });

  it('updates the cached score of whoever got something new', async () => {
    db = freshDb();
    const priya = await trackedPriya();
    await captureFromPageContext(db, thread(), NOW);
    const stored = await db.contacts.get(priya.id);
    expect(stored?.score).toBeGreaterThan(0);
    expect(stored?.scoreComputedAt).toBe(NOW);
  });

  it('logs a LinkedIn profile visit once a day', async () => {
    db = freshDb();
    await trackedPriya();
    const morning = new Date(2026, 4, 20, 9).getTime();
    await captureFromPageContext(db, linkedinProfile(), morning);
    await captureFromPageContext(db, linkedinProfile(), morning + 3 * 60 * 60 * 1000);
    expect(await db.interactions.count()).toBe(1);
    await captureFromPageContext(db, linkedinProfile(), morning + DAY);
    expect(await db.interactions.count()).toBe(2);
  });

  it('honours the never-log list', async () => {
    db = freshDb();
    await trackedPriya();
    await setSetting(db, NEVER_LOG_SETTING, ['northwind.example']);
    expect((await captureFromPageContext(db, thread(), NOW)).added).toEqual([]);
  });

  it('with "track when I reply" on, tracks the people the user wrote to', async () => {
    db = freshDb();
    await setSetting(db, TRACK_REPLIES_SETTING, true);
    const context = gmailThread([gmailMessage('m1', 2, 'priya'), gmailMessage('m2', 1, 'me', { to: [PRIYA, { email: 'noreply@northwind.example' }, { email: ME }] })]);
    const result = await captureFromPageContext(db, context, NOW);
    expect(result.tracked.map((contact) => contact.emails)).toEqual([[PRIYA.email]]);
    expect(result.added.map((interaction) => interaction.kind)).toEqual(['email-in', 'email-out']);
    expect(await db.contacts.count()).toBe(1);
  });

  it('does not track on reply when the setting is off (the default)', async () => {
    db = freshDb();
    await captureFromPageContext(db, gmailThread([gmailMessage('m2', 1, 'me')]), NOW);
    expect(await db.contacts.count()).toBe(0);
  });

  it('does not bring back an item the user removed', async () => {
    db = freshDb();
    await trackedPriya();
    const { added } = await captureFromPageContext(db, thread(), NOW);
    await removeCapturedInteraction(db, added[0]!.id, NOW);
    expect(await db.interactions.count()).toBe(2);
    expect((await captureFromPageContext(db, thread(), NOW)).added).toEqual([]);
    expect(await db.undo.count()).toBe(1);
  });
});

describe('trackPerson and previewCapture', () => {
  it('shows what would be captured, then tracks and captures it', async () => {
    db = freshDb();
    const preview = await previewCapture(db, PRIYA, thread(), NOW);
    expect(preview.notTracked).toBeNull();
    expect(preview.interactions.map((item) => item.kind)).toEqual(['email-in', 'email-out', 'email-in']);
    expect(await db.contacts.count()).toBe(0);

    const outcome = await trackPerson(db, PRIYA, thread(), NOW);
    expect(outcome.tracked).toBe(true);
    expect(await db.interactions.count()).toBe(3);
  });

  it('refuses to track the user or a no-reply sender', async () => {
    db = freshDb();
    expect(await trackPerson(db, { name: 'Me', email: ME }, thread(), NOW)).toEqual({ tracked: false, reason: 'own-address' });
    expect(await trackPerson(db, { name: 'GitHub', email: 'noreply@github.com' }, thread(), NOW)).toEqual({ tracked: false, reason: 'automated-sender' });
    expect(await db.contacts.count()).toBe(0);
  });
});
