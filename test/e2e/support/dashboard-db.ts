import type { Page } from '@playwright/test';

/**
 * Every row of every table of Margin's IndexedDB, read with the raw IndexedDB API inside an
 * extension page (the database lives in the extension's origin), sorted by key.
 */
export function dumpMarginDb(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('margin');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const names = [...database.objectStoreNames];
          const transaction = database.transaction(names, 'readonly');
          const dump: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = transaction.objectStore(name).getAll();
            request.onsuccess = () => {
              dump[name] = request.result;
            };
          }
          transaction.oncomplete = () => {
            database.close();
            resolve(dump);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}
