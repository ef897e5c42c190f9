import Dexie from 'dexie';
import { SCHEMA_VERSIONS } from '../../src/db/database';

/** A database exactly as a browser that ran Margin at `version` holds it: the schema versions up to it, with their upgrades. */
export function openAtVersion(name: string, version: number): Dexie {
  const old = new Dexie(name);
  for (const entry of SCHEMA_VERSIONS.filter((candidate) => candidate.version <= version)) {
    const declared = old.version(entry.version).stores(entry.stores);
    if (entry.upgrade) declared.upgrade(entry.upgrade);
  }
  return old;
}
