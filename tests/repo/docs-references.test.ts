import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Docs and code comments cite repository paths (`lib/server/usage/uploads/uploads.ts`, `docs/CSV_FORMAT.md`, `prisma/migrations/`)
// and functions in them (`ingestUpload` (`lib/server/usage/uploads/uploads.ts`)). A rename or a deleted file leaves such a citation
// pointing at nothing; this test fails on every one, so the docs stay true as the code moves.

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOP_DIRS = [
  'app',
  'components',
  'lib',
  'scripts',
  'bench',
  'tests',
  'e2e',
  'prisma',
  'docs',
  'reference',
];
const CODE_DIRS = ['app', 'components', 'lib', 'scripts', 'bench', 'tests', 'e2e', 'prisma'];
const CODE_EXTENSIONS = /\.(ts|tsx|mjs|cjs)$/;
/** Extensions a citation may leave out (`lib/server/usage/uploads/uploads` for lib/server/usage/uploads/uploads.ts). */
const IMPLIED_EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.cjs', '.md', '/index.ts'];

/** camelCase names that docs cite from outside the code: another library's API. */
const EXTERNAL_NAMES: Record<string, string> = {
  dangerouslySetInnerHTML: 'React prop that no page uses',
  rateLimit: "Better Auth's built-in rate-limiter option",
};

interface TCitedText {
  file: string;
  text: string;
}

function walk(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'generated' || name.startsWith('.')) {
      continue;
    }
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      out.push(...walk(full, keep));
    } else if (keep(name)) {
      out.push(full);
    }
  }
  return out;
}

/**
 * The comments of a source file (// lines, block and JSDoc comments), skipping string and template literals so
 * that a URL in a string ('https://…') is not read as a comment.
 */
function commentsOf(source: string): string {
  const comments: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      comments.push(source.slice(i + 2, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end;
      comments.push(source.slice(i + 2, stop));
      i = stop + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      i += 1;
      while (i < source.length && source[i] !== c && !(c !== '`' && source[i] === '\n')) {
        i += source[i] === '\\' ? 2 : 1;
      }
      i += 1;
    } else {
      i += 1;
    }
  }
  return comments.join('\n');
}

function citedTexts(): TCitedText[] {
  const docs = [
    path.join(ROOT, 'README.md'),
    ...readdirSync(path.join(ROOT, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(ROOT, 'docs', name)),
    ...readdirSync(path.join(ROOT, 'docs/decisions'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(ROOT, 'docs/decisions', name)),
  ];
  const code = CODE_DIRS.flatMap((dir) => walk(path.join(ROOT, dir), (name) => CODE_EXTENSIONS.test(name)));
  return [
    ...docs.map((file) => ({ file, text: readFileSync(file, 'utf8') })),
    ...code.map((file) => ({ file, text: commentsOf(readFileSync(file, 'utf8')) })),
  ].map(({ file, text }) => ({ file: path.relative(ROOT, file), text }));
}

/**
 * Repository paths in a text: a top-level folder of this repository followed by a path. A path that continues
 * another one (`../shared/lib/x`, `node_modules/next/app/…`, a URL) is not ours and is skipped, as is a pattern
 * (`*`, `<timestamp>`, `…`).
 */
function repositoryPaths(text: string): string[] {
  const pattern = new RegExp(
    `(?<![\\w./@~-])(?:${TOP_DIRS.join('|')})/(?:[\\w./()@-]|\\[[\\w.]+\\])*|(?<![\\w./@~-])(?:README\\.md|package\\.json)\\b`,
    'g',
  );
  const paths: string[] = [];
  for (const match of text.matchAll(pattern)) {
    const end = (match.index ?? 0) + match[0].length;
    const following = text[end] ?? '';
    if (['*', '<', '{', '…', '$'].includes(following)) {
      continue;
    }
    let cited = match[0].replace(/[.,:;)]+$/, '');
    // An unbalanced closing bracket belongs to the sentence: "(see lib/server/db/prisma.ts)".
    while (cited.endsWith(')') && (cited.match(/\(/g)?.length ?? 0) < (cited.match(/\)/g)?.length ?? 0)) {
      cited = cited.slice(0, -1).replace(/[.,:;]+$/, '');
    }
    if (cited.includes('..') || cited.endsWith('/.')) {
      continue;
    }
    paths.push(cited);
  }
  return paths;
}

/** Relative Markdown link targets (`[x](decisions/api.md#section)`), resolved from the linking document. */
function markdownLinks(doc: string, text: string): string[] {
  return [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => path.posix.join(path.posix.dirname(doc), target));
}

function pathExists(cited: string): boolean {
  return IMPLIED_EXTENSIONS.some((extension) => existsSync(path.join(ROOT, cited + extension)));
}

/**
 * Documents cited by file name that the repository does not hold (a bare Markdown file name with no such file here), and
 * absolute paths to shared material on one machine. A source outside the repository is named in words, or marked
 * as outside with a relative path that leaves the repository (`../shared/docs/x.md`).
 */
function outsideDocuments(text: string, markdownNames: Set<string>): string[] {
  const absolute = [...text.matchAll(/(?<![\w.~-])\/(?:work|home|root|Users)\/[\w./-]+/g)]
    .map((m) => m[0])
    .filter((cited) => cited.includes('/shared/') || cited.endsWith('.md'));
  const named = [...text.matchAll(/(?<![\w./-])((?:[\w-]+\/)*[\w-]+\.md)\b/g)]
    .map((m) => m[1] ?? '')
    .filter((cited) => !markdownNames.has(path.basename(cited)));
  return [...absolute, ...named];
}

/** Backticked `name` + `file` pairs: "`name` in `file`", "`file` `name`", "`name` (`file`)". */
function citedIdentifiers(text: string): { name: string; file: string }[] {
  const file = `((?:${TOP_DIRS.join('|')})/[^\`\\s]+\\.(?:ts|tsx|mjs|cjs))`;
  const name = '([A-Za-z_$][\\w$]*)(?:\\(\\))?';
  const forms: { pattern: RegExp; nameGroup: number; fileGroup: number }[] = [
    { pattern: new RegExp(`\`${name}\` (?:in|from) \`${file}\``, 'g'), nameGroup: 1, fileGroup: 2 },
    { pattern: new RegExp(`\`${file}\` \`${name}\``, 'g'), nameGroup: 2, fileGroup: 1 },
    { pattern: new RegExp(`\`${name}\` \\(\`${file}\`\\)`, 'g'), nameGroup: 1, fileGroup: 2 },
  ];
  return forms.flatMap(({ pattern, nameGroup, fileGroup }) =>
    [...text.matchAll(pattern)].map((match) => ({
      name: match[nameGroup] ?? '',
      file: match[fileGroup] ?? '',
    })),
  );
}

describe('repository references in docs and code comments', () => {
  const texts = citedTexts();
  const codeWords = new Set(
    [
      ...CODE_DIRS.flatMap((dir) =>
        walk(path.join(ROOT, dir), (name) => /\.(ts|tsx|mjs|cjs|prisma|sql)$/.test(name)),
      ),
      ...[
        'proxy.ts',
        'instrumentation.ts',
        'next.config.ts',
        'vitest.config.ts',
        'package.json',
        'biome.json',
      ].map((file) => path.join(ROOT, file)),
    ].flatMap((file) => readFileSync(file, 'utf8').match(/[A-Za-z_$][\w$]*/g) ?? []),
  );

  it('cite only paths that exist in the repository', () => {
    const broken = texts.flatMap(({ file, text }) =>
      repositoryPaths(text)
        .filter((cited) => !pathExists(cited))
        .map((cited) => `${file}: ${cited}`),
    );
    expect(broken).toEqual([]);
  });

  it('name documents outside the repository in words, not as file paths', () => {
    const markdownFiles = walk(ROOT, (name) => name.endsWith('.md')).map((file) => path.relative(ROOT, file));
    const markdownNames = new Set(markdownFiles.map((file) => path.basename(file)));
    const broken = texts.flatMap(({ file, text }) =>
      outsideDocuments(text, markdownNames).map((cited) => `${file}: ${cited}`),
    );
    expect(broken).toEqual([]);
  });

  it('cite in backticks only functions and values that the code has', () => {
    const docs = texts.filter(({ file }) => file.endsWith('.md'));
    const broken = docs.flatMap(({ file, text }) =>
      [...text.matchAll(/`([a-z][a-z0-9]*[A-Z][A-Za-z0-9]*|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)(?:\(\))?`/g)]
        .map((match) => match[1] ?? '')
        .filter((name) => !codeWords.has(name) && !(name in EXTERNAL_NAMES))
        .map((name) => `${file}: ${name}`),
    );
    expect(broken).toEqual([]);
  });

  it('link, in Markdown, only to files that exist', () => {
    const broken = texts
      .filter(({ file }) => file.endsWith('.md'))
      .flatMap(({ file, text }) =>
        markdownLinks(file, text)
          .filter((target) => !existsSync(path.join(ROOT, target)))
          .map((target) => `${file}: ${target}`),
      );
    expect(broken).toEqual([]);
  });

  it('cite only identifiers that the named file contains', () => {
    const broken = texts.flatMap(({ file, text }) =>
      citedIdentifiers(text)
        .filter((cited) => {
          const target = path.join(ROOT, cited.file);
          return (
            !existsSync(target) ||
            !new RegExp(`\\b${cited.name.replace('$', '\\$')}\\b`).test(readFileSync(target, 'utf8'))
          );
        })
        .map((cited) => `${file}: \`${cited.name}\` in ${cited.file}`),
    );
    expect(broken).toEqual([]);
  });

  it('finds paths, identifiers and comments the way the checks above rely on', () => {
    expect(
      repositoryPaths(
        'see lib/server/usage/uploads/uploads.ts, (docs/CSV_FORMAT.md) and ../shared/lib/x.ts or https://x.org/lib/y',
      ),
    ).toEqual(['lib/server/usage/uploads/uploads.ts', 'docs/CSV_FORMAT.md']);
    expect(
      repositoryPaths('prisma/migrations/<timestamp>_x and lib/*.ts and app/(dashboard)/page.tsx.'),
    ).toEqual(['app/(dashboard)/page.tsx']);
    expect(repositoryPaths('[docs/API.md](docs/API.md) app/api/v1/records/[id]/route.ts')).toEqual([
      'docs/API.md',
      'docs/API.md',
      'app/api/v1/records/[id]/route.ts',
    ]);
    expect(
      markdownLinks('docs/API.md', '[a](decisions/api.md#x) [b](https://x.org/y) [c](../README.md)'),
    ).toEqual(['docs/decisions/api.md', 'README.md']);
    expect(citedIdentifiers('`f` in `lib/a.ts`, `lib/b.ts` `g`, `h()` (`lib/c.tsx`)')).toEqual([
      { name: 'f', file: 'lib/a.ts' },
      { name: 'g', file: 'lib/b.ts' },
      { name: 'h', file: 'lib/c.tsx' },
    ]);
    expect(
      outsideDocuments(
        'see /work/shared/docs/a.md, input-formats.md §2, ../shared/docs/b.md, /work/data, README.md and docs/nope.md',
        new Set(['README.md']),
      ),
    ).toEqual(['/work/shared/docs/a.md', 'input-formats.md', 'docs/nope.md']);
    expect(commentsOf("const u = 'https://a/lib/x.ts'; // lib/y.ts\n/** lib/z.ts */")).toBe(
      ' lib/y.ts\n* lib/z.ts ',
    );
  });
});
