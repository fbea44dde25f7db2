import 'server-only';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { fromSignedValue, toSignedValue } from '@/lib/security/signed-value';

// The print page (app/report-print/page.tsx) is opened only by the PDF renderer's headless Chromium. It carries this
// short-lived token in a request header (never in a URL): organisation, period, version and generation time of
// an export the route has already authorised, HMAC-signed with the server secret. Every worker process shares the
// secret, so the token verifies whichever worker Chromium's request reaches (scripts/next-server.mjs runs several
// with WEB_CONCURRENCY).

export const PRINT_TOKEN_HEADER = 'x-report-print-token';
/** Long enough for a queued export to be printed; short enough that a leaked token is soon useless (ms). */
const TOKEN_TTL_MS = 120_000;
const PURPOSE = 'report-print';

const ZPrintTicket = z.object({
  orgId: z.string().min(1),
  period: z.string().min(1),
  version: z.number().int().positive().nullable(),
  generatedAt: z.iso.datetime(),
  expiresAt: z.number(),
});
export type TPrintTicket = z.infer<typeof ZPrintTicket>;

export function signPrintToken(ticket: Omit<TPrintTicket, 'expiresAt'>, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...ticket, expiresAt: now + TOKEN_TTL_MS })).toString(
    'base64url',
  );
  return toSignedValue(`${PURPOSE}:${payload}`, getEnv().BETTER_AUTH_SECRET);
}

/** The ticket of a valid, unexpired token; null for anything else (missing, tampered, expired, malformed). */
export function verifyPrintToken(token: string | null | undefined, now = Date.now()): TPrintTicket | null {
  const value = fromSignedValue(token ?? undefined, getEnv().BETTER_AUTH_SECRET);
  if (!value?.startsWith(`${PURPOSE}:`)) {
    return null;
  }
  try {
    const parsed = ZPrintTicket.safeParse(
      JSON.parse(Buffer.from(value.slice(PURPOSE.length + 1), 'base64url').toString('utf8')),
    );
    return parsed.success && parsed.data.expiresAt > now ? parsed.data : null;
  } catch {
    return null;
  }
}
