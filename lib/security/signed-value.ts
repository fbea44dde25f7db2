import { createHmac, timingSafeEqual } from 'node:crypto';

// `value.signature` with HMAC-SHA256 (base64url), for small cookies the server must trust it wrote (the active
// organisation). Pure: the secret is an argument. Split on the LAST dot, so values may contain dots.

function sign(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function toSignedValue(value: string, secret: string): string {
  return `${value}.${sign(value, secret)}`;
}

/** The value if the signature matches, else null (tampered, truncated or signed with another secret). */
export function fromSignedValue(signed: string | undefined, secret: string): string | null {
  if (!signed) {
    return null;
  }
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) {
    return null;
  }
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(sign(value, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
