import { useState } from 'preact/hooks';
import { CRM_DEFINITIONS, crmDefinition, type CrmId } from '../sync/adapters/crm-adapters';
import { ConnectRefusedError, connectCrm, disconnectCrm } from '../sync/connect-crm';
import { readSyncOverview } from '../sync/sync-overview';
import { useOpenedDatabase } from '../ui/database-context';
import { formatDay, formatTime } from '../ui/format';
import { useLiveDbQuery } from '../ui/use-live-db-query';

/**
 * Connects Margin to the team's CRM. Nothing leaves the browser before this: Connect asks the
 * browser for the one address, checks the token with one read, and only then starts sending.
 */
export function CrmConnectionSection() {
  // Connect asks for a permission first thing inside the click, so the handle must be at hand, not awaited.
  const db = useOpenedDatabase();
  const overview = useLiveDbQuery(['sync-overview'], (db) => readSyncOverview(db));
  const connection = overview.data?.connection;
  const [crm, setCrm] = useState<CrmId>(CRM_DEFINITIONS[0].id);
  const [apiAddress, setApiAddress] = useState<string>(CRM_DEFINITIONS[0].defaultBaseUrl);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();
  const definition = crmDefinition(crm);

  if (overview.data === undefined || !db) return <p class="quiet">Loading…</p>;

  if (connection) {
    const label = CRM_DEFINITIONS.find((candidate) => candidate.id === connection.crm)?.label ?? connection.crm;
    const { waiting, failed, inCrm, status } = overview.data;
    return (
      <div class="crm-connection">
        <p role="status">
          Connected to <strong>{label}</strong> at {connection.baseUrl} as {connection.account}, since {formatDay(connection.connectedAt)}.
        </p>
        <p>
          {inCrm.toLocaleString()} {inCrm === 1 ? 'person' : 'people'} in {label} · {waiting.toLocaleString()} waiting · {failed.toLocaleString()} failed
          {status.lastSuccessAt !== undefined && ` · last sent ${formatDay(status.lastSuccessAt)} ${formatTime(status.lastSuccessAt)}`}
        </p>
        {status.stoppedBy?.kind === 'auth' && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setBusy(true);
              connectCrm(db, { crm: connection.crm as CrmId, apiAddress: connection.baseUrl, token })
                .then(() => {
                  setToken('');
                  setMessage({ text: `Connected again. Sending what waited.`, error: false });
                })
                .catch((error: unknown) => setMessage({ text: error instanceof Error ? error.message : String(error), error: true }))
                .finally(() => setBusy(false));
            }}
          >
            <p role="alert" class="field-error">
              {label} refused the API token: nothing is sent until you connect again with a valid token. Nothing is lost meanwhile.
            </p>
            <label>
              New API token
              <input type="password" value={token} required autocomplete="off" onInput={(event) => setToken(event.currentTarget.value)} />
            </label>
            <button type="submit" disabled={busy}>
              Connect again
            </button>
          </form>
        )}
        {message && <p class={message.error ? 'field-error' : 'quiet'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            disconnectCrm(db)
              .then(() => setMessage({ text: `Disconnected. The token is forgotten; Margin sends nothing to ${label} any more.`, error: false }))
              .catch((error: unknown) => setMessage({ text: error instanceof Error ? error.message : String(error), error: true }))
              .finally(() => setBusy(false));
          }}
        >
          Disconnect
        </button>
      </div>
    );
  }

  return (
    <form
      class="crm-connection"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setMessage({ text: 'Checking the token…', error: false });
        // connectCrm asks for the permission first thing, inside this click.
        connectCrm(db, { crm, apiAddress, token })
          .then(({ account, queued }) => {
            setToken('');
            setMessage({ text: `Connected as ${account}. Sending ${queued.toLocaleString()} ${queued === 1 ? 'person' : 'people'} and their notes.`, error: false });
          })
          .catch((error: unknown) =>
            setMessage({ text: error instanceof ConnectRefusedError || error instanceof Error ? error.message : String(error), error: true }),
          )
          .finally(() => setBusy(false));
      }}
    >
      <p class="quiet">
        Margin sends nothing anywhere until you connect. Once connected, it sends to this one address, and nowhere else:
      </p>
      <ul class="what-is-sent">
        <li>the people you track: name, email addresses, LinkedIn profile address, company, title and lifecycle stage;</li>
        <li>your notes, calls and meetings, with their objection, emotion, next step, sentiment and tags as text;</li>
        <li>captured emails and LinkedIn messages as activities: who, when, which way and the subject (no message text, unless you keep snippets);</li>
        <li>follow-ups as tasks with their due date.</li>
      </ul>
      <p class="quiet">Scores, drafts, settings and people you never tracked stay here. The token is kept in this browser's extension storage, never in backups or exports.</p>
      <label>
        CRM
        <select
          value={crm}
          onChange={(event) => {
            const next = event.currentTarget.value as CrmId;
            setCrm(next);
            setApiAddress(crmDefinition(next).defaultBaseUrl);
          }}
        >
          {CRM_DEFINITIONS.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        API address
        <input type="url" value={apiAddress} required onInput={(event) => setApiAddress(event.currentTarget.value)} />
      </label>
      <label>
        API token
        <input type="password" value={token} required autocomplete="off" onInput={(event) => setToken(event.currentTarget.value)} />
      </label>
      <p class="quiet">{definition.tokenLabel}</p>
      {message && <p class={message.error ? 'field-error' : 'quiet'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <button type="submit" disabled={busy}>
        Connect
      </button>
    </form>
  );
}
