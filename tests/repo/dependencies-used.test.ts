import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every package.json dependency is imported by the project's code, or is a tool that a config file, an npm
// script or another package uses without an import. An unused dependency is install time, audit surface and a
// false claim about what the app runs on.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['app', 'components', 'lib', 'scripts', 'bench', 'tests', 'e2e', 'prisma'];
const ROOT_FILES = [
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'vitest.config.ts',
  'playwright.config.ts',
  'prisma.config.ts',
  'postcss.config.mjs',
];
const SOURCE_EXTENSIONS = /\.(ts|tsx|mjs|cjs|js|mts|cts)$/;

/** Used without an import: by a CLI in package.json scripts, a config file, or as types of an imported package. */
const USED_WITHOUT_IMPORT: Record<string, string> = {
  '@biomejs/biome': 'npm run lint (biome CLI)',
  '@prisma/client': 'runtime of the generated client in lib/generated/prisma',
  '@redocly/cli':
    'lib/server/http/openapi/openapi-lint.test.ts runs its redocly lint on the OpenAPI document',
  '@prisma/prisma-schema-wasm': 'scripts/prisma-schema-engine-stub, used by npm run db:generate',
  '@tailwindcss/postcss': 'postcss.config.mjs plugin',
  '@vitest/coverage-v8': 'npm run test:unit --coverage (vitest.config.ts provider v8)',
  postcss: 'postcss.config.mjs (run by Next for app/globals.css)',
  prisma: 'prisma CLI (db:generate, db:deploy)',
  tailwindcss: 'app/globals.css @import',
  tsx: 'runs scripts/, bench/ and prisma/seed.ts in npm scripts',
  typescript: 'npm run typecheck (tsc)',
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) {
      continue;
    }
    if (statSync(full).isDirectory()) {
      out.push(...sourceFiles(full));
    } else if (SOURCE_EXTENSIONS.test(name)) {
      out.push(full);
    }
  }
  return out;
}

function importedPackages(): Set<string> {
  const files = [
    ...SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir))),
    ...ROOT_FILES.map((file) => path.join(ROOT, file)),
  ];
  const specifier = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"./][^'"]*)['"]/g;
  const found = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(specifier)) {
      const spec = match[1] ?? '';
      const parts = spec.replace(/^node:/, '').split('/');
      found.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''));
    }
  }
  return found;
}

function isUsed(name: string, imported: Set<string>): boolean {
  if (imported.has(name) || name in USED_WITHOUT_IMPORT) {
    return true;
  }
  // @types/x is used when x (or @scope/x for @types/scope__x) is imported.
  if (name.startsWith('@types/')) {
    const typed = name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2');
    return imported.has(typed) || typed === 'node' || typed === 'react-dom';
  }
  return false;
}

describe('package.json dependencies', () => {
  it('lists no package that nothing imports or runs', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const imported = importedPackages();
    const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    expect(names.filter((name) => !isUsed(name, imported))).toEqual([]);
  });
});
