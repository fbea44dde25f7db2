import 'server-only';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { getWebhookAllowedHostsSetting } from '@/lib/env';
import { normaliseHost, parseAllowedHosts, webhookAddressRefusal } from '@/lib/security/webhook-address';

// Network side of the alert webhook (issue #17: SSRF). The host is resolved once, every address is checked
// (lib/security/webhook-address.ts), and the connection goes to the checked address (a second lookup could answer
// differently: DNS rebinding). Redirects are never followed.

export type TResolvedAddress = { address: string; family: 4 | 6 };
/** All addresses of a host name (injectable: tests answer without DNS). */
export type TWebhookLookup = (hostname: string) => Promise<TResolvedAddress[]>;

export const systemLookup: TWebhookLookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export type TWebhookTarget =
  | { ok: true; address: TResolvedAddress }
  | { ok: false; unresolved: boolean; reason: string };

const refusal = (detail: string) =>
  `Webhook URL refused: ${detail}. Alert webhooks may only reach public addresses; an operator can allow an internal host with ALERT_WEBHOOK_ALLOWED_HOSTS.`;

/**
 * Resolves the URL's host and checks every address it has (one internal address is enough to refuse). Hosts in
 * ALERT_WEBHOOK_ALLOWED_HOSTS skip the check. `unresolved`: the name did not resolve (nothing to check yet).
 */
export async function checkWebhookTarget(url: URL, lookup: TWebhookLookup): Promise<TWebhookTarget> {
  const host = normaliseHost(url.hostname);
  let addresses: TResolvedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      addresses = await lookup(host);
    } catch (cause) {
      const code = (cause as { code?: string }).code ?? 'lookup failed';
      return { ok: false, unresolved: true, reason: `${host} could not be resolved (${code})` };
    }
  }
  const first = addresses[0];
  if (!first) {
    return { ok: false, unresolved: true, reason: `${host} has no address` };
  }
  if (!parseAllowedHosts(getWebhookAllowedHostsSetting()).includes(host)) {
    for (const { address } of addresses) {
      const why = webhookAddressRefusal(address);
      if (why) {
        return {
          ok: false,
          unresolved: false,
          reason: refusal(`${ipaddr.isValid(host) ? '' : `${host}: `}${why}`),
        };
      }
    }
  }
  return { ok: true, address: first };
}

/**
 * POSTs `body` to `url`, connecting to `address` (TLS still verifies the URL's host name). Resolves with the HTTP
 * status; a redirect is returned as is, never followed.
 */
export function postToAddress(
  url: URL,
  address: TResolvedAddress,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  // Node may ask for all addresses (autoSelectFamily): answer with the checked one either way.
  const pinned = ((_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as (e: null, list: { address: string; family: number }[]) => void)(null, [address]);
    } else {
      callback(null, address.address, address.family);
    }
  }) as LookupFunction;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
