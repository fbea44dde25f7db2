import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_ATTRIBUTIONS } from '@/lib/factors/data-attributions';
import { REPO_ROOT } from './repo-files';

// The Data sources page (lib/factors/data-attributions.ts) is written for users; the provenance notes shipped with
// the data are the record. This keeps the two in step: every bundled folder with notes has an attribution, and
// every open licence an attribution names is stated in the notes of the folders it cites.
const REFERENCE = path.join(REPO_ROOT, 'reference');
const notes = (folder: string) =>
  readFileSync(path.join(REFERENCE, folder, 'SOURCES.md'), 'utf8') +
  readFileSync(path.join(REFERENCE, 'README.md'), 'utf8');
const OPEN_LICENCES = ['CC BY 4.0', 'ODbL', 'MIT', 'Apache-2.0', 'BSD-3-Clause'];

describe('data attributions', () => {
  it('cover every bundled data folder', () => {
    const folders = readdirSync(REFERENCE, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(REFERENCE, e.name, 'SOURCES.md')))
      .map((e) => e.name);
    const covered = new Set(DATA_ATTRIBUTIONS.flatMap((a) => a.folders));
    expect(folders.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('name only licences the provenance notes of their folders state, and the provider appears there', () => {
    for (const a of DATA_ATTRIBUTIONS) {
      const text = a.folders.map(notes).join('\n');
      for (const licence of OPEN_LICENCES.filter((l) => a.licence.includes(l))) {
        expect(text, `${a.provider}: ${licence}`).toContain(licence);
      }
      const firstWord = a.provider.split(/[\s,(]/)[0] ?? '';
      expect(text.toLowerCase(), a.provider).toContain(firstWord.toLowerCase());
    }
  });
});
