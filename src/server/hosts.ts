/**
 * Which `Host` headers `marsad serve` answers. A web page elsewhere can point a name of its own
 * at 127.0.0.1 (DNS rebinding) and then read the API from the user's browser as if it were the
 * page's own site; the browser still sends that name in `Host`. So the server answers only to
 * the address it listens on, `localhost`, `127.0.0.1` and `[::1]` (each with its port), and to
 * the names the user adds with `--allow-host`; any other `Host` is refused (403,
 * `host-not-allowed`). Listening on every address (0.0.0.0, ::) adds this machine's own
 * addresses, so that it can be reached by IP from the network it was opened to.
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** A host name with an optional port, as written in a `Host` header or given to `--allow-host`. */
export interface HostName {
  /** Lower case, without brackets (IPv6) or a final dot. A leading dot ("`.example.org`") allows sub-domains too. */
  readonly name: string;
  readonly port: number | null;
}

const NAME = /^\.?(?=[a-z0-9])[a-z0-9_.-]{1,253}$/;

/**
 * Reads "name", "name:port", "[::1]:port" or "::1"; null when it is no host name.
 *
 * @example
 * parseHost('LocalHost:8080')  // { name: 'localhost', port: 8080 }
 * parseHost('[::1]:8080')      // { name: '::1', port: 8080 }
 * parseHost('evil.example/x')  // null
 */
export function parseHost(value: string): HostName | null {
  const v = value.trim().toLowerCase();
  let name: string;
  let portText: string | undefined;
  if (v.startsWith('[')) {
    const m = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(v);
    if (!m || isIP(m[1]!) !== 6) return null;
    name = m[1]!;
    portText = m[2];
  } else if (isIP(v) === 6) {
    name = v;
  } else {
    const m = /^([^:]*)(?::(\d{1,5}))?$/.exec(v);
    if (!m) return null;
    name = m[1]!.endsWith('.') && m[1]!.length > 1 ? m[1]!.slice(0, -1) : m[1]!;
    portText = m[2];
    if (!NAME.test(name)) return null;
  }
  const port = portText === undefined ? null : Number(portText);
  if (port !== null && (port < 1 || port > 65535)) return null;
  return { name, port };
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

/**
 * The check the server runs on each request's `Host` header.
 *
 * @param listen the address listened on ("127.0.0.1", "0.0.0.0", "::1", a name)
 * @param port the port listened on
 * @param extra names given with `--allow-host` ("marsad.lan", "marsad.lan:443", ".example.org")
 * @example
 * const allows = hostAllowList('127.0.0.1', 8080, ['marsad.lan']);
 * allows('localhost:8080')  // true
 * allows('evil.example:8080')  // false
 */
export function hostAllowList(listen: string, port: number, extra: readonly string[] = []): (host: string | undefined) => boolean {
  const own = new Set(['localhost', '127.0.0.1', '::1']);
  const address = parseHost(listen)?.name ?? listen.toLowerCase();
  if (WILDCARD.has(address)) {
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) own.add(a.address.toLowerCase().replace(/%.*$/, ''));
  } else own.add(address);
  const added = extra.map((x) => parseHost(x)).filter((x): x is HostName => x !== null);
  return (host) => {
    if (host === undefined) return false;
    const h = parseHost(host);
    if (!h || h.name.startsWith('.')) return false;
    // No port in Host means the scheme's own (80 for http).
    const hostPort = h.port ?? 80;
    if (own.has(h.name) && hostPort === port) return true;
    return added.some((a) => {
      const nameOk = a.name.startsWith('.') ? h.name === a.name.slice(1) || h.name.endsWith(a.name) : h.name === a.name;
      return nameOk && (a.port === null || a.port === hostPort);
    });
  };
}
