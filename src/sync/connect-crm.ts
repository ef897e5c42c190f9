import { browser } from 'wxt/browser';
import type { MarginDb } from '../db/database';
import { sendMessage } from '../messaging/send';
import { crmDefinition, type CrmId } from './adapters/crm-adapters';
import { startSync, stopSync } from './connection';
import { CrmHttpError } from './crm-http';
import { readSyncConnection } from './sync-state';
import { forgetCrmToken, saveCrmToken } from './token-store';

/** A reason the connection was not made, in words for the user; nothing was stored or sent. */
export class ConnectRefusedError extends Error {
  override name = 'ConnectRefusedError';
}

/**
 * The API address as an origin Margin may ask the browser for: HTTPS only. Plain HTTP only to
 * 127.0.0.1, which only the end-to-end test build may reach (its CRM mock).
 */
export function parseApiAddress(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConnectRefusedError(`"${raw}" is not a web address. It looks like https://api.pipedrive.com.`);
  }
  const local = url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new ConnectRefusedError('The API address must start with https:// (the token must never travel unencrypted).');
  }
  if (url.username || url.password) throw new ConnectRefusedError('The API address must not contain a user name or password.');
  return url;
}

/** The host permission for an address: match patterns have no port. */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

export interface ConnectRequest {
  crm: CrmId;
  apiAddress: string;
  token: string;
}

/**
 * Asks the browser for the address's host permission (call it straight from the click: the
 * browser asks the user only during a user gesture), checks the token with one read, then stores
 * the token in extension storage and queues every contact. Returns who the token belongs to and
 * how many people were queued.
 */
export async function connectCrm(db: MarginDb, request: ConnectRequest): Promise<{ account: string; queued: number }> {
  const definition = crmDefinition(request.crm);
  const url = parseApiAddress(request.apiAddress);
  const token = request.token.trim();
  // The permission request comes first, while the click still counts as the user's gesture.
  const granted = await browser.permissions.request({ origins: [originPattern(url)] }).catch((error: unknown) => {
    throw new ConnectRefusedError(`Margin cannot ask for ${url.host}: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!granted) throw new ConnectRefusedError(`Margin was not allowed to reach ${url.host}, so it did not connect. Nothing was sent.`);
  if (!token) throw new ConnectRefusedError(`Paste your ${definition.label} API token first.`);
  const baseUrl = url.href.replace(/\/+$/, '');
  let account: string;
  try {
    account = await definition.createAdapter({ baseUrl, token, memo: new Map() }).checkConnection();
  } catch (error) {
    if (error instanceof CrmHttpError && error.kind === 'auth') {
      throw new ConnectRefusedError(`${definition.label} refused this API token. Check it and try again; nothing was stored or sent.`);
    }
    const reason = error instanceof CrmHttpError ? error.message : `${url.host} did not answer as ${definition.label} would.`;
    throw new ConnectRefusedError(`Could not check the token. ${reason} Nothing was stored or sent.`);
  }
  await saveCrmToken({ crm: definition.id, baseUrl, token });
  const queued = await startSync(db, { crm: definition.id, baseUrl, account, connectedAt: Date.now() });
  await sendMessage({ type: 'sync/run' }).catch(() => undefined);
  return { account, queued };
}

/** Forgets the token and stops sending; the browser's permission for the address is given back. */
export async function disconnectCrm(db: MarginDb): Promise<void> {
  const connection = await readSyncConnection(db);
  await forgetCrmToken();
  await stopSync(db);
  if (connection) {
    // A test build grants its mock's address at install; that one cannot be given back.
    await browser.permissions.remove({ origins: [originPattern(new URL(connection.baseUrl))] }).catch(() => false);
  }
}
