import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { PERMISSIONS } from './roles';

// docs/SECURITY.md publishes the role matrix; this keeps it equal to the one the server enforces.
test('the role matrix in docs/SECURITY.md is exactly PERMISSIONS', () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/SECURITY.md'), 'utf8');
  const header = doc.split('\n').find((l) => l.startsWith('| Permission'));
  const roles = (header ?? '')
    .split('|')
    .slice(2, -1)
    .map((c) => c.trim());
  expect(roles).toEqual(['owner', 'admin', 'editor', 'auditor', 'viewer']);
  const documented: Record<string, string[]> = {};
  for (const line of doc.split('\n')) {
    const match = /^\| `(\w+)`\s*\|(.*)\|$/.exec(line);
    if (match?.[1] && match[2]) {
      const cells = match[2].split('|').map((c) => c.trim());
      documented[match[1]] = roles.filter((_, i) => cells[i] === '✓');
    }
  }
  const enforced = Object.fromEntries(
    Object.entries(PERMISSIONS).map(([name, allowed]) => [
      name,
      roles.filter((r) => (allowed as readonly string[]).includes(r)),
    ]),
  );
  expect(documented).toEqual(enforced);
});
