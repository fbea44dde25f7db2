import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoSourceFiles } from './repo-files';

// docs/decisions/targets.md "Alerts after commit" (issue #18): budget alerts are evaluated by one post-commit
// mechanism (lib/server/targets/pending-budget-alerts.ts), never by each writer. A writer calling evaluateBudgetAlerts again
// is how the fifteen call sites (and the writers that forgot one) came about; this check keeps them from coming back.

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEFINITION = 'lib/server/targets/budget-alerts.ts';
const MECHANISM = 'lib/server/targets/pending-budget-alerts.ts';
const CALL = /\bevaluateBudgetAlerts\s*\(/;

const sourceFiles = repoSourceFiles;

describe('budget alert evaluation', () => {
  it('is called only by the one post-commit mechanism (no writer calls evaluateBudgetAlerts)', () => {
    const offenders = ['app', 'lib', 'scripts', 'bench']
      .flatMap(sourceFiles)
      .filter(
        (file) =>
          file !== DEFINITION && file !== MECHANISM && CALL.test(readFileSync(path.join(ROOT, file), 'utf8')),
      );
    expect(offenders).toEqual([]);
    expect(readFileSync(path.join(ROOT, MECHANISM), 'utf8')).toMatch(CALL);
  });
});
