import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoSourceFiles } from './repo-files';

// docs/SECURITY.md "Audit log": every audit event goes through recordAuditEvent (lib/server/audit/audit-events.ts), the one
// place that writes actor_user_id AND actor_token_id. A second writer (a Prisma `auditEvent.create`, a raw
// INSERT) is how token ids were lost before issue #18; this check keeps it from coming back.

const ROOT = path.resolve(import.meta.dirname, '../..');
const WRITER = 'lib/server/audit/audit-events.ts';
const OTHER_WRITERS =
  /auditEvent\s*\.\s*(create|createMany|upsert|update|updateMany)\s*\(|INSERT\s+INTO\s+"?audit_event"?/i;

const sourceFiles = repoSourceFiles;

describe('audit log writes', () => {
  it('go through recordAuditEvent only (no other create/INSERT of audit_event in app code)', () => {
    const offenders = ['app', 'lib', 'scripts', 'bench']
      .flatMap(sourceFiles)
      .filter((file) => file !== WRITER && OTHER_WRITERS.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
    expect(readFileSync(path.join(ROOT, WRITER), 'utf8')).toMatch(/INSERT INTO audit_event/);
  });
});
