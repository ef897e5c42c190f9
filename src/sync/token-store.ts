import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

/**
 * The CRM's API token lives in the extension's own storage (browser.storage.local), never in
 * IndexedDB: backups and exports read the database, so the token can never end up in a file.
 */
const TOKEN_KEY = 'sync.crmToken';

const storedTokenSchema = z.object({ crm: z.string(), baseUrl: z.string(), token: z.string().check(z.minLength(1)) });
export type StoredToken = z.infer<typeof storedTokenSchema>;

export async function readCrmToken(): Promise<StoredToken | undefined> {
  const stored = await browser.storage.local.get(TOKEN_KEY);
  const parsed = storedTokenSchema.safeParse(stored[TOKEN_KEY]);
  return parsed.success ? parsed.data : undefined;
}

export async function saveCrmToken(token: StoredToken): Promise<void> {
  await browser.storage.local.set({ [TOKEN_KEY]: token });
}

export async function forgetCrmToken(): Promise<void> {
  await browser.storage.local.remove(TOKEN_KEY);
}
