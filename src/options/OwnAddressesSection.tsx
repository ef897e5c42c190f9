import { useState } from 'preact/hooks';
import { addOwnAccount, listOwnAccounts, removeOwnAccount, setAliases, type OwnAccount } from '../db/own-addresses-repository';
import { describeWriteError } from '../db/storage-errors';
import { useDatabase } from '../ui/database-context';
import { useLiveDbQuery } from '../ui/use-live-db-query';

/**
 * The user's own addresses per Gmail account, as Gmail showed them, plus aliases the user adds
 * (send-as addresses, old addresses, a personal address). Margin never treats any of them as a
 * contact and never picks one as the person on a page.
 */
export function OwnAddressesSection() {
  const database = useDatabase();
  const accounts = useLiveDbQuery(['own-accounts'], (db) => listOwnAccounts(db));
  const [newAccount, setNewAccount] = useState('');
  const [error, setError] = useState('');

  const attempt = (work: () => Promise<unknown>) => {
    setError('');
    work().catch((failure: unknown) => setError(describeWriteError('save your addresses', failure)));
  };

  return (
    <div class="own-addresses">
      <p class="quiet">
        Margin learns your address from each Gmail account you open. Add the other addresses you send from, one per line: Margin
        treats them as you, never as a contact. Gmail addresses match with or without dots and +tags.
      </p>
      {accounts.data?.length === 0 && <p>No Gmail account seen yet. Open Gmail, or add your address below.</p>}
      {accounts.data?.map((account) => (
        <AccountAliases key={account.address} account={account} onError={setError} />
      ))}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          attempt(async () => {
            await addOwnAccount(await database(), newAccount);
            setNewAccount('');
          });
        }}
      >
        <label>
          Add an account address
          <input type="email" value={newAccount} onInput={(event) => setNewAccount(event.currentTarget.value)} />
        </label>
        <button type="submit">Add account</button>
      </form>
      {error && (
        <p role="alert" class="field-error">
          {error}
        </p>
      )}
      {accounts.data && accounts.data.length > 0 && (
        <p class="quiet">
          To forget an account:{' '}
          {accounts.data.map((account) => (
            <button key={account.address} type="button" class="secondary" onClick={() => attempt(async () => removeOwnAccount(await database(), account.address))}>
              Forget {account.address}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}

function AccountAliases({ account, onError }: { account: OwnAccount; onError: (message: string) => void }) {
  const database = useDatabase();
  const [text, setText] = useState(account.aliases.join('\n'));
  const [saved, setSaved] = useState('');
  const id = `aliases-${account.address.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <form
      class="account-aliases"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved('');
        const aliases = text.split(/[\s,;]+/).filter(Boolean);
        database()
          .then((db) => setAliases(db, account.address, aliases))
          .then((updated) => {
            setText(updated.aliases.join('\n'));
            setSaved('Saved.');
          })
          .catch((failure: unknown) => onError(describeWriteError('save the aliases', failure)));
      }}
    >
      <h3>
        {account.address}
        {account.accountIndex !== undefined && <span class="quiet"> (Gmail account {account.accountIndex})</span>}
      </h3>
      <label for={id}>Also me (aliases)</label>
      <textarea id={id} rows={3} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      <button type="submit">Save aliases</button> <span role="status">{saved}</span>
    </form>
  );
}
