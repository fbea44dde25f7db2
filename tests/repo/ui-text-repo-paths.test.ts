import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repoSourceFiles } from './repo-files';

// Issue #23: people using the app never see repository paths ("see docs/CSV_FORMAT.md", "reference/grid/SOURCES.md")
// in pages, error messages shown on pages, report text or the rendered API docs: docs are linked as pages in the
// app or not at all. Comments may cite repository paths (tests/repo/docs-references.test.ts keeps those valid);
// string literals and JSX text may not.

/** Where text shown to users is written: pages and components, and the pure folders whose strings reach them. */
const UI_TEXT_DIRS = [
  'app',
  'components',
  'lib/ingest',
  'lib/reports',
  'lib/insights',
  'lib/dashboard',
  'lib/format',
  'lib/targets',
  'lib/server/http/routes',
];

const REPO_PATH = /\b(docs|reference|prisma|scripts)\/[\w./-]*|\b[\w-]+\.md\b/;

/** The code without comments: block comments, whole-line comments and trailing " // …" comments. */
function withoutComments(source: string): string {
  return source
    .replaceAll(/\/\*[\s\S]*?\*\//g, (block) => block.replaceAll(/[^\n]/g, ' '))
    .replaceAll(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, '')
    .split('\n')
    .map((line) => (/^\s*\/\//.test(line) ? '' : line.replace(/\s\/\/\s.*$/, '')))
    .join('\n');
}

/** "file:line: text" for every non-comment line that names a repository path or a Markdown file. */
function repoPathMentions(file: string, source: string): string[] {
  return (
    withoutComments(source)
      .split('\n')
      .flatMap((line, i) => (REPO_PATH.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []))
      // Imports and file reads name modules and files, not text for people.
      .filter(
        (hit) => !/:\s(import|export)\s.*from\s'/.test(hit) && !/readFileSync|path\.(join|resolve)/.test(hit),
      )
  );
}

describe('no repository paths in text shown to users', () => {
  it('finds a path in a string and ignores one in a comment (the check itself)', () => {
    const source = [
      '// see docs/CSV_FORMAT.md',
      '/** Reads reference/grid/SOURCES.md */',
      "const a = 'fix the column (see docs/CSV_FORMAT.md)';",
      'const b = <p>Shipped in reference/ as README.md</p>;',
      "const url = 'https://example.org/x'; // from docs/API.md",
    ].join('\n');
    expect(repoPathMentions('x.tsx', source)).toEqual([
      "x.tsx:3: const a = 'fix the column (see docs/CSV_FORMAT.md)';",
      'x.tsx:4: const b = <p>Shipped in reference/ as README.md</p>;',
    ]);
  });

  it('app/, components/ and the folders whose strings reach pages name no docs/ or .md file', () => {
    const hits = UI_TEXT_DIRS.flatMap(repoSourceFiles).flatMap((file) =>
      repoPathMentions(file, readFileSync(path.join(REPO_ROOT, file), 'utf8')),
    );
    expect(hits).toEqual([]);
  });
});
