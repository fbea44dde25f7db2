import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A function or constant exported from lib/ that no file uses (not even its own, not even a test) is dead code:
// it is read, reviewed and kept type-correct for nothing. The check counts the identifier as a word over every
// source file of the repository; a name seen only at its own declaration is dead. (A name that another module
// also declares hides its own death from this count; this errs on the side of keeping code.)

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['app', 'components', 'lib', 'scripts', 'bench', 'tests', 'e2e', 'prisma'];
const ROOT_FILES = [
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'vitest.config.ts',
  'playwright.config.ts',
];
const SOURCE_EXTENSIONS = /\.(ts|tsx|mjs|cjs|mts)$/;
const EXPORTED_VALUE = /^export (?:async )?(?:function\*? |const |let |class )([A-Za-z_$][\w$]*)/gm;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) {
      continue;
    }
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      out.push(...sourceFiles(full));
    } else if (SOURCE_EXTENSIONS.test(name)) {
      out.push(full);
    }
  }
  return out;
}

describe('exports of lib/', () => {
  it('are each used somewhere (own file, another module or a test)', () => {
    const files = [
      ...SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir))),
      ...ROOT_FILES.map((file) => path.join(ROOT, file)),
    ];
    const wordCounts = new Map<string, number>();
    const declared: { name: string; file: string }[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const [word] of source.matchAll(/[A-Za-z_$][\w$]*/g)) {
        wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
      }
      const relative = path.relative(ROOT, file);
      if (relative.startsWith('lib/') && !relative.endsWith('.test.ts')) {
        for (const match of source.matchAll(EXPORTED_VALUE)) {
          declared.push({ name: match[1] ?? '', file: relative });
        }
      }
    }
    const dead = declared
      .filter(({ name }) => (wordCounts.get(name) ?? 0) <= 1)
      .map(({ name, file }) => `${file}: ${name}`);
    expect(dead).toEqual([]);
  });

  it('are each in a module that some file imports', () => {
    const files = [
      ...SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir))),
      ...ROOT_FILES.map((file) => path.join(ROOT, file)),
    ];
    const imported = new Set<string>();
    const specifier = /(?:from\s+|import\s*\(\s*|import\s+|vi\.mock\(\s*)['"]((?:@\/|\.{1,2}\/)[^'"]+)['"]/g;
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(specifier)) {
        const spec = match[1] ?? '';
        const base = spec.startsWith('@/')
          ? path.join(ROOT, spec.slice(2))
          : path.resolve(path.dirname(file), spec);
        const resolved = ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((c) => existsSync(c));
        if (resolved) {
          imported.add(path.relative(ROOT, resolved));
        }
      }
    }
    const unimported = files
      .map((file) => path.relative(ROOT, file))
      .filter((file) => file.startsWith('lib/') && !/\.test\.tsx?$/.test(file) && !imported.has(file));
    expect(unimported).toEqual([]);
  });
});
