import { browser } from 'wxt/browser';
import { useState } from 'preact/hooks';
import { sendMessage } from '../../messaging/send';
import { CRM_DEFINITIONS } from '../../sync/adapters/crm-adapters';
import { retrySync } from '../../sync/connection';
import { dailyLimitText, readSyncOverview } from '../../sync/sync-overview';
import { useDatabase } from '../../ui/database-context';
import { formatDay, formatTime } from '../../ui/format';
import { useLiveDbQuery } from '../../ui/use-live-db-query';

/** The live sync at a glance: what is in the CRM, what waits, what failed and why, and "Sync now". */
export function SyncPanel() {
  const database = useDatabase();
  const overview = useLiveDbQuery(['sync-overview'], (db) => readSyncOverview(db));
  const [note, setNote] = useState('');
  const data = overview.data;
  const settingsUrl = browser.runtime.getURL('/options.html#crm-connection');
  if (!data) return null;
  if (!data.connection) {
    return (
      <section class="transfer sync-panel" aria-labelledby="sync-panel-heading">
        <h3 id="sync-panel-heading">CRM sync</h3>
        <p class="quiet">
          Not connected: nothing leaves this browser. To send people and notes to Pipedrive or HubSpot as you log them,{' '}
          <a href={settingsUrl}>connect your CRM in Settings</a>.
        </p>
      </section>
    );
  }
  const label = CRM_DEFINITIONS.find((candidate) => candidate.id === data.connection!.crm)?.label ?? data.connection.crm;
  const { status } = data;
  const syncNow = () => {
    setNote('');
    database()
      .then((db) => retrySync(db, Date.now()))
      .then(() => sendMessage({ type: 'sync/run' }))
      .then(() => setNote('Sending…'))
      .catch((error: unknown) => setNote(`Could not start: ${error instanceof Error ? error.message : String(error)}`));
  };
  return (
    <section class="transfer sync-panel" aria-labelledby="sync-panel-heading">
      <h3 id="sync-panel-heading">CRM sync: {label}</h3>
      <dl class="sync-counts">
        <dt>In {label}</dt>
        <dd>{data.inCrm.toLocaleString()} {data.inCrm === 1 ? 'person' : 'people'}</dd>
        <dt>Waiting</dt>
        <dd>{data.waiting.toLocaleString()}</dd>
        <dt>Failed</dt>
        <dd>{data.failed.toLocaleString()}</dd>
        <dt>Last success</dt>
        <dd>{status.lastSuccessAt === undefined ? 'not yet' : `${formatDay(status.lastSuccessAt)} ${formatTime(status.lastSuccessAt)}`}</dd>
      </dl>
      {status.stoppedBy && (
        <p role="alert" class="field-error">
          {status.stoppedBy.kind === 'auth'
            ? `${label} refused the API token. Nothing is lost; connect again in Settings with a valid token.`
            : status.stoppedBy.kind === 'daily-limit'
              ? `${dailyLimitText(label)} Nothing is lost.`
              : status.stoppedBy.kind === 'rate-limited'
              ? `${label} asked Margin to slow down; sending resumes ${status.pausedUntil ? `at ${formatTime(status.pausedUntil)}` : 'shortly'}.`
                : `${label} could not be reached (${status.stoppedBy.message}); Margin tries again ${status.pausedUntil ? `at ${formatTime(status.pausedUntil)}` : 'shortly'}.`}
        </p>
      )}
      {data.failures.length > 0 && (
        <ul class="sync-failures">
          {data.failures.map((failure, index) => (
            <li key={`${failure.contactId}-${index}`}>
              {failure.contactName}: {failure.reason}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={syncNow}>
        Sync now
      </button>{' '}
      <a href={settingsUrl}>Connection settings</a>
      {note && <p role="status" class="quiet">{note}</p>}
    </section>
  );
}
