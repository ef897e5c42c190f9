import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/send';
import { CRM_DEFINITIONS } from '../sync/adapters/crm-adapters';
import { retrySync } from '../sync/connection';
import { dailyLimitText, readPersonSyncState } from '../sync/sync-overview';
import { useDatabase } from '../ui/database-context';
import { useLiveDbQuery } from '../ui/use-live-db-query';

/** Where this person stands with the connected CRM: "In Pipedrive", "waiting", or why not. Nothing when none is connected. */
export function CrmSyncState({ contactId }: { contactId: string }) {
  const database = useDatabase();
  const state = useLiveDbQuery(['person-sync', contactId], (db) => readPersonSyncState(db, contactId));
  if (!state.data || state.data.kind === 'not-connected') return null;
  const crm = state.data.crm;
  const label = CRM_DEFINITIONS.find((candidate) => candidate.id === crm)?.label ?? crm;
  const retry = () => {
    database()
      .then((db) => retrySync(db, Date.now(), contactId))
      .then(() => sendMessage({ type: 'sync/run' }))
      .catch((error: unknown) => console.warn('[margin] could not retry the sync:', error));
  };
  switch (state.data.kind) {
    case 'in-crm':
      return (
        <p class="crm-sync crm-sync-done" role="status">
          In {label}
        </p>
      );
    case 'waiting':
      return (
        <p class="crm-sync crm-sync-waiting" role="status">
          {label}: waiting to send ({state.data.count})
        </p>
      );
    case 'daily-limit':
      return (
        <p class="crm-sync crm-sync-waiting" role="status">
          {dailyLimitText(label)} Nothing is lost ({state.data.count} waiting).
        </p>
      );
    case 'failed':
      return (
        <p class="crm-sync crm-sync-failed" role="alert">
          {label}: failed: {state.data.reason}{' '}
          <button type="button" class="secondary" onClick={retry}>
            Retry
          </button>
        </p>
      );
    case 'token-refused':
      return (
        <p class="crm-sync crm-sync-failed" role="alert">
          {label} refused the API token. Nothing is lost: it waits here until you connect again in{' '}
          <a href={browser.runtime.getURL('/options.html#crm-connection')} target="_blank" rel="noreferrer">
            Settings
          </a>
          .{' '}
          <button type="button" class="secondary" onClick={retry}>
            Retry
          </button>
        </p>
      );
  }
}
