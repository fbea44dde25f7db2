import ipaddr from 'ipaddr.js';

// The client address for per-IP limits (sign-in lockout, API rate limits). Pure: headers and the configured number
// of trusted proxies come in (TRUSTED_PROXY_HOPS, lib/env.ts).
//
// Next.js route handlers do not expose the socket peer, and Next fills X-Forwarded-For with the peer only when the
// request has none (`??=` in next/dist/server/base-server.js), so without a proxy that overwrites or appends to it
// the header is whatever the client wrote. Our production server (scripts/next-server.mjs) passes the socket peer
// in the request context (lib/server/http/request-context.ts), which callers hand in as `peerAddress`. Hence:
// - 0 hops (default): the header is ignored; the key is the socket peer, or, where it is unknown (`next dev`, a
//   bare `next start`, tests calling handlers directly), one key shared by every client, DIRECT_CLIENT (rotating
//   the header neither escapes a per-IP limit nor charges someone else's address);
// - N hops: each trusted proxy appends the address it saw, so the client is the N-th entry from the right; entries
//   further left were written by the client and are ignored. Fewer than N entries, or a non-address, means the
//   request did not come through the proxies as configured: the socket peer (else DIRECT_CLIENT) as well.

export const DIRECT_CLIENT = 'direct';

/** One key per address however it is written: IPv4-mapped IPv6 (::ffff:192.0.2.1) as IPv4, IPv6 compressed. */
function normalised(address: string | undefined): string | null {
  return address !== undefined && ipaddr.isValid(address) ? ipaddr.process(address).toString() : null;
}

export function clientIp(headers: Headers, trustedProxyHops: number, peerAddress?: string): string {
  const peer = normalised(peerAddress) ?? DIRECT_CLIENT;
  if (trustedProxyHops <= 0) {
    return peer;
  }
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const entry = entries[entries.length - trustedProxyHops];
  return normalised(entry) ?? peer;
}
