import 'server-only';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface TReferenceSourceDoc {
  /** Folder under reference/ ('' for the top-level README). */
  folder: string;
  fileName: string;
  markdown: string;
}

/**
 * The attribution files shipped with the bundled data: reference/README.md and every reference/<folder>/SOURCES.md,
 * read from disk so the in-app page always shows exactly what is committed. Not organisation data: no ctx.
 */
export async function findReferenceSourceDocs(
  referenceDir = path.join(process.cwd(), 'reference'),
): Promise<TReferenceSourceDoc[]> {
  const docs: TReferenceSourceDoc[] = [
    {
      folder: '',
      fileName: 'README.md',
      markdown: await readFile(path.join(referenceDir, 'README.md'), 'utf8'),
    },
  ];
  const entries = await readdir(referenceDir, { withFileTypes: true });
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    try {
      const markdown = await readFile(path.join(referenceDir, entry.name, 'SOURCES.md'), 'utf8');
      docs.push({ folder: entry.name, fileName: 'SOURCES.md', markdown });
    } catch {
      // A folder without SOURCES.md holds no bundled data of its own.
    }
  }
  return docs;
}
