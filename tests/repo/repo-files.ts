import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The repository root (tests/repo/ is two levels down). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Non-test TypeScript sources under `dir` (relative to the root), as root-relative POSIX paths: `.ts`, `.tsx`,
 * `.mts`; generated code (lib/generated), node_modules and dot-folders left out. The repository checks read the
 * files they police through this one listing, so a new folder is never seen by one check and missed by another.
 */
export function repoSourceFiles(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(path.sep).join('/'))
    .filter(
      (name) =>
        /\.(ts|tsx|mts)$/.test(name) &&
        !/\.test\.tsx?$/.test(name) &&
        !/(^|\/)(generated|node_modules|\.[^/]+)\//.test(name),
    )
    .map((name) => `${dir}/${name}`);
}
