import { createHash } from 'node:crypto';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from './support/sign-in';

// Uploads larger than 10 MiB against the production build (`next start`): Next's proxy once buffered only the
// first 10 MiB of a request body it matched, so these files were silently cut (docs/RELIABILITY.md, "Upload size").
const HEADER = 'record_id,phase,started_at,ended_at,team,project,model,provider,region,energy_kwh';
const ROWS = 130_000;
const TEN_MIB = 10 * 1024 * 1024;

/** A generic-template file of ROWS distinct one-hour records of `model` (unique record ids). */
function bigCsv(model: string): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i += 1) {
    lines.push(
      `${model}-${String(i).padStart(6, '0')},inference,2026-11-15T10:00:00Z,2026-11-15T11:00:00Z,bulk-team,bulk-project,${model},on_prem,FR,0.5`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Records of `model` stored in November 2026, from the summary API (counted in SQL, not by the upload). */
async function storedRecords(request: APIRequestContext, model: string): Promise<number> {
  const response = await request.get(
    `/api/v1/summary?from=2026-11-01&to=2026-11-30&groupBy=model&model=${encodeURIComponent(model)}`,
  );
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { groups: { key: string; records: number }[] };
  return body.groups.find((g) => g.key === model)?.records ?? 0;
}

test.describe.configure({ timeout: 600_000 });

// API only (no browser): the request context signs in through Better Auth's endpoint and keeps the cookie.
test('[uploads] a file over 10 MiB is stored whole, as text/csv and as multipart; the hash is of the whole file', async ({
  request,
  baseURL,
}) => {
  // A browser sends Origin on every POST; the API refuses cookie-authenticated writes without it (CSRF).
  const origin = baseURL ?? '';
  const signIn = await request.post('/api/auth/sign-in/email', {
    headers: { origin },
    data: { email: DEMO_USERS.editor, password: DEMO_PASSWORD },
  });
  expect(signIn.status()).toBe(200);

  const raw = bigCsv('bulk-raw');
  expect(raw.length).toBeGreaterThan(TEN_MIB);
  const rawResponse = await request.post('/api/v1/uploads?fileName=bulk-raw.csv', {
    headers: { 'content-type': 'text/csv', origin },
    data: raw,
    timeout: 540_000,
  });
  const rawBody = await rawResponse.json();
  expect(rawResponse.status(), JSON.stringify(rawBody).slice(0, 500)).toBe(201);
  expect(rawBody).toMatchObject({
    status: 'completed',
    rowsTotal: ROWS,
    rowsAccepted: ROWS,
    sizeBytes: raw.length,
    sha256: sha256(raw),
  });
  expect(await storedRecords(request, 'bulk-raw')).toBe(ROWS);
  // The proxy no longer sees /api: the API's Content-Security-Policy now comes from next.config.ts (no nonce).
  const csp = rawResponse.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('nonce-');

  // The same bytes again are recognised by the hash of the whole file.
  const again = await request.post('/api/v1/uploads?fileName=bulk-raw-again.csv', {
    headers: { 'content-type': 'text/csv', origin },
    data: raw,
    timeout: 540_000,
  });
  expect(again.status()).toBe(200);
  expect((await again.json()).id).toBe(rawBody.id);

  const multipart = bigCsv('bulk-multipart');
  expect(multipart.length).toBeGreaterThan(TEN_MIB);
  const formResponse = await request.post('/api/v1/uploads', {
    headers: { origin },
    multipart: { file: { name: 'bulk-multipart.csv', mimeType: 'text/csv', buffer: multipart } },
    timeout: 540_000,
  });
  const formBody = await formResponse.json();
  expect(formResponse.status(), JSON.stringify(formBody).slice(0, 500)).toBe(201);
  expect(formBody).toMatchObject({
    status: 'completed',
    fileName: 'bulk-multipart.csv',
    rowsAccepted: ROWS,
    sizeBytes: multipart.length,
    sha256: sha256(multipart),
  });
  expect(await storedRecords(request, 'bulk-multipart')).toBe(ROWS);
});
