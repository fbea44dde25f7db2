import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { pgRunner } from '@/lib/server/db/sql-runner';
import { seedDemoOrganization } from '@/lib/server/demo/demo-seed';
import {
  getLoadedBundledFingerprint,
  replaceBundledFactorLibrary,
} from '@/lib/server/factors/factor-library-load';
import {
  bundledReferenceFingerprint,
  loadBundledFactorLibrary,
} from '@/lib/server/factors/load-bundled-factor-library';
import { recoverInterruptedUploads } from '@/lib/server/usage/uploads/upload-lifecycle';
import { migrateDatabase } from './migrate';

/**
 * Migrates the database at process.env.DATABASE_URL, loads the bundled factor library when missing, when the
 * shipped reference files differ from those it was loaded from (their fingerprint), or when `refreshFactors`, and seeds the demo organisation when `seed` is 'if-empty' and the database has no
 * organisation, or when 'always' (the seed itself skips an existing demo organisation).
 */
export async function prepareDatabase(options: {
  seed: 'never' | 'if-empty' | 'always';
  refreshFactors?: boolean;
  log: (message: string) => void;
}): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error('prepareDatabase needs DATABASE_URL');
  }
  const applied = await migrateDatabase(url);
  if (applied.length) {
    options.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  }
  const recovered = await recoverInterruptedUploads(new Date());
  if (recovered.length) {
    options.log(`Marked ${recovered.length} interrupted upload(s) as failed (they can be uploaded again).`);
  }
  const prisma = getPrisma();
  const bundled = await prisma.accelerator.count({ where: { orgId: null } });
  const fingerprint = bundledReferenceFingerprint();
  const loaded = await getLoadedBundledFingerprint(pgRunner(getPgPool()));
  // A release that ships new reference data (accelerators, regions, grid years) reloads the bundled rows at the
  // next start; organisation overrides are separate rows and stay. Stored records keep their figures until they
  // are recomputed (npm run footprint -- recompute), which records a restatement.
  const reason =
    bundled === 0
      ? 'Loaded'
      : options.refreshFactors
        ? 'Reloaded (asked)'
        : loaded !== fingerprint
          ? 'Reloaded (the shipped reference data changed)'
          : null;
  if (reason) {
    const started = performance.now();
    const library = loadBundledFactorLibrary();
    await replaceBundledFactorLibrary(library, url, fingerprint);
    options.log(
      `${reason} the bundled factor library: ${library.gridFactors.length} grid factors, ${library.locations.length} locations, ` +
        `${library.accelerators.length} accelerators (${Math.round(performance.now() - started)} ms)`,
    );
  }
  const organizations = await prisma.organization.count();
  if (options.seed === 'always' || (options.seed === 'if-empty' && organizations === 0)) {
    const started = performance.now();
    const endExclusive = process.env.DEMO_END_EXCLUSIVE
      ? new Date(process.env.DEMO_END_EXCLUSIVE)
      : undefined;
    const result = await seedDemoOrganization({
      computedAt: new Date(),
      ...(endExclusive ? { endExclusive } : {}),
    });
    options.log(
      result.seeded
        ? `Seeded the demo organisation: ${result.records} usage records (${Math.round(performance.now() - started)} ms)`
        : `The demo organisation already exists (${result.records} usage records); nothing seeded.`,
    );
  }
}
