import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MarginDb } from '../db/database';

/** The page's database handle; each extension page creates one with createDb() at start. */
export const DatabaseContext = createContext<MarginDb | null>(null);

export function useDatabase(): MarginDb {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase needs a DatabaseContext provider');
  return db;
}
