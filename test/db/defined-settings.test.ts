import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as z from 'zod/mini';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MarginDb } from '../../src/db/database';
import { getGroupSetting, getSetting, listSettingGroup, setGroupSetting, setSetting } from '../../src/db/settings-repository';
import { definedSettingGroups, definedSettings } from '../../src/model/define-setting';
import { freshDb } from './fresh-db';

/*
 * Every setting Margin defines, found by reading the source rather than by a hand-kept list: a
 * module that calls defineSetting is loaded here, so a new setting is checked the day it is added
 * (and fails below until it has a sample value).
 */
const SRC = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const DEFINING_MODULES = sourceFiles(SRC).filter(
  (path) => !path.endsWith('define-setting.ts') && /\bdefineSetting(Group)?\s*[<(]/.test(readFileSync(path, 'utf8')),
);

/** A stored value for each setting other than its fallback: what a user could have saved. */
const SAMPLES: Record<string, unknown> = {
  'capture.neverLog': ['ceo@northwind.example', 'northwind.example'],
  'capture.keepSnippet': true,
  'capture.trackReplies': true,
  'capture.forgotten': ['contact-1|message-1'],
  'metrics.score': {
    weights: { 'email-in': 4, meeting: 6 },
    sentimentFactors: { Positive: 1.5, Neutral: 1, Concerned: 0.5, Negative: 0.25 },
    halfLifeDays: 14,
    k: 12,
  },
  'metrics.lastFullRecomputeAt': 1_764_000_000_000,
  'metrics.dailyRecomputeProgress': { now: 1_764_000_000_000, after: 'contact-42' },
  objections: ['Price too high', 'Waiting for the next budget'],
  noteTemplates: [{ id: 'bant', name: 'BANT', fields: ['Budget', 'Authority', 'Need', 'Timing'] }],
  customFieldDefinitions: [{ id: 'tier', label: 'Tier', type: 'choice', choices: ['Gold', 'Silver'] }],
  'export-cursor:hubspot': { upTo: 1_764_000_000_000, exportedAt: 1_764_000_100_000, contacts: 3, interactions: 12 },
  'export-cursor:salesforce': { upTo: 1_764_000_000_000, exportedAt: 1_764_000_100_000, contacts: 1, interactions: 0 },
  'export-cursor:pipedrive': { upTo: 1_764_000_000_000, exportedAt: 1_764_000_100_000, contacts: 2, interactions: 5 },
  'export-cursor:generic': { upTo: 1_764_000_000_000, exportedAt: 1_764_000_100_000, contacts: 4, interactions: 9 },
  'export-history:hubspot': [{ id: 'batch-1', createdAt: 1_764_000_100_000, upTo: 1_764_000_000_000, contacts: 2, interactions: 5, tasks: 1, files: ['contacts.csv', 'notes.csv'] }],
  'export-history:salesforce': [{ id: 'batch-1', createdAt: 1_764_000_100_000, upTo: 1_764_000_000_000, contacts: 2, interactions: 5, tasks: 1, files: ['contacts.csv', 'notes.csv'] }],
  'export-history:pipedrive': [{ id: 'batch-1', createdAt: 1_764_000_100_000, upTo: 1_764_000_000_000, contacts: 2, interactions: 5, tasks: 1, files: ['contacts.csv', 'notes.csv'] }],
  'export-history:generic': [{ id: 'batch-1', createdAt: 1_764_000_100_000, upTo: 1_764_000_000_000, contacts: 2, interactions: 5, tasks: 1, files: ['contacts.csv', 'notes.csv'] }],
};

/** One member for each group of settings, by key prefix. */
const GROUP_SAMPLES: Record<string, { id: string; value: unknown }> = {
  'ownAddresses:': {
    id: 'alex.morgan@acme-sales.example',
    value: { address: 'alex.morgan@acme-sales.example', aliases: ['alex@acme-sales.example'], accountIndex: 0, seenAt: 1_764_000_000_000 },
  },
};

/** Values an older version or an imported backup could leave behind; each setting refuses at least one. */
const JUNK: unknown[] = ['not a setting', -1, { unexpected: 'shape' }, [{ unexpected: 'shape' }], null];

function junkFor(schema: z.ZodMiniType<unknown>): unknown {
  return JUNK.find((value) => !z.safeParse(schema, value).success);
}

beforeAll(async () => {
  for (const path of DEFINING_MODULES) await import(path);
});

let db: MarginDb;
afterEach(() => db?.close());

describe('every defined setting', () => {
  it('is found in the source, with a sample value for each', () => {
    expect(DEFINING_MODULES.map((path) => relative(SRC, path)).sort()).toContain('capture/capture-settings.ts');
    expect(definedSettings().map((setting) => setting.key).sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(definedSettingGroups().map((group) => group.keyPrefix).sort()).toEqual(Object.keys(GROUP_SAMPLES).sort());
  });

  it('reads its fallback when nothing is stored, and the fallback fits its own schema', async () => {
    db = freshDb();
    for (const setting of definedSettings()) {
      expect(await getSetting(db, setting), setting.key).toEqual(setting.fallback);
      expect(z.safeParse(setting.schema, setting.fallback).success, setting.key).toBe(true);
    }
  });

  it('reads back what was saved', async () => {
    db = freshDb();
    for (const setting of definedSettings()) {
      const sample = SAMPLES[setting.key];
      expect(sample, setting.key).not.toEqual(setting.fallback);
      await setSetting(db, setting, sample);
      expect(await getSetting(db, setting), setting.key).toEqual(sample);
    }
    for (const group of definedSettingGroups()) {
      const { id, value } = GROUP_SAMPLES[group.keyPrefix]!;
      await setGroupSetting(db, group, id, value);
      expect(await getGroupSetting(db, group, id), group.keyPrefix).toEqual(value);
      expect(await listSettingGroup(db, group), group.keyPrefix).toEqual([value]);
    }
  });

  it('falls back to its default, without throwing, when the stored value does not fit its schema', async () => {
    db = freshDb();
    for (const setting of definedSettings()) {
      const junk = junkFor(setting.schema);
      expect(junk, `${setting.key} refuses none of the junk values`).not.toBeUndefined();
      await db.settings.put({ key: setting.key, value: junk });
      expect(await getSetting(db, setting), setting.key).toEqual(setting.fallback);
      await expect(setSetting(db, setting, junk), setting.key).rejects.toThrow(setting.key);
    }
    for (const group of definedSettingGroups()) {
      const { id, value } = GROUP_SAMPLES[group.keyPrefix]!;
      await setGroupSetting(db, group, id, value);
      await db.settings.put({ key: `${group.keyPrefix}junk@example.com`, value: junkFor(group.schema) });
      expect(await getGroupSetting(db, group, 'junk@example.com'), group.keyPrefix).toBeUndefined();
      expect(await listSettingGroup(db, group), group.keyPrefix).toEqual([value]);
    }
  });
});
