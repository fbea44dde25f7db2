import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test, vi } from 'vitest';
import { isDefinedAction } from '@/lib/server/http/define-action';
import { repoSourceFiles } from './repo-files';

// Issue #18: one action wrapper. Every function a 'use server' module exports must be made by defineAction
// (lib/server/http/define-action.ts), which authenticates, checks CSRF and the role, parses the input and maps
// errors to the one result contract. The check is the wrapper's runtime brand on the imported export, not a
// pattern in the source, so an export that only looks wrapped still fails. Inline 'use server' functions (a
// directive inside a function body) cannot carry the brand and are refused outright.

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('../support/request-context')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('../support/request-context')).nextCacheMock);

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['app', 'lib', 'components'];

/** Non-test TypeScript sources under the directories that may hold server code (relative to the root). */
function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap(repoSourceFiles);
}

/** Whether a statement list opens with a 'use server' directive (a prologue of string-literal statements). */
function hasUseServerPrologue(statements: ts.NodeArray<ts.Statement>): boolean {
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) {
      return false;
    }
    if (statement.expression.text === 'use server') {
      return true;
    }
  }
  return false;
}

/** Where a file declares server actions: the whole module, and/or inline inside function bodies. */
function useServerDirectives(file: string): { module: boolean; inline: number } {
  const source = ts.createSourceFile(
    file,
    readFileSync(path.join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  let inline = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body && ts.isBlock(node.body)) {
      if (hasUseServerPrologue(node.body.statements)) {
        inline += 1;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { module: hasUseServerPrologue(source.statements), inline };
}

const files = sourceFiles().map((file) => ({ file, ...useServerDirectives(file) }));
const serverModules = files.filter((f) => f.module).map((f) => f.file);

describe("every 'use server' export is made by defineAction", () => {
  test('the scan finds the server action modules (a broken scan must not pass vacuously)', () => {
    // 16 modules at the time of writing: 13 actions.ts plus what-if, webhook and alert actions.
    expect(serverModules.length).toBeGreaterThanOrEqual(16);
    expect(serverModules).toContain('app/(auth)/sign-in/actions.ts');
    expect(serverModules).toContain('app/(dashboard)/settings/organization/webhook-actions.ts');
  });

  test('no inline server actions (a directive inside a function cannot be wrapped)', () => {
    expect(files.filter((f) => f.inline > 0).map((f) => f.file)).toEqual([]);
  });

  test.each(serverModules)('%s', async (file) => {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const exports = Object.entries(mod);
    expect(exports.length).toBeGreaterThan(0);
    const unwrapped = exports.filter(([, value]) => !isDefinedAction(value)).map(([name]) => name);
    expect(unwrapped).toEqual([]);
  });
});
