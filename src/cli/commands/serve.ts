/**
 * `marsad serve [--host 127.0.0.1] [--port 8080] [--allow-host NAME]… [--store PATH] [--ingest-if-empty PATH…]`:
 * the web app and the HTTP API, until Ctrl-C. Requests whose `Host` header names another
 * host are refused (server/hosts.ts).
 */
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { MarsadError } from '../../errors.js';
import { ingest } from '../../services/ingest.js';
import { parseHost } from '../../server/hosts.js';
import { DEFAULT_HOST, DEFAULT_PORT, listen } from '../../server/listen.js';
import { err, out, printable, styles } from '../io.js';
import type { CommandContext } from '../main.js';
import { intOption } from '../options.js';

interface ServeOpts {
  store?: string;
  host: string;
  port: number;
  ingestIfEmpty?: string[];
  allowHost: string[];
  reviewer?: string;
}

/** Addresses of this machine only: a server bound to them takes reviews with a token it makes itself. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Who may write reviews (docs/review.md): MARSAD_TOKEN when set; else, on this machine only, a
 * random token made now; else (bound beyond this machine without MARSAD_TOKEN) nobody.
 */
export function reviewAccess(host: string, env: NodeJS.ProcessEnv, reviewer: string | undefined) {
  const fromEnv = env.MARSAD_TOKEN?.trim() || null;
  const name = reviewer ?? null;
  if (fromEnv) return { token: fromEnv, reviewer: name, reason: null, generated: false };
  if (isLoopback(host)) return { token: randomBytes(32).toString('base64url'), reviewer: name, reason: null, generated: true };
  return { token: null, reviewer: name, reason: `the server listens on ${host}, beyond this machine, and MARSAD_TOKEN is not set`, generated: false };
}

function reviewerName(value: string): string {
  const name = value.trim();
  if (!name || name.length > 100) throw new MarsadError('usage', '--reviewer', `${JSON.stringify(value)} is not a name (1 to 100 characters)`);
  return name;
}

/** `--allow-host`, repeatable: each value checked to be a host name, with an optional port. */
function collectHost(value: string, previous: string[]): string[] {
  if (!parseHost(value)) throw new MarsadError('usage', '--allow-host', `${JSON.stringify(value)} is not a host name (NAME, NAME:PORT or .DOMAIN)`);
  return [...previous, value];
}

export function registerServe(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('serve the web app and the HTTP API (http://127.0.0.1:8080 by default)')
    .option('--store <path>', 'the store (default: $MARSAD_STORE or ./marsad.db)')
    .option('--host <address>', 'the address to listen on; 0.0.0.0 opens it to the network', DEFAULT_HOST)
    .option('--port <n>', 'the port (0: any free port)', intOption('--port', 0, 65535), DEFAULT_PORT)
    .option('--allow-host <name>', 'also answer requests addressed to this name (NAME, NAME:PORT, .DOMAIN for it and its sub-domains); repeatable', collectHost, [] as string[])
    .option('--reviewer <name>', 'the name reviews are stored under when the web app sends none', reviewerName)
    .option('--ingest-if-empty <paths...>', 'ingest these files or folders first when the store holds no document (or does not exist yet: it is made)')
    .addHelpText('after', '\nThe store must exist (made by `marsad ingest`), unless --ingest-if-empty is given.\n' +
        'The API is described at /api/openapi.json.\n\n' +
        'Only requests addressed to the address listened on, localhost, 127.0.0.1 or [::1] (with\n' +
        'the port) are answered; any other Host header gets 403 host-not-allowed, so that a web\n' +
        'page cannot reach the API through a name of its own (DNS rebinding). Add the names the\n' +
        'server is reached by (a reverse proxy, a LAN name) with --allow-host.\n\n' +
        'Examples:\n  marsad serve\n  marsad serve --port 9000 --store /data/marsad.db\n  marsad serve --ingest-if-empty examples\n' +
        '  marsad serve --host 0.0.0.0 --allow-host marsad.lan --allow-host marsad.example.org:443\n' +
        '  marsad serve --reviewer Lina\n\n' +
        'Reviews (docs/review.md): writing needs a token. serve makes a random one at start and\n' +
        'prints the address to open with it (http://127.0.0.1:8080/#token=…; the web app keeps it\n' +
        'for the tab), or takes MARSAD_TOKEN from the environment. Listening beyond this machine\n' +
        '(--host 0.0.0.0) without MARSAD_TOKEN, the server takes no reviews. --reviewer names the\n' +
        'reviews the app sends without a name.')
    .action(async (opts: ServeOpts) => {
      // A new store is made only to ingest into it: serving a mistyped path would show an
      // empty app and look like a store with nothing in it.
      const store = ctx.openStore(opts.store, { create: opts.ingestIfEmpty !== undefined });
      const st = styles(ctx.io, 'stdout');
      try {
        if (opts.ingestIfEmpty && (await store.stats()).documents === 0) {
          const report = await ingest(store, opts.ingestIfEmpty, { command: `serve --ingest-if-empty ${opts.ingestIfEmpty.join(' ')}` });
          out(ctx.io, st.dim(`The store was empty: ingested ${report.counts.stored} articles from ${printable(opts.ingestIfEmpty.join(', '))}.`));
          for (const f of [...report.unread, ...report.failures]) err(ctx.io, `  rejected ${printable(f.message)}`);
        }
        const documents = (await store.stats()).documents;
        const review = reviewAccess(opts.host, ctx.io.env, opts.reviewer);
        const server = await listen(store, {
          review,
          host: opts.host,
          port: opts.port,
          allowHosts: opts.allowHost,
          onInternalError: (error) => err(ctx.io, `marsad: internal error in a request: ${(error as Error)?.stack ?? String(error)}`),
        });
        out(ctx.io, `Marsad serves ${printable(store.location)} (${documents} documents) at ${st.bold(server.url)}`);
        const by = review.reviewer ? ` (reviewer: ${printable(review.reviewer)})` : ' (the app asks each reviewer for a name)';
        if (review.generated) out(ctx.io, `Review: open ${st.bold(`${server.url}/#token=${review.token}`)}${by}`);
        else if (review.token) out(ctx.io, `Review: writes need the token of MARSAD_TOKEN: open ${server.url}/#token=<MARSAD_TOKEN>${by}`);
        else out(ctx.io, `Review: off: ${review.reason}; set MARSAD_TOKEN to review over the network`);
        out(ctx.io, st.dim(`API: ${server.url}/api/openapi.json · Ctrl-C stops it`));
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        await server.close();
      } catch (error) {
        if (error instanceof MarsadError) throw error;
        throw new MarsadError('internal', undefined, (error as Error).message, { cause: error });
      } finally {
        await store.close();
      }
    });
}
