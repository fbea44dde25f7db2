import { getTrustedProxyHops } from '@/lib/env';
import { clientIp } from '@/lib/security/client-ip';
import { currentRequestContext } from './request-context';

/**
 * The client address of the request being served, for per-IP limits: `X-Forwarded-For` per TRUSTED_PROXY_HOPS,
 * else the socket peer our production server records (lib/security/client-ip.ts explains the rules).
 */
export function requestClientIp(headers: Headers): string {
  return clientIp(headers, getTrustedProxyHops(), currentRequestContext()?.peerAddress);
}
