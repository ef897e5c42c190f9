import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setSetting } from '../../src/db/settings-repository';
import { dexieExportSource } from '../../src/export/dexie-export-source';
import { exportBackup } from '../../src/export/export-backup';
import { memoryExportSink } from '../../src/export/export-sink';
import { parseBackupText } from '../../src/import/parse-backup';
import { restoreBackup } from '../../src/import/restore-backup';
import type { PageContext } from '../../src/model/page-context';
import { CUSTOM_FIELDS_SETTING } from '../../src/settings/custom-fields';
import { NOTE_TEMPLATES_SETTING } from '../../src/settings/note-templates';
import { PersonPanel } from '../../src/sidebar/PersonPanel';
import { freshDb } from '../db/fresh-db';
import { dumpDb } from '../export/dump-db';
import { renderWithDb } from '../support/render-extension-page';
import { preloadLazySidebarParts } from '../support/preload-lazy-sidebar';

// The panel's editing parts load after its first paint; load them once up front (see the helper).
beforeAll(preloadLazySidebarParts);

const context: PageContext = {
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmnvBqRlTtZcJvLhBsGw',
  pageKind: 'gmail-thread',
  person: { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example' },
};
const person = context.person!;
const PRIYA = {
  id: 'c-priya',
  name: 'Priya Raman',
  emails: ['priya.raman@northwind-logistics.example'],
  linkedinIds: [],
  stage: 'Engaged' as const,
  tags: [],
  customFields: {},
  createdAt: 1,
  updatedAt: 1,
};
const TRICKY = ['__proto__', 'constructor', 'toString'];

afterEach(cleanup);

describe('custom fields: two quick edits (issue 13, finding 4)', () => {
  it('editing Region then Seats at once keeps both', async () => {
    const db = freshDb();
    await db.contacts.add(PRIYA);
    await setSetting(db, CUSTOM_FIELDS_SETTING, [
      { id: 'region', label: 'Region', type: 'text' },
      { id: 'seats', label: 'Seats', type: 'number' },
    ]);
    renderWithDb(db, <PersonPanel context={context} person={person} />);
    const region = await screen.findByLabelText('Region');
    fireEvent.change(region, { target: { value: 'EMEA' } });
    fireEvent.change(screen.getByLabelText('Seats'), { target: { value: '40' } });
    await waitFor(async () => expect((await db.contacts.get('c-priya'))?.customFields).toEqual({ region: 'EMEA', seats: 40 }));
  });
});

describe('labels named __proto__, constructor and toString (issue 13, finding 6)', () => {
  it('a template with those fields starts empty, saves every answer, and keeps them through backup and restore', async () => {
    const db = freshDb();
    await setSetting(db, NOTE_TEMPLATES_SETTING, [{ id: 'tricky', name: 'Tricky', fields: TRICKY }]);
    renderWithDb(db, <PersonPanel context={context} person={person} />);
    fireEvent.change(await screen.findByLabelText('Template'), { target: { value: 'tricky' } });
    for (const label of TRICKY) {
      const field = (await screen.findByLabelText(label)) as HTMLInputElement;
      expect(field.value, label).toBe('');
      fireEvent.input(field, { target: { value: `answer to ${label}` } });
    }
    const save = screen.getByRole('button', { name: 'Save note' }) as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(async () => expect(await db.interactions.count()).toBe(1));

    const stored = (await db.interactions.toArray())[0]!;
    expect(Object.keys(stored.templateFields ?? {})).toEqual(TRICKY);
    expect(Object.getPrototypeOf(stored.templateFields)).toBe(Object.prototype);
    for (const label of TRICKY) expect(Object.getOwnPropertyDescriptor(stored.templateFields, label)?.value).toBe(`answer to ${label}`);
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    for (const label of TRICKY) await waitFor(() => expect(timeline.textContent).toContain(`answer to ${label}`));

    // The panel stores the person's score once it has shown it; back up after that write, so the
    // backup and the database it is compared with hold the same rows.
    await waitFor(async () => expect((await db.contacts.toArray())[0]?.scoreComputedAt).toBeDefined());
    const sink = memoryExportSink();
    const { file } = await exportBackup({ source: dexieExportSource(db, 10), sink, schemaVersion: 3, exportedAt: 5 });
    const restored = freshDb();
    await restoreBackup(restored, parseBackupText(sink.files.get(file)!), 'replace', 6);
    expect(await dumpDb(restored)).toEqual(await dumpDb(db));
    expect(Object.keys((await restored.interactions.toArray())[0]!.templateFields ?? {})).toEqual(TRICKY);
  });

  it('custom fields with those ids show empty until set, then their own value', async () => {
    const db = freshDb();
    await db.contacts.add(PRIYA);
    await setSetting(
      db,
      CUSTOM_FIELDS_SETTING,
      TRICKY.map((id) => ({ id, label: id, type: 'text' as const })),
    );
    renderWithDb(db, <PersonPanel context={context} person={person} />);
    for (const label of TRICKY) expect(((await screen.findByLabelText(label)) as HTMLInputElement).value, label).toBe('');
    for (const label of TRICKY) fireEvent.change(screen.getByLabelText(label), { target: { value: `set ${label}` } });
    await waitFor(async () => expect(Object.keys((await db.contacts.get('c-priya'))!.customFields)).toEqual(TRICKY));
    cleanup();
    renderWithDb(db, <PersonPanel context={context} person={person} />);
    for (const label of TRICKY) {
      await waitFor(() => expect((screen.getByLabelText(label) as HTMLInputElement).value, label).toBe(`set ${label}`));
    }
    expect(within(document.body).queryByText(/\[object Object\]|function/)).toBeNull();
  });
});
