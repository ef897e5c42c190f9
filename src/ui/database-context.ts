import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { MarginDb } from '../db/database';

/**
 * How a component reaches the page's database: a function that resolves to the one handle.
 * Extension pages load Dexie and open the database lazily (`lazyDatabase`), after the first paint,
 * so a component never holds the handle at render time: reads go through `useLiveDbQuery(key,
 * (db) => …)`, which waits for it, and writes `await` it in their handler.
 */
export type DatabaseAccess = () => Promise<MarginDb>;

/** The page's database; each extension page provides one (src/ui/mount-extension-page.tsx). */
export const DatabaseContext = createContext<DatabaseAccess | null>(null);

export function useDatabase(): DatabaseAccess {
  const access = useContext(DatabaseContext);
  if (!access) throw new Error('useDatabase needs a DatabaseContext provider');
  return access;
}

/**
 * The database handle once it is open (undefined until then), for the rare write that must start
 * synchronously inside a click: asking for a permission (connecting a CRM) only counts as the
 * user's gesture while the click's own task runs, before any await.
 */
export function useOpenedDatabase(): MarginDb | undefined {
  const database = useDatabase();
  const [db, setDb] = useState<MarginDb | undefined>();
  useEffect(() => {
    let mounted = true;
    database().then(
      (opened) => mounted && setDb(opened),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [database]);
  return db;
}

/**
 * Opens the database on first use, through a dynamic import: the page's first paint never waits
 * for Dexie (~30 KB gzip) to download, parse and open. Every caller gets the same handle; a load
 * that failed (the extension was updated under the page) is tried again on the next call.
 */
export function lazyDatabase(open: () => Promise<MarginDb> = openPageDatabase): DatabaseAccess {
  let opening: Promise<MarginDb> | undefined;
  return () => {
    opening ??= open().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
}

async function openPageDatabase(): Promise<MarginDb> {
  const { createDb } = await import('../db/database');
  return createDb();
}
