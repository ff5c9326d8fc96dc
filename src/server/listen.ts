/**
 * Starts the HTTP server on a host and port (127.0.0.1 by default: the API and the app are
 * for this machine unless a user asks otherwise).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { MarsadError } from '../errors.js';
import type { Store } from '../store/store.js';
import { createApp, type AppOptions } from './app.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

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
export async function listen(store: Store, options: { host?: string; port?: number } & AppOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const app = createApp(store, options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT });
    server.once('error', (error: NodeJS.ErrnoException) => {
      const detail = error.code === 'EADDRINUSE' ? `port ${options.port} is in use; choose another with --port` : error.code === 'EACCES' ? `not allowed to listen on port ${options.port}` : error.message;
      reject(new MarsadError('usage', error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' ? '--host' : '--port', detail, { cause: error }));
    });
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
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
