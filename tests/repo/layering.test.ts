import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repoSourceFiles } from './repo-files';

// The layering of README "Architecture" as code: imports go one way (app → lib/server → pure lib); the pure folders
// do no I/O and read no clock; only lib/server (and the scripts, benchmarks, seed and tests that run it) reaches the
// database. A file that breaks a rule is named with the import or call that breaks it.

const ROOT = REPO_ROOT;

/** Folders whose code is pure: inputs, factors and `now` are arguments (architecture rules 1–2). */
const PURE_DIRS = [
  'lib/audit',
  'lib/auth',
  'lib/cli',
  'lib/codecarbon',
  'lib/dashboard',
  'lib/demo',
  'lib/emissions',
  'lib/export',
  'lib/factors',
  'lib/format',
  'lib/hardware',
  'lib/ingest',
  'lib/insights',
  'lib/large-seed',
  'lib/reports',
  'lib/restatements',
  'lib/schemas',
  'lib/security',
  'lib/targets',
  'lib/utils',
];

/** Modules a pure file may not import at run time (type-only imports are erased and allowed). */
const IMPURE_MODULES = [
  /^@\/lib\/server(\/|$)/,
  /^@\/lib\/env$/,
  /^@\/lib\/generated\/prisma\/client$/,
  /^next(\/|$)/,
  /^server-only$/,
  /^pg$/,
  /^@prisma\//,
  /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|dns)$/,
];

/** The database plumbing: only server code (and the scripts, benchmarks, seed and tests that drive it) imports it. */
const DATABASE_MODULES = [
  /^@\/lib\/server\/db\/(prisma|pg-pool|sql-runner|pg-copy|continuous-copy-runner)$/,
  /^@\/lib\/generated\/prisma\/client$/,
  /^pg$/,
];

interface TImport {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** Import and re-export statements of a source file; `import type` and all-`type` specifier lists are type-only. */
function importsOf(file: string, source: string): TImport[] {
  const imports: TImport[] = [];
  const statement = /^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(statement)) {
    const [, typeKeyword, clause = '', specifier = ''] = match;
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    const allTyped =
      names
        ?.split(',')
        .map((name) => name.trim())
        .filter(Boolean)
        .every((name) => name.startsWith('type ')) === true;
    imports.push({ file, specifier, typeOnly: Boolean(typeKeyword) || allTyped });
  }
  for (const match of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
    imports.push({ file, specifier: match[1] ?? '', typeOnly: false });
  }
  return imports;
}

/** `@/…` form of a relative specifier, so rules are written once. */
function normalised(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) {
    return specifier;
  }
  return `@/${rel(path.resolve(path.dirname(file), specifier))}`;
}

function sourceFiles(dirs: string[]): { file: string; source: string }[] {
  return dirs
    .flatMap(repoSourceFiles)
    .map((name) => path.join(ROOT, name))
    .map((file) => ({ file, source: readFileSync(file, 'utf8') }));
}

function violations(files: { file: string; source: string }[], forbidden: RegExp[]): string[] {
  return files.flatMap(({ file, source }) =>
    importsOf(file, source)
      .filter((imp) => !imp.typeOnly)
      .map((imp) => normalised(file, imp.specifier))
      .filter((specifier) => forbidden.some((rule) => rule.test(specifier)))
      .map((specifier) => `${rel(file)} imports ${specifier}`),
  );
}

describe('imports go one way (README "Architecture")', () => {
  it('the pure folders import no server code, framework, database, environment or I/O module', () => {
    expect(violations(sourceFiles(PURE_DIRS), IMPURE_MODULES)).toEqual([]);
  });

  it('the pure folders read no clock and no environment: `now` and settings are arguments', () => {
    const found = sourceFiles(PURE_DIRS).flatMap(({ file, source }) =>
      [/Date\.now\(\)/, /new Date\(\)/, /process\.env/]
        .filter((pattern) => pattern.test(source.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
        .map((pattern) => `${rel(file)} uses ${pattern.source.replace(/\\/g, '')}`),
    );
    expect(found).toEqual([]);
  });

  it('components and lib outside lib/server import no server code at run time', () => {
    const lib = readdirSync(path.join(ROOT, 'lib'))
      .filter((name) => name !== 'server' && name !== 'generated')
      .map((name) => `lib/${name}`)
      .filter((dir) => statSync(path.join(ROOT, dir)).isDirectory());
    const topLevel = readdirSync(path.join(ROOT, 'lib'))
      .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
      .map((name) => {
        const file = path.join(ROOT, 'lib', name);
        return { file, source: readFileSync(file, 'utf8') };
      });
    const files = [...sourceFiles(['components', ...lib]), ...topLevel];
    expect(violations(files, [/^@\/lib\/server(\/|$)/])).toEqual([]);
  });

  it('routes and components never reach the database plumbing: they call a lib/server function', () => {
    expect(violations(sourceFiles(['app', 'components']), DATABASE_MODULES)).toEqual([]);
  });

  it('recognises type-only imports, re-exports and relative paths (the parser these rules rely on)', () => {
    const file = path.join(ROOT, 'lib/emissions/x.ts');
    const source = [
      "import type { A } from '@/lib/server/a';",
      "import { type B, type C } from '../server/b';",
      "import { D, type E } from '../server/d';",
      "export { F } from 'next/server';",
      "import 'server-only';",
    ].join('\n');
    expect(importsOf(file, source).map((imp) => [normalised(file, imp.specifier), imp.typeOnly])).toEqual([
      ['@/lib/server/a', true],
      ['@/lib/server/b', true],
      ['@/lib/server/d', false],
      ['next/server', false],
      ['server-only', false],
    ]);
  });
});
