import { describe, expect, it } from 'vitest';
import type { Contact, Interaction } from '../../src/model/schemas';
import { contactActivity } from '../../src/metrics/contact-activity';
import { DEFAULT_CONTACT_QUERY, queryContacts } from '../../src/dashboard/contacts/contact-query';
import { addTagToContacts, setStageOfContacts } from '../../src/actions/bulk-edit-contacts';
import { personContextOfContact } from '../../src/dashboard/contacts/person-on-dashboard';
import { metricsAccumulator } from '../../src/dashboard/metrics/dashboard-metrics';
import { weeklyReview } from '../../src/dashboard/review/weekly-review';
import { pageContextSchema } from '../../src/model/page-context';
import { restoreBackup } from '../../src/import/restore-backup';
import { freshDb } from '../db/fresh-db';
import { aliceBackup } from '../export/fixture-backups';

const NOW = Date.UTC(2026, 4, 4, 12);

/** The contacts as the score recompute leaves them: their activity cached on the row. */
function withCachedActivity(contacts: Contact[], interactions: Interaction[]): Contact[] {
  return contacts.map((contact) => ({
    ...contact,
    ...contactActivity(
      interactions.filter((interaction) => interaction.contactId === contact.id),
      NOW,
    ),
  }));
}

describe('dashboard data', () => {
  const { interactions } = aliceBackup().tables;
  const contacts = withCachedActivity(aliceBackup().tables.contacts, interactions);

  it('filters by stage, score band, last sentiment, tag and last touch, and searches note text', () => {
    const names = (found: Contact[]) => found.map((contact) => contact.name);
    expect(names(queryContacts(contacts, { ...DEFAULT_CONTACT_QUERY, stage: 'At-Risk' }, NOW))).toEqual(['Zoë Ångström-Łukasiewicz']);
    expect(names(queryContacts(contacts, { ...DEFAULT_CONTACT_QUERY, band: 'Hot' }, NOW)).sort()).toEqual(['Priya Raman', 'Tomás Díaz']);
    expect(names(queryContacts(contacts, { ...DEFAULT_CONTACT_QUERY, sentiment: 'Negative' }, NOW))).toEqual(['Mallory Formula']);
    expect(names(queryContacts(contacts, { ...DEFAULT_CONTACT_QUERY, tag: 'pilot' }, NOW))).toEqual(['Priya Raman']);
    expect(names(queryContacts(contacts, { ...DEFAULT_CONTACT_QUERY, lastTouch: '7' }, NOW)).sort()).toEqual([
      'Tomás Díaz',
      'Zoë Ångström-Łukasiewicz',
    ]);
    expect(names(queryContacts(contacts, { ...DEFAULT_CONTACT_QUERY, search: 'roi' }, NOW, new Set(['c-0001'])))).toEqual(['Priya Raman']);
    expect(names(queryContacts(contacts, { ...DEFAULT_CONTACT_QUERY, search: 'fabrikam' }, NOW))).toEqual(['Tomás Díaz']);
    expect(names(queryContacts(contacts, { ...DEFAULT_CONTACT_QUERY, sort: 'score', descending: true }, NOW))).toEqual([
      'Tomás Díaz',
      'Priya Raman',
      'Zoë Ångström-Łukasiewicz',
      'Mallory Formula',
    ]);
  });

  it('builds the weekly review', () => {
    const review = weeklyReview({
      contacts,
      reads: { openTasks: aliceBackup().tables.tasks, openSuggestions: [], surgeTouches: new Map() },
      now: NOW,
      untouchedDays: 7,
    });
    expect(review.dueThisWeek.map((task) => task.title)).toEqual(['Send the ROI summary']);
    expect(review.atRisk.map((contact) => contact.name)).toEqual(['Zoë Ångström-Łukasiewicz']);
    expect(review.untouched.map(({ contact }) => contact.name)).toEqual(['Priya Raman', 'Mallory Formula']);
  });

  it('counts the metrics', () => {
    const accumulator = metricsAccumulator(NOW);
    for (const interaction of interactions) accumulator.add(interaction);
    const metrics = accumulator.finish(contacts);
    expect(metrics.funnel.find((step) => step.stage === 'At-Risk')?.count).toBe(1);
    expect(metrics.completeness[0]).toEqual({ label: 'Have an email address', share: 0.75 });
    expect(metrics.scoreDistribution.find((bucket) => bucket.label === '70–79')?.count).toBe(1);
  });

  it('groups objections by the user\'s list and keeps the user\'s spelling', () => {
    const accumulator = metricsAccumulator(NOW, ['Current TMS vendor', 'Price too high']);
    const objection = (id: string, text: string): Interaction => ({
      id,
      contactId: 'c-0001',
      at: NOW - 60_000,
      kind: 'note',
      objection: text,
      source: { site: 'margin' },
      createdAt: NOW,
      updatedAt: NOW,
    });
    for (const [index, text] of ['current tms vendor', '  Current  TMS vendor ', 'CURRENT TMS VENDOR', 'price too high', 'Waiting on IT', 'waiting on it'].entries()) {
      accumulator.add(objection(`o-${index}`, text));
    }
    expect(accumulator.finish([]).topObjections).toEqual([
      { label: 'Current TMS vendor', count: 3 },
      { label: 'Waiting on IT', count: 2 },
      { label: 'Price too high', count: 1 },
    ]);
  });

  it('opens a stored contact as the sidebar would see them on a page', () => {
    for (const contact of contacts) {
      const opened = personContextOfContact(contact);
      expect(pageContextSchema.safeParse(opened?.context).success, contact.name).toBe(true);
    }
  });

  it('bulk-tags and bulk-moves contacts, logging each stage change on the timeline', async () => {
    const db = freshDb();
    await restoreBackup(db, aliceBackup(), 'replace', 0);
    expect(await addTagToContacts(db, ['c-0001', 'c-0002'], 'pilot', NOW)).toBe(1);
    expect(await setStageOfContacts(db, ['c-0001', 'c-0002'], 'At-Risk', NOW)).toBe(2);
    expect(await db.contacts.get('c-0001')).toMatchObject({ stage: 'At-Risk', previousStage: 'Qualified', tags: ['pilot', 'logistics'] });
    const changes = await db.interactions.filter((interaction) => interaction.kind === 'stage-change').toArray();
    expect(changes.filter((change) => change.at === NOW)).toHaveLength(2);
  });
});
