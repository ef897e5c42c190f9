import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMarginExport } from '../../scripts/margin-export';
import { CSV_TARGETS } from '../../src/export/crm-mappings';
import { parseBackupText } from '../../src/import/parse-backup';
import { ALICE_BACKUP, BOB_BACKUP, expectMatchesGolden } from './golden-files';

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'margin-export-test-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

async function exportedFiles(): Promise<Map<string, string>> {
  const names = (await readdir(outDir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(outDir, name), 'utf8')] as const)));
}

describe('npm run export (the team command)', () => {
  for (const target of CSV_TARGETS) {
    it(`writes ${target.label}'s files for one rep's backup, equal to the golden files the dashboard also matches`, async () => {
      const result = await runMarginExport(['--target', target.id, '--out', outDir, ALICE_BACKUP]);
      const files = await exportedFiles();
      expect([...files.keys()]).toEqual(result.files.map((file) => path.basename(file)).sort());
      for (const mapping of target.files) expect(files.has(mapping.file), mapping.file).toBe(true);
      expect(files.has(target.readme)).toBe(true);
      for (const [name, text] of files) expectMatchesGolden(`alice-${target.id}`, name, text);
    });

    it(`merges two reps' backups into one ${target.label} import`, async () => {
      await runMarginExport(['--target', target.id, '--out', outDir, ALICE_BACKUP, BOB_BACKUP]);
      for (const [name, text] of await exportedFiles()) expectMatchesGolden(`team-${target.id}`, name, text);
    });
  }

  it('merges people by address, keeps every note with its author and drops the email both reps captured', async () => {
    await runMarginExport(['--target', 'backup', '--out', outDir, ALICE_BACKUP, BOB_BACKUP]);
    const merged = parseBackupText(await readFile(path.join(outDir, 'margin-team-backup.json'), 'utf8'));
    expect(merged.tables.contacts.map((contact) => contact.name).sort()).toEqual([
      'Dana Lee',
      'Mallory Formula',
      'Priya Raman',
      'Tomás Díaz',
      'Zoë Ångström-Łukasiewicz',
    ]);
    const priya = merged.tables.contacts.find((contact) => contact.name === 'Priya Raman')!;
    expect(priya.emails).toEqual(['priya.raman@northwind.example', 'priya@personal.example']);
    expect(priya.tags).toEqual(['pilot', 'logistics', 'security']);
    const notes = merged.tables.interactions.filter((interaction) => interaction.contactId === priya.id);
    expect(notes.map((note) => note.id).sort()).toEqual(['i-0001', 'i-0002', 'i-0003', 'j-0001']);
    expect(notes.find((note) => note.id === 'j-0001')?.author).toBe('Bob Okafor');
    expect(merged.tables.interactions.find((note) => note.id === 'j-0003')?.author).toBe('Bob O. (manager)');
  });

  it('prints the import-readiness checks it also writes into the README', async () => {
    const result = await runMarginExport(['--target', 'hubspot', '--out', outDir, ALICE_BACKUP]);
    expect(result.summary).toContain('Set up first');
    expect(result.summary).toContain('Margin Score (hubspot-contacts.csv) needs a custom contact property');
    expect(result.summary).toContain('hubspot-contacts-no-email.csv instead: Tomás Díaz');
    const readme = (await exportedFiles()).get('README-hubspot.txt')!;
    for (const line of result.summary.split('\n').filter((line) => line.startsWith('- '))) expect(readme).toContain(line);
  });

  it('with --since writes only what changed after that date', async () => {
    await runMarginExport(['--target', 'hubspot', '--since', '2026-04-30', '--out', outDir, ALICE_BACKUP]);
    const notes = (await exportedFiles()).get('hubspot-notes.csv')!;
    expect(notes).not.toContain('Pilot scope agreed');
    expect(notes).not.toContain('1+1'); // Tomás has no address: HubSpot could not attach his note
    expect(notes.trim().split('\r\n')).toHaveLength(1);
  });

  it('refuses a bad backup, naming the file and the problem, and writes nothing', async () => {
    const bad = path.join(outDir, 'cut.json');
    const text = await readFile(ALICE_BACKUP, 'utf8');
    await writeFile(bad, text.slice(0, 500));
    const target = path.join(outDir, 'out');
    await expect(runMarginExport(['--target', 'hubspot', '--out', target, ALICE_BACKUP, bad])).rejects.toThrow(
      /cut\.json: The file ends too early.*line \d+, column \d+/,
    );
    await expect(readdir(target)).rejects.toThrow();
  });

  it('explains its usage when the target is missing', async () => {
    await expect(runMarginExport([ALICE_BACKUP])).rejects.toThrow(/Choose a --target/);
  });
});
