import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_SNIPPET_SETTING, TRACK_REPLIES_SETTING, NEVER_LOG_SETTING } from '../../src/capture/capture-settings';
import { captureFromPageContext, previewCapture, removeCapturedInteraction, trackPerson } from '../../src/actions/capture-interactions';
import { createContactFromPerson } from '../../src/db/contacts-repository';
import type { MarginDb } from '../../src/db/database';
import { setSetting } from '../../src/db/settings-repository';
import { DAY, NOW } from '../metrics/interactions';
import { gmailMessage, gmailThread, linkedinProfile, ME, PRIYA } from '../capture/contexts';
import { recogniseLinkedInPage } from '../../src/sites/linkedin/recognise-linkedin-page';
import { parsePage, readOwnFixture } from '../support/fixtures';
import { freshDb } from '../db/fresh-db';

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

  describe('"keep a snippet"', () => {
    const hostile = '<img src=x onerror="alert(1)"> Call me, =HYPERLINK("http://evil.example")';
    const withSnippets = () =>
      gmailThread([gmailMessage('m1', 2, 'priya', { snippet: hostile }), gmailMessage('m2', 1, 'me', { snippet: 'Tuesday works.' })]);

    it('stores no message text while the setting is off (the default, or turned off)', async () => {
      db = freshDb();
      await trackedPriya();
      await captureFromPageContext(db, withSnippets(), NOW);
      await setSetting(db, KEEP_SNIPPET_SETTING, false);
      await captureFromPageContext(db, gmailThread([gmailMessage('m3', 0, 'priya', { snippet: 'Another message' })]), NOW);
      const stored = await db.interactions.toArray();
      expect(stored).toHaveLength(3);
      expect(stored.filter((row) => 'body' in row)).toEqual([]);
      expect(JSON.stringify(stored)).not.toContain('Tuesday works');
    });

    it('stores each message\'s snippet as its plain-text body while it is on', async () => {
      db = freshDb();
      await trackedPriya();
      await setSetting(db, KEEP_SNIPPET_SETTING, true);
      const { added } = await captureFromPageContext(db, withSnippets(), NOW);
      expect(added.map((row) => [row.kind, row.body])).toEqual([
        ['email-in', hostile],
        ['email-out', 'Tuesday works.'],
      ]);
      expect((await db.interactions.get(added[0]!.id))?.body).toBe(hostile);
    });
  });

  it('logs the messages of a LinkedIn conversation with the times the page shows, once', async () => {
    db = freshDb();
    const priya = await trackedPriya();
    const url = 'https://www.linkedin.com/messaging/thread/2-ZmJiYzQ3NjEtNGQ5ZC00YmE1LWI4YWQtMWYyNzY0NzdlNmQ1XzAxMA==/';
    const now = new Date(2026, 10, 25, 15, 30).getTime();
    const conversation = () => recogniseLinkedInPage(parsePage(readOwnFixture('linkedin/messaging-1to1-priya.html'), url), new URL(url), now);
    const first = await captureFromPageContext(db, conversation(), now);
    expect(first.added.map((row) => [row.kind, row.at])).toEqual([
      ['linkedin-message-in', new Date(2026, 4, 12, 10, 42).getTime()],
      ['linkedin-message-in', new Date(2026, 4, 12, 10, 42).getTime()],
      ['linkedin-message-out', new Date(2026, 4, 12, 11, 5).getTime()],
      ['linkedin-message-in', new Date(2026, 10, 24, 8, 57).getTime()],
    ]);
    expect((await captureFromPageContext(db, conversation(), now + 60_000)).added).toEqual([]);
    expect(await db.interactions.where('contactId').equals(priya.id).count()).toBe(4);
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

describe('the dashboard\'s cached activity stays current through capture', () => {
  it('a captured thread sets last touch and surge; removing its newest message moves them back', async () => {
    db = freshDb();
    const priya = await trackedPriya();
    // Three of her emails in the week (a surge counts only hers) and one reply from the user.
    const busyWeek = gmailThread([
      gmailMessage('#msg-f:0', 4, 'priya'),
      gmailMessage('#msg-f:1', 3, 'priya'),
      gmailMessage('#msg-f:2', 2, 'me'),
      gmailMessage('#msg-f:3', 1, 'priya'),
    ]);
    await captureFromPageContext(db, busyWeek, NOW);
    expect(await db.contacts.get(priya.id)).toMatchObject({ lastTouchAt: NOW - DAY, surge: true });

    const newest = await db.interactions.where('contactId').equals(priya.id).filter((row) => row.at === NOW - DAY).first();
    await removeCapturedInteraction(db, newest!.id, NOW);
    expect(await db.contacts.get(priya.id)).toMatchObject({ lastTouchAt: NOW - 2 * DAY, surge: false });
  });
});
