/**
 * A real HTTP server for the fetch tests, on a loopback address and port 0. It records every
 * request (path, headers, when it arrived) and every TCP connection, so tests can assert what
 * reached it and what never did.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Received {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  /** performance.now() when the request arrived. */
  readonly at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  readonly host: string;
  readonly port: number;
  /** http://HOST:PORT */
  readonly origin: string;
  readonly received: Received[];
  /** TCP connections accepted. */
  connections: number;
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight: number;
  maxInFlight: number;
  close(): Promise<void>;
}

/** Starts a server on `host` (127.0.0.1 by default); `routes` maps a path to its handler, else 404. */
export async function startServer(routes: Record<string, Handler>, host = '127.0.0.1'): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const state = {
    host,
    port: 0,
    origin: '',
    received: [] as Received[],
    connections: 0,
    inFlight: 0,
    maxInFlight: 0,
  };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    state.received.push({ path, headers: req.headers, at: performance.now() });
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.on('close', () => state.inFlight--);
    const handler = routes[path.split('?')[0]!];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on('connection', (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://${host}:${state.port}`;
  return Object.assign(state, {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

/** The bytes of a text in windows-1256 (Node has decoders for it, not encoders: the table is inverted). */
export function encodeWindows1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  const out: number[] = [];
  for (const ch of text) {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not in windows-1256: ${ch}`);
    out.push(b);
  }
  return new Uint8Array(out);
}
