import ipaddr from 'ipaddr.js';

// Which addresses an organisation's alert webhook may reach (issue #17: SSRF). Pure; DNS and the connection are in
// lib/server/targets/webhook-transport.ts. Any signed-in user can create an organisation and set its webhook, so the app must
// not become a way to reach the server's own network: only globally routed unicast addresses are allowed, unless
// the operator allow-lists the host (ALERT_WEBHOOK_ALLOWED_HOSTS). Ranges come from ipaddr.js (the range tables
// Express's proxy-addr relies on), not hand-written patterns.

const RANGE_REASONS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private network address',
  uniqueLocal: 'a private (unique-local) IPv6 address',
  linkLocal: 'a link-local address (e.g. cloud metadata at 169.254.169.254)',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  unspecified: 'the unspecified address',
  carrierGradeNat: 'a carrier-grade NAT address',
};

/**
 * Why a webhook may not connect to `address` (an IP literal), or null when it may. IPv4-mapped IPv6
 * (::ffff:127.0.0.1) is judged as the IPv4 address it maps to; every range other than global unicast (reserved,
 * documentation, NAT64/6to4/Teredo embeddings, …) is refused as well.
 */
export function webhookAddressRefusal(address: string): string | null {
  if (!ipaddr.isValid(address)) {
    return `${address} is not an IP address`;
  }
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast') {
    return null;
  }
  return `${parsed.toString()} is ${RANGE_REASONS[range] ?? `a reserved address (${range})`}`;
}

/** A URL's hostname as written in an allow-list: lower case, IPv6 without brackets, IPv4-mapped as IPv4. */
export function normaliseHost(hostname: string): string {
  const bare = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(bare) ? ipaddr.process(bare).toString() : bare;
}

/** Parses ALERT_WEBHOOK_ALLOWED_HOSTS ("hooks.internal, 10.0.0.5"): comma-separated hosts, normalised. */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '')
    .map(normaliseHost);
}
