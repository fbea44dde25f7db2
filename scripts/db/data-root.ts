import path from 'node:path';

/**
 * Folder for local database clusters (git-ignored). AIF_DATA_DIR moves it, e.g. when the checkout is not
 * traversable by the `postgres` system user that runs the embedded server under root.
 */
export function dataPath(name: string): string {
  return path.join(process.env.AIF_DATA_DIR ?? '.data', name);
}
