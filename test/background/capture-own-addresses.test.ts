import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { openDb } from '../../src/background/background-db';
import { createContactFromPerson } from '../../src/db/contacts-repository';
import { addOwnAccount, listOwnAccounts, setAliases } from '../../src/db/own-addresses-repository';
import type { PageContext } from '../../src/model/page-context';
import { gmailMessage, gmailThread, ME, PRIYA } from '../capture/contexts';
import { NOW } from '../metrics/interactions';
import { contentScriptSender } from '../messaging/senders-fixtures';

/** An alias the user added in Settings → Your addresses; Gmail's page never shows it as theirs. */
const ALIAS = 'alex@acme-sales.example';

async function deliver(context: PageContext): Promise<unknown> {
  let answer: (value: unknown) => void = () => undefined;
  const answered = new Promise((resolve) => {
    answer = resolve;
  });
  await fakeBrowser.runtime.onMessage.trigger({ type: 'page/context', context }, contentScriptSender(), answer);
  return answered;
}

/** Priya writes; the user replies from the alias. The content script only knows the page's own address. */
function threadWithAliasReply(): PageContext {
  return gmailThread(
    [
      gmailMessage('msg-f:1', 2, 'priya'),
      gmailMessage('msg-f:2', 1, ALIAS, { from: { name: 'Alex', email: ALIAS }, to: [PRIYA], fromUser: false }),
    ],
    // What the recogniser reports: it took the alias for the latest other sender.
    { person: { name: 'Alex', email: ALIAS }, participants: [PRIYA], ownAddresses: [ME] },
  );
}

beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  const db = openDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  background.main();
});

describe('background: one owner for "who is the user"', () => {
  it('records a reply sent from an alias as sent by the user, not as someone writing', async () => {
    const db = openDb();
    const priya = await createContactFromPerson(db, PRIYA, NOW - 30 * 24 * 60 * 60 * 1000);
    await addOwnAccount(db, ME);
    await setAliases(db, ME, [ALIAS]);

    expect(await deliver(threadWithAliasReply())).toEqual({ stored: true });

    const logged = await db.interactions.where('contactId').equals(priya.id).sortBy('at');
    expect(logged.map((interaction) => [interaction.source.messageId, interaction.kind])).toEqual([
      ['msg-f:1', 'email-in'],
      ['msg-f:2', 'email-out'],
    ]);
    // The alias is the user: never a contact.
    expect((await db.contacts.toArray()).map((contact) => contact.emails)).toEqual([[PRIYA.email]]);
  });

  it('remembers the addresses the page shows as the user\'s, whether or not a sidebar is open', async () => {
    await deliver(gmailThread([gmailMessage('msg-f:1', 2, 'priya')], { account: 0 }));
    expect((await listOwnAccounts(openDb())).map((account) => [account.address, account.accountIndex])).toEqual([[ME, 0]]);
  });
});
