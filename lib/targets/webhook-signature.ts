import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of a signed alert delivery (docs/TARGETS.md, "Webhook"). */
export const WEBHOOK_HEADERS = {
  signature: 'X-AIF-Signature',
  timestamp: 'X-AIF-Timestamp',
  event: 'X-AIF-Event',
} as const;

/**
 * `sha256=<hex>` where hex = HMAC-SHA256(secret, `${timestampSeconds}.${body}`). Signing the timestamp with the
 * exact body bytes lets receivers reject replays (old timestamps) and any altered payload.
 */
export function signWebhookPayload(secret: string, timestampSeconds: number, body: string): string {
  const hex = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `sha256=${hex}`;
}

/**
 * Receiver-side check (the snippet in docs/TARGETS.md does the same): constant-time comparison, and the
 * timestamp must be within `toleranceSeconds` of `nowSeconds`.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  timestampSeconds: number;
  body: string;
  signature: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}): boolean {
  const tolerance = input.toleranceSeconds ?? 300;
  if (Math.abs(input.nowSeconds - input.timestampSeconds) > tolerance) {
    return false;
  }
  const expected = Buffer.from(signWebhookPayload(input.secret, input.timestampSeconds, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
