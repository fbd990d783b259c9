// The client's IP address for audit and logs. X-Forwarded-For is only believed when the connection comes from
// a trusted proxy (TRUSTED_PROXIES); otherwise anyone could write any address into the audit trail.
import { BlockList, isIP } from 'node:net';

export interface TrustedProxies {
  has(address: string): boolean;
}

/** Strips the IPv4-mapped IPv6 prefix so `::ffff:10.0.0.1` and `10.0.0.1` are the same address. */
export function normalizeIp(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

/** Parses `10.0.0.1, 10.1.0.0/16, ::1, fd00::/8`; throws on an entry that is neither an address nor a CIDR. */
export function parseTrustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const raw of entries) {
    const [address, prefix] = raw.trim().split('/');
    const family = isIP(address);
    if (!family) throw new Error(`not an IP address or CIDR: ${raw}`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) throw new Error(`bad CIDR prefix: ${raw}`);
      list.addSubnet(address, bits, type);
    }
  }
  return {
    has(address) {
      const ip = normalizeIp(address);
      const family = isIP(ip);
      return family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/**
 * The client address: the socket peer, unless that peer is a trusted proxy, in which case X-Forwarded-For is
 * walked from the right (the entry our proxy appended) past every trusted proxy to the first untrusted hop.
 */
export function clientIp(peer: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string | undefined {
  const socketIp = peer ? normalizeIp(peer) : undefined;
  if (!socketIp || !forwardedFor || !trusted.has(socketIp)) return socketIp;
  const hops = forwardedFor
    .split(',')
    .map((hop) => normalizeIp(hop))
    .filter((hop) => hop.length > 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isIP(hops[i])) return socketIp; // a malformed hop: do not trust anything further left
    if (!trusted.has(hops[i])) return hops[i];
  }
  return hops[0] ?? socketIp;
}
