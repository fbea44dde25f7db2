import { afterEach, expect, test } from 'vitest';
import { toActionState } from './action-result';
import { createLogger, REDACTED, redirectLogs, safePath } from './logger';

// Issue #18: structured logs never carry credentials (Authorization, cookies, passwords, tokens).

/** A destination that keeps every line pino writes (one JSON object per write). */
function capture() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => lines.push(line) } };
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

test('[logs] authorization, cookie, set-cookie, password and token values are redacted at any depth used', () => {
  const { lines, stream } = capture();
  createLogger(stream).warn(
    {
      authorization: 'Bearer aif_top_secret',
      password: 'hunter2-password',
      headers: {
        authorization: 'Bearer aif_nested_secret',
        cookie: 'better-auth.session_token=cookie-secret',
        'set-cookie': 'better-auth.session_token=set-cookie-secret',
        'x-api-key': 'aif_api_key_secret',
        accept: 'application/json',
      },
      req: { headers: { authorization: 'Basic deep-secret', cookie: 'deep-cookie-secret' } },
      body: { token: 'aif_body_token', newPassword: 'new-pass-secret', email: 'someone@example.test' },
    },
    'call with credentials',
  );
  expect(lines).toHaveLength(1);
  const line = lines[0] as string;
  for (const secret of [
    'aif_top_secret',
    'hunter2-password',
    'aif_nested_secret',
    'cookie-secret',
    'set-cookie-secret',
    'aif_api_key_secret',
    'deep-secret',
    'deep-cookie-secret',
    'aif_body_token',
    'new-pass-secret',
  ]) {
    expect(line).not.toContain(secret);
  }
  const entry = JSON.parse(line);
  expect(entry.authorization).toBe(REDACTED);
  expect(entry.password).toBe(REDACTED);
  expect(entry.headers).toEqual({
    authorization: REDACTED,
    cookie: REDACTED,
    'set-cookie': REDACTED,
    'x-api-key': REDACTED,
    accept: 'application/json',
  });
  expect(entry.req.headers).toEqual({ authorization: REDACTED, cookie: REDACTED });
  expect(entry.body).toEqual({ token: REDACTED, newPassword: REDACTED, email: 'someone@example.test' });
  // The line's own fields: level as a label, ISO time, the message.
  expect(entry.level).toBe('warn');
  expect(entry.msg).toBe('call with credentials');
  expect(new Date(entry.time).toISOString()).toBe(entry.time);
});

test('[logs] paths lose invitation tokens and secret query values, keep the rest', () => {
  expect(safePath('/invite/Zm9vYmFyYmF6?from=mail')).toBe(`/invite/${REDACTED}?from=mail`);
  expect(safePath('/reset-password?token=abc123&callbackURL=%2F')).toBe(
    `/reset-password?token=${encodeURIComponent(REDACTED)}&callbackURL=%2F`,
  );
  expect(safePath('/api/v1/summary?from=2026-01-01&to=2026-03-31')).toBe(
    '/api/v1/summary?from=2026-01-01&to=2026-03-31',
  );
  expect(safePath('/records/rec_1')).toBe('/records/rec_1');
  expect(safePath('http://[')).toBe('[unparseable path]');
});

test('[logs] an unknown server-action error is logged once with a request id and the error', () => {
  const { lines, stream } = capture();
  restore = redirectLogs(stream);
  const state = toActionState(new TypeError('plan exploded'));
  expect(state.ok).toBe(false);
  expect(lines).toHaveLength(1);
  const entry = JSON.parse(lines[0] as string);
  expect(entry.level).toBe('error');
  expect(entry.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(entry.err.name).toBe('TypeError');
  expect(entry.err.message).toBe('plan exploded');
  expect(entry.err.stack).toContain('plan exploded');
});
