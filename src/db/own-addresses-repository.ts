import * as z from 'zod/mini';
import { canonicalEmail, normaliseEmail } from '../identity/normalise';
import type { MarginDb } from './database';

/**
 * The user's own addresses, one settings row per Gmail account (`ownAddresses:<address>`): the
 * address Gmail shows for the account, the aliases the user added in settings, and where it was
 * last seen. Every address here is the user, never a contact, on every account.
 */
export const OWN_ADDRESSES_KEY_PREFIX = 'ownAddresses:';
const MAX_ALIASES = 50;

export const ownAccountSchema = z.object({
  address: z.email(),
  aliases: z.array(z.email()).check(z.maxLength(MAX_ALIASES)),
  /** Gmail's account index (`/mail/u/<n>/`) when last seen; indexes move when accounts sign in or out. */
  accountIndex: z.optional(z.number().check(z.int(), z.nonnegative())),
  seenAt: z.optional(z.number()),
});
export type OwnAccount = z.infer<typeof ownAccountSchema>;

function keyOf(address: string): string {
  return `${OWN_ADDRESSES_KEY_PREFIX}${canonicalEmail(address) ?? address}`;
}

export async function listOwnAccounts(db: MarginDb): Promise<OwnAccount[]> {
  const rows = await db.settings.where('key').startsWith(OWN_ADDRESSES_KEY_PREFIX).toArray();
  return rows
    .map((row) => z.safeParse(ownAccountSchema, row.value))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .sort((a, b) => (a.accountIndex ?? 99) - (b.accountIndex ?? 99) || a.address.localeCompare(b.address));
}

/** Every address of the user's, each account's own and its aliases. */
export async function allOwnAddresses(db: MarginDb): Promise<string[]> {
  return (await listOwnAccounts(db)).flatMap((account) => [account.address, ...account.aliases]);
}

/**
 * Remembers the addresses a Gmail page showed as the user's (title, account button). Writes only
 * when something is new, so a page re-read every second does not churn the database.
 */
export async function recordOwnAddresses(
  db: MarginDb,
  { addresses, accountIndex, now = Date.now() }: { addresses: readonly string[]; accountIndex?: number; now?: number },
): Promise<void> {
  const shown = [...new Set(addresses.map(normaliseEmail).filter((address): address is string => Boolean(address)))].slice(0, 5);
  if (shown.length === 0) return;
  await db.transaction('rw', db.settings, async () => {
    for (const address of shown) {
      const key = keyOf(address);
      const existing = z.safeParse(ownAccountSchema, (await db.settings.get(key))?.value);
      if (existing.success && existing.data.accountIndex === accountIndex) continue;
      const account: OwnAccount = {
        address,
        aliases: existing.success ? existing.data.aliases : [],
        ...(accountIndex !== undefined ? { accountIndex } : {}),
        seenAt: now,
      };
      await db.settings.put({ key, value: account });
    }
  });
}

/** Adds an account by hand (a user who wants aliases before Gmail showed the account). */
export async function addOwnAccount(db: MarginDb, address: string): Promise<OwnAccount> {
  const normalised = normaliseEmail(address);
  if (!normalised) throw new Error(`“${address}” is not an email address.`);
  const key = keyOf(normalised);
  const existing = z.safeParse(ownAccountSchema, (await db.settings.get(key))?.value);
  if (existing.success) return existing.data;
  const account: OwnAccount = { address: normalised, aliases: [] };
  await db.settings.put({ key, value: account });
  return account;
}

export async function setAliases(db: MarginDb, address: string, aliases: readonly string[]): Promise<OwnAccount> {
  const normalised = aliases.map((alias) => normaliseEmail(alias));
  const invalid = aliases.filter((_, index) => !normalised[index]);
  if (invalid.length > 0) throw new Error(`Not an email address: ${invalid.join(', ')}`);
  return db.transaction('rw', db.settings, async () => {
    const key = keyOf(address);
    const existing = z.safeParse(ownAccountSchema, (await db.settings.get(key))?.value);
    const base: OwnAccount = existing.success ? existing.data : { address: normaliseEmail(address) ?? address, aliases: [] };
    const account: OwnAccount = { ...base, aliases: [...new Set(normalised as string[])].slice(0, MAX_ALIASES) };
    await db.settings.put({ key, value: account });
    return account;
  });
}

export async function removeOwnAccount(db: MarginDb, address: string): Promise<void> {
  await db.settings.delete(keyOf(address));
}
