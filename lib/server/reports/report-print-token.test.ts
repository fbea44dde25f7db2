import { beforeAll, describe, expect, test } from 'vitest';
import { toSignedValue } from '@/lib/security/signed-value';
import { signPrintToken, verifyPrintToken } from './report-print-token';

const SECRET = 'unit-test-secret-0123456789abcdef-0123456789';
const ticket = { orgId: 'org-1', period: '2026-Q3', version: 2, generatedAt: '2026-12-07T00:00:00.000Z' };
const NOW = Date.parse('2026-12-07T00:00:00Z');

beforeAll(() => {
  process.env.DATABASE_URL ??= 'postgresql://u:p@127.0.0.1:5432/db';
  process.env.BETTER_AUTH_SECRET ??= SECRET;
});

describe('print token of the report PDF', () => {
  test('round trip within its two minutes; expired afterwards', () => {
    const token = signPrintToken(ticket, NOW);
    expect(verifyPrintToken(token, NOW + 1000)).toEqual({ ...ticket, expiresAt: NOW + 120_000 });
    expect(verifyPrintToken(token, NOW + 120_000)).toBeNull();
  });

  test('tampered, foreign-secret, other-purpose and malformed tokens are refused', () => {
    const token = signPrintToken(ticket, NOW);
    const [value = '', signature = ''] = [
      token.slice(0, token.lastIndexOf('.')),
      token.slice(token.lastIndexOf('.') + 1),
    ];
    const otherOrg = Buffer.from(
      JSON.stringify({ ...ticket, orgId: 'org-2', expiresAt: NOW + 60_000 }),
    ).toString('base64url');
    expect(verifyPrintToken(`report-print:${otherOrg}.${signature}`, NOW)).toBeNull();
    expect(verifyPrintToken(toSignedValue(value, 'another-secret-0123456789abcdef-0123'), NOW)).toBeNull();
    // A correctly signed value for another purpose (the active-organisation cookie signs bare ids).
    expect(verifyPrintToken(toSignedValue('org-1', process.env.BETTER_AUTH_SECRET ?? ''), NOW)).toBeNull();
    expect(
      verifyPrintToken(toSignedValue('report-print:not-json', process.env.BETTER_AUTH_SECRET ?? ''), NOW),
    ).toBeNull();
    expect(verifyPrintToken(null, NOW)).toBeNull();
    expect(verifyPrintToken('', NOW)).toBeNull();
  });
});
