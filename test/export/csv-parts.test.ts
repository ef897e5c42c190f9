import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSink } from '../../scripts/margin-export';
import { PartedCsvFile, partName, utf8Length } from '../../src/export/csv-parts';

describe('PartedCsvFile', () => {
  it('counts UTF-8 bytes as an encoder does, surrogate pairs and all', () => {
    for (const text of ['', 'plain', 'Zoë Ångström-Łukasiewicz', '日本語のメモ', 'emoji 😀 and 👩‍💻', '\ud83d', 'x\u0800\u07ff\uffff']) {
      expect(utf8Length(text), text).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('numbers parts from the second one on, renaming the first, in the team command\'s files on disk', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'margin-parts-'));
    try {
      const sink = fileSink(dir);
      const file = new PartedCsvFile(sink, 'people.csv', ['Name', 'Note'], { maxRows: 2, maxBytes: 1_000 });
      await file.open();
      await file.write([
        ['Ada', 'first'],
        ['Grace', 'second'],
        ['Alan', 'third, with a comma'],
      ]);
      await file.write([['Zoë', 'fourth']]);
      await file.close();
      await sink.finished();
      expect((await readdir(dir)).sort()).toEqual(['people-part-1.csv', 'people-part-2.csv']);
      expect(await readFile(path.join(dir, 'people-part-1.csv'), 'utf8')).toBe('Name,Note\r\nAda,first\r\nGrace,second\r\n');
      expect(await readFile(path.join(dir, 'people-part-2.csv'), 'utf8')).toBe('Name,Note\r\nAlan,"third, with a comma"\r\nZoë,fourth\r\n');
      const sizes = await Promise.all(['people-part-1.csv', 'people-part-2.csv'].map(async (name) => (await stat(path.join(dir, name))).size));
      expect(file.parts).toEqual([
        { name: 'people-part-1.csv', rows: 2, bytes: sizes[0] },
        { name: 'people-part-2.csv', rows: 2, bytes: sizes[1] },
      ]);
      expect(partName('notes.csv', 3)).toBe('notes-part-3.csv');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
