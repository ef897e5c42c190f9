import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request that reached the proxy: `CONNECT host:443` for https, the full address for http. */
export interface ProxiedRequest {
  method: string;
  target: string;
}

export interface RecordingProxy {
  port: number;
  /** Every request that reached the proxy since it started, in order. */
  requests(): ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 (a free port) that refuses every request and records it. Firefox is
 * told to send all its traffic through it, localhost included: the page-level interception in
 * serve-pages.ts answers the tab's requests before they reach the network, so anything that gets
 * here came from elsewhere, such as the extension's background page, and nothing gets further.
 */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const log: ProxiedRequest[] = [];
  const server: Server = createServer((request, response) => {
    log.push({ method: request.method ?? '?', target: request.url ?? '?' });
    response.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
    response.end('Refused by the Firefox end-to-end suite: every request outside the served pages is blocked.\n');
  });
  server.on('connect', (request, socket) => {
    log.push({ method: 'CONNECT', target: request.url ?? '?' });
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests: () => [...log],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Firefox preferences that send every request (localhost too) through the proxy on `port`. */
export function proxyPreferences(port: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // Firefox's own background traffic, which would otherwise reach the proxy and hide the extension's.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    // Remote settings (blocklists, certificate data): Mozilla's own test profiles point it nowhere.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
  };
}
