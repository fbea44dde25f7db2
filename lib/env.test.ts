import { expect, test } from 'vitest';
import { environmentProblems, formatEnvironmentProblems } from './env';

const SECRET = 'x'.repeat(32);

test('a complete server environment has no problems', () => {
  expect(
    environmentProblems({ DATABASE_URL: 'postgresql://u:p@h:5432/db', BETTER_AUTH_SECRET: SECRET }, 'server'),
  ).toEqual([]);
});

test('each problem names the variable and what is wrong, without echoing the secret', () => {
  const problems = environmentProblems(
    { DATABASE_URL: 'mysql://h/db', BETTER_AUTH_SECRET: 'short-secret', BETTER_AUTH_URL: 'localhost:3000' },
    'server',
  );
  expect(problems).toEqual([
    'DATABASE_URL: must be a postgresql:// URL, e.g. postgresql://user:pass@host:5432/db',
    'BETTER_AUTH_SECRET: must be at least 32 characters (generate one: openssl rand -base64 32)',
    'BETTER_AUTH_URL: must be an http(s):// URL, e.g. http://localhost:3000',
  ]);
  expect(problems.join('\n')).not.toContain('short-secret');
  expect(formatEnvironmentProblems(problems)).toMatch(/^Invalid environment:\n {2}- DATABASE_URL: /);
});

test('missing server variables say "is not set"; empty strings count as unset', () => {
  expect(environmentProblems({ DATABASE_URL: '', BETTER_AUTH_SECRET: SECRET }, 'server')).toEqual([
    'DATABASE_URL: is not set',
  ]);
});

test('the launchers accept an empty environment but reject malformed values', () => {
  expect(environmentProblems({}, 'launcher')).toEqual([]);
  expect(environmentProblems({ PORT: 'abc', EMBEDDED_PG_PORT: '70000' }, 'launcher')).toEqual([
    'PORT: must be a whole number between 1 and 65535',
    'EMBEDDED_PG_PORT: must be a whole number between 1 and 65535',
  ]);
});

test('TRUSTED_PROXY_HOPS: unset or 0..10; anything else is refused at start-up with what to set', () => {
  const base = { DATABASE_URL: 'postgresql://u:p@h:5432/db', BETTER_AUTH_SECRET: SECRET };
  expect(environmentProblems({ ...base, TRUSTED_PROXY_HOPS: '1' }, 'server')).toEqual([]);
  expect(environmentProblems({ TRUSTED_PROXY_HOPS: '0' }, 'launcher')).toEqual([]);
  const message =
    'TRUSTED_PROXY_HOPS: must be a whole number of proxies from 0 to 10 (0 or unset: no proxy, X-Forwarded-For is ignored)';
  for (const bad of ['yes', '-1', '11', '1.5']) {
    expect(environmentProblems({ ...base, TRUSTED_PROXY_HOPS: bad }, 'server')).toEqual([message]);
    expect(environmentProblems({ TRUSTED_PROXY_HOPS: bad }, 'launcher')).toEqual([message]);
  }
});

test('ALERT_WEBHOOK_ALLOWED_HOSTS: host names or IP addresses, comma-separated; a URL or port is refused', () => {
  const base = { DATABASE_URL: 'postgresql://u:p@h:5432/db', BETTER_AUTH_SECRET: SECRET };
  expect(
    environmentProblems({ ...base, ALERT_WEBHOOK_ALLOWED_HOSTS: 'hooks.internal, 10.0.0.5,[::1]' }, 'server'),
  ).toEqual([]);
  const message =
    'ALERT_WEBHOOK_ALLOWED_HOSTS: must be comma-separated host names or IP addresses, e.g. hooks.internal,10.0.0.5 (no scheme, no port)';
  for (const bad of ['http://hooks.internal', 'hooks.internal:8080', 'under_score.test']) {
    expect(environmentProblems({ ALERT_WEBHOOK_ALLOWED_HOSTS: bad }, 'launcher')).toEqual([message]);
  }
});
