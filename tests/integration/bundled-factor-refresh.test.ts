import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getPrisma } from '@/lib/server/db/prisma';
import {
  bundledReferenceFingerprint,
  DEFAULT_REFERENCE_DIR,
} from '@/lib/server/factors/load-bundled-factor-library';
import { prepareDatabase } from '../../scripts/db/prepare-database';
import { createTestDatabase } from '../support/test-database';

// Issue #19: a release that ships a larger accelerator catalog or new regions must reach existing databases.
// prepareDatabase (run by dev/start) compares the fingerprint of the shipped reference files with the one the
// bundled rows were loaded from, and reloads them when they differ; otherwise it leaves them alone.

const logs: string[] = [];
const prepare = () => prepareDatabase({ seed: 'never', log: (line) => logs.push(line) });
let copyDir: string;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  copyDir = mkdtempSync(path.join(tmpdir(), 'aif-reference-'));
  cpSync(DEFAULT_REFERENCE_DIR, copyDir, { recursive: true });
});

afterAll(() => rmSync(copyDir, { recursive: true, force: true }));

describe('bundled factor library refresh', () => {
  test('the fingerprint is a sha256 of the files; any byte changed in a shipped file changes it', () => {
    const before = bundledReferenceFingerprint(copyDir);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(bundledReferenceFingerprint(copyDir)).toBe(before);
    const catalog = path.join(copyDir, 'accelerators/accelerators.csv');
    writeFileSync(catalog, `${readFileSync(catalog, 'utf8')}\n`);
    expect(bundledReferenceFingerprint(copyDir)).not.toBe(before);
    // A file the library is not built from (attribution text) does not count.
    const sources = path.join(copyDir, 'accelerators/SOURCES.md');
    const changed = bundledReferenceFingerprint(copyDir);
    writeFileSync(sources, `${readFileSync(sources, 'utf8')}\nnote\n`);
    expect(bundledReferenceFingerprint(copyDir)).toBe(changed);
  });

  test('a database loaded from other reference data is reloaded once, then left alone', async () => {
    const prisma = getPrisma();
    await prepare();
    expect(logs).toEqual([expect.stringMatching(/^Loaded the bundled factor library: /)]);
    logs.length = 0;
    // The state of a database loaded by an older release: an accelerator this release added is missing and
    // the recorded fingerprint is another one.
    await prisma.accelerator.deleteMany({ where: { orgId: null, id: 'nvidia-h200-nvl' } });
    await prisma.bundledFactorLibrary.upsert({
      where: { key: 'bundled' },
      create: { fingerprint: createHash('sha256').update('an older release').digest('hex') },
      update: { fingerprint: createHash('sha256').update('an older release').digest('hex') },
    });

    await prepare();
    expect(logs.filter((line) => line.includes('bundled factor library'))).toEqual([
      expect.stringMatching(/^Reloaded \(the shipped reference data changed\) the bundled factor library: /),
    ]);
    expect(await prisma.accelerator.count({ where: { orgId: null, id: 'nvidia-h200-nvl' } })).toBe(1);
    const stored = await prisma.bundledFactorLibrary.findUniqueOrThrow({ where: { key: 'bundled' } });
    expect(stored.fingerprint).toBe(bundledReferenceFingerprint());

    logs.length = 0;
    await prepare();
    expect(logs.filter((line) => line.includes('bundled factor library'))).toEqual([]);
  });
});
