import ipaddr from 'ipaddr.js';

// The client address for per-IP limits (sign-in lockout, API rate limits). Pure: headers and the configured number
// of trusted proxies come in (TRUSTED_PROXY_HOPS, lib/env.ts).
//
// Next.js route handlers do not expose the socket peer. Next fills X-Forwarded-For with the peer only when the
// request has none (`??=` in next/dist/server/base-server.js), so without a proxy that overwrites or appends to it
// the header is whatever the client wrote. Hence:
// - 0 hops (default): the header is ignored and every client shares one key, DIRECT_CLIENT (rotating the header
//   neither escapes a per-IP limit nor charges someone else's address);
// - N hops: each trusted proxy appends the address it saw, so the client is the N-th entry from the right; entries
//   further left were written by the client and are ignored. Fewer than N entries, or a non-address, means the
//   request did not come through the proxies as configured: DIRECT_CLIENT as well.

export const DIRECT_CLIENT = 'direct';

export function clientIp(headers: Headers, trustedProxyHops: number): string {
  if (trustedProxyHops <= 0) {
    return DIRECT_CLIENT;
  }
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const entry = entries[entries.length - trustedProxyHops];
  if (entry === undefined || !ipaddr.isValid(entry)) {
    return DIRECT_CLIENT;
  }
  // One key per address however it is written: IPv4-mapped IPv6 (::ffff:192.0.2.1) as IPv4, IPv6 compressed.
  return ipaddr.process(entry).toString();
}
