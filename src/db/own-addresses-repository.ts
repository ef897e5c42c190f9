import * as z from 'zod/mini';
import { canonicalEmail, normaliseEmail } from '../identity/normalise';
import { defineSettingGroup } from '../model/define-setting';
import type { MarginDb } from './database';
import { clearGroupSetting, getGroupSetting, listSettingGroup, setGroupSetting } from './settings-repository';
import { InputRejectedError } from './input-rejected-error';

/**
 * The user's own addresses, one settings row per Gmail account (`ownAddresses:<address>`): the
 * address Gmail shows for the account, the aliases the user added in settings, and where it was
 * last seen. Every address here is the user, never a contact, on every account.
 */
const MAX_ALIASES = 50;

export const ownAccountSchema = z.object({
  address: z.email(),
  aliases: z.array(z.email()).check(z.maxLength(MAX_ALIASES)),
  /** Gmail's account index (`/mail/u/<n>/`) when last seen; indexes move when accounts sign in or out. */
  accountIndex: z.optional(z.number().check(z.int(), z.nonnegative())),
  seenAt: z.optional(z.number()),
});
export type OwnAccount = z.infer<typeof ownAccountSchema>;

export const OWN_ACCOUNTS_SETTING = defineSettingGroup<OwnAccount>({ keyPrefix: 'ownAddresses:', schema: ownAccountSchema });

/** An account's id in the group: its canonical address, so `A.Morgan@…` and `a.morgan@…` are one account. */
function idOf(address: string): string {
  return canonicalEmail(address) ?? address;
}

export async function listOwnAccounts(db: MarginDb): Promise<OwnAccount[]> {
  return (await listSettingGroup(db, OWN_ACCOUNTS_SETTING)).sort((a, b) => (a.accountIndex ?? 99) - (b.accountIndex ?? 99) || a.address.localeCompare(b.address));
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
      const existing = await getGroupSetting(db, OWN_ACCOUNTS_SETTING, idOf(address));
      if (existing && existing.accountIndex === accountIndex) continue;
      const account: OwnAccount = {
        address,
        aliases: existing ? existing.aliases : [],
        ...(accountIndex !== undefined ? { accountIndex } : {}),
        seenAt: now,
      };
      // A page's text that is not an address the schema accepts is not the user's account: skip it.
      if (!z.safeParse(ownAccountSchema, account).success) continue;
      await setGroupSetting(db, OWN_ACCOUNTS_SETTING, idOf(address), account);
    }
  });
}

/** Adds an account by hand (a user who wants aliases before Gmail showed the account). */
export async function addOwnAccount(db: MarginDb, address: string): Promise<OwnAccount> {
  const normalised = normaliseEmail(address);
  if (!normalised) throw new InputRejectedError(`“${address}” is not an email address.`);
  const existing = await getGroupSetting(db, OWN_ACCOUNTS_SETTING, idOf(normalised));
  if (existing) return existing;
  const account: OwnAccount = { address: normalised, aliases: [] };
  await setGroupSetting(db, OWN_ACCOUNTS_SETTING, idOf(normalised), account);
  return account;
}

export async function setAliases(db: MarginDb, address: string, aliases: readonly string[]): Promise<OwnAccount> {
  const normalised = aliases.map((alias) => normaliseEmail(alias));
  const invalid = aliases.filter((_, index) => !normalised[index]);
  if (invalid.length > 0) throw new InputRejectedError(`Not an email address: ${invalid.join(', ')}`);
  return db.transaction('rw', db.settings, async () => {
    const existing = await getGroupSetting(db, OWN_ACCOUNTS_SETTING, idOf(address));
    const base: OwnAccount = existing ?? { address: normaliseEmail(address) ?? address, aliases: [] };
    const account: OwnAccount = { ...base, aliases: [...new Set(normalised as string[])].slice(0, MAX_ALIASES) };
    await setGroupSetting(db, OWN_ACCOUNTS_SETTING, idOf(address), account);
    return account;
  });
}

export async function removeOwnAccount(db: MarginDb, address: string): Promise<void> {
  await clearGroupSetting(db, OWN_ACCOUNTS_SETTING, idOf(address));
}
