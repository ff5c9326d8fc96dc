/**
 * Starts the HTTP server on a host and port (127.0.0.1 by default: the API and the app are
 * for this machine unless a user asks otherwise).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { MarsadError } from '../errors.js';
import type { Store } from '../store/store.js';
import { createApp, type AppOptions } from './app.js';
import { hostAllowList } from './hosts.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export interface ListenOptions extends Omit<AppOptions, 'allowHost'> {
  readonly host?: string;
  readonly port?: number;
  /**
   * Names the server answers to besides its own address, localhost, 127.0.0.1 and [::1]
   * (`--allow-host`): "marsad.lan", "marsad.lan:8443", ".example.org" (and its sub-domains).
   */
  readonly allowHosts?: readonly string[];
}

export interface RunningServer {
  /** "http://127.0.0.1:8080" */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the API and the web app for a store until `close()`.
 *
 * @example
 * const server = await listen(store, { host: '127.0.0.1', port: 0 });  // port 0: any free port
 * @throws MarsadError `usage` naming --port when the port is taken or not allowed.
 */
export async function listen(store: Store, options: ListenOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  // The port is known once listening (port 0 picks one); until then no request is answered.
  let allowHost: (host: string | undefined) => boolean = () => false;
  const app = createApp(store, { ...options, allowHost: (h) => allowHost(h) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT });
    server.once('error', (error: NodeJS.ErrnoException) => {
      const detail = error.code === 'EADDRINUSE' ? `port ${options.port} is in use; choose another with --port` : error.code === 'EACCES' ? `not allowed to listen on port ${options.port}` : error.message;
      reject(new MarsadError('usage', error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' ? '--host' : '--port', detail, { cause: error }));
    });
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      allowHost = hostAllowList(host, address.port, options.allowHosts ?? []);
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shown}:${address.port}`,
        port: address.port,
        close: () => new Promise<void>((done) => {
          if ('closeAllConnections' in server) (server as unknown as { closeAllConnections(): void }).closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
