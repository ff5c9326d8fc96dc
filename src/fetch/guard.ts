/**
 * The SSRF guard: which IP addresses Marsad may connect to when it fetches a URL.
 *
 * A URL from a feed or a user can name any host, and a host name can resolve to any address:
 * the loopback interface, the local network, a cloud's metadata service (169.254.169.254).
 * Fetching those on someone else's behalf would let a feed read what only this machine may
 * read. So an address is allowed only when it is ordinary public unicast; every other range
 * ipaddr.js knows (loopback, RFC 1918 private, unique local, link-local, unspecified,
 * multicast, broadcast, carrier-grade NAT, reserved and documentation ranges, …) is refused.
 * IPv6 forms that carry an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`,
 * 6to4 `2002::/16`) are judged by the IPv4 address they carry, and the deprecated
 * IPv4-compatible `::a.b.c.d` is refused outright.
 *
 * `allowPrivate` turns the guard off; `allowAddresses` trusts listed ranges (a user's own
 * intranet host) while the guard stays on for everything else.
 */
import ipaddr from 'ipaddr.js';
import { MarsadError } from '../errors.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Words for the ranges a refusal names. */
const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address (RFC 1918)',
  uniqueLocal: 'a private address (unique local, fc00::/7)',
  linkLocal: 'a link-local address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  reserved: 'a reserved or documentation address',
  deprecatedSiteLocal: 'a site-local address',
};

/** IPv6 ranges whose address carries an IPv4 address, and where it sits. */
function embeddedIPv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const b = address.toByteArray();
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
    case 'rfc6052':
      return new ipaddr.IPv4([b[12]!, b[13]!, b[14]!, b[15]!]);
    case '6to4':
      return new ipaddr.IPv4([b[2]!, b[3]!, b[4]!, b[5]!]);
    default:
      return null;
  }
}

/**
 * Why an address may not be fetched from, in words ("a loopback address"), or null when it
 * is public unicast.
 */
export function refusalReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return ipv4Reason(parsed as ipaddr.IPv4);
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  const inner = embeddedIPv4(v6, range);
  if (inner) {
    const reason = ipv4Reason(inner);
    return reason ? `${reason} (${inner.toString()} inside an IPv6 address)` : null;
  }
  if (range === 'unicast') {
    // ::a.b.c.d, the deprecated IPv4-compatible form: some stacks route it to the IPv4 address.
    const parts = v6.parts;
    if (parts.slice(0, 6).every((p) => p === 0)) return 'an IPv4-compatible IPv6 address';
    return null;
  }
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

function ipv4Reason(address: ipaddr.IPv4): string | null {
  const range = address.range();
  if (range === 'unicast') return null;
  if (range === 'linkLocal' && address.toString() === '169.254.169.254') return 'the cloud metadata address';
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

/** An address range a user trusts, from "10.1.2.3/32", "fd00::/8" or a bare address. */
function parseRange(text: string): [Address, number] {
  const trimmed = text.trim();
  try {
    if (trimmed.includes('/')) return ipaddr.parseCIDR(trimmed);
    const address = ipaddr.parse(trimmed);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    throw new MarsadError('usage', text, 'not an address or address range (CIDR), e.g. 10.1.2.3/32 or fd00::/8');
  }
}

/** IPv4-mapped IPv6 addresses are compared as the IPv4 address they map. */
function unmapped(address: Address): Address {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) return (address as ipaddr.IPv6).toIPv4Address();
  return address;
}

export interface GuardOptions {
  allowPrivate?: boolean;
  allowAddresses?: readonly string[];
}

/** Decides, for one fetcher, which addresses it may connect to. */
export class AddressGuard {
  private readonly allowPrivate: boolean;
  private readonly trusted: [Address, number][];

  constructor(options: GuardOptions = {}) {
    this.allowPrivate = options.allowPrivate ?? false;
    this.trusted = (options.allowAddresses ?? []).map(parseRange);
  }

  /** Why `address` is refused, or null when it may be connected to. */
  check(address: string): string | null {
    if (this.allowPrivate) return null;
    const reason = refusalReason(address);
    if (reason === null) return null;
    if (!ipaddr.isValid(address)) return reason;
    const parsed = unmapped(ipaddr.parse(address));
    for (const [range, bits] of this.trusted) {
      const base = unmapped(range);
      const prefix = base === range ? bits : bits - 96;
      if (base.kind() === parsed.kind() && prefix >= 0 && parsed.match(base, prefix)) return null;
    }
    return reason;
  }
}
