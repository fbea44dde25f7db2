import 'server-only';
import pg from 'pg';
import type { FactorLibrary } from '@/lib/emissions/factor-library-types';
import { plainGridFactor } from '@/lib/emissions/grid-factor-columns';
import { copyRows } from '../db/pg-copy';
import { executeSql, queryRows, rawSql, sql } from '../db/sql';
import { pgRunner, type TSqlRunner, withTransaction } from '../db/sql-runner';

/**
 * Replaces the bundled factor library (rows with org_id NULL) by `library` in one transaction, with COPY
 * (about 100k hourly, monthly and yearly grid factors load in about a second). Organisation overrides stay.
 */
export async function replaceBundledFactorLibrary(
  library: FactorLibrary,
  databaseUrl: string,
  fingerprint?: string,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await withTransaction(client, async () => {
      const db = pgRunner(client);
      for (const table of ['accelerator', 'location', 'emission_factor', 'water_factor'] as const) {
        await executeSql(db, sql`DELETE FROM ${rawSql(`"${table}"`)} WHERE org_id IS NULL`);
      }
      await executeSql(db, sql`DELETE FROM "provider_default"`);
      await copyRows(
        client,
        'accelerator',
        [
          'id',
          'name',
          'aliases',
          'tdp_w',
          'idle_w',
          'memory_gb',
          'embodied_kg_co2e',
          'embodied_low_kg_co2e',
          'embodied_high_kg_co2e',
          'source',
          'dataset_version',
        ],
        library.accelerators.map((a) => [
          a.id,
          a.name,
          a.aliases,
          a.tdpW,
          a.idleW,
          a.memoryGb,
          a.embodiedKgCo2e,
          a.embodiedLowKgCo2e,
          a.embodiedHighKgCo2e,
          a.source,
          a.datasetVersion,
        ]),
      );
      await copyRows(
        client,
        'location',
        [
          'provider',
          'region_code',
          'grid_zone',
          'country_code',
          'pue',
          'wue_l_per_kwh',
          'source',
          'dataset_version',
        ],
        library.locations.map((l) => [
          l.provider,
          l.regionCode,
          l.gridZone,
          l.countryCode,
          l.pue,
          l.wueLPerKwh,
          l.source,
          l.datasetVersion,
        ]),
      );
      const gridRows = [
        ...library.gridFactors.map((f) => ({ ...plainGridFactor(f), kind: 'grid_location' })),
        ...library.residualMixes.map((f) => ({ ...plainGridFactor(f), kind: 'residual_mix' })),
      ];
      await copyRows(
        client,
        'emission_factor',
        [
          'id',
          'kind',
          'zone',
          'period_start',
          'period_end',
          'granularity',
          'g_co2e_per_kwh',
          'basis',
          'source',
          'licence',
          'dataset_version',
        ],
        gridRows.map((f) => [
          f.id,
          f.kind,
          f.zone,
          f.periodStart,
          f.periodEnd,
          f.granularity,
          f.gCo2ePerKwh,
          f.basis,
          f.source,
          f.licence,
          f.datasetVersion,
        ]),
      );
      await copyRows(
        client,
        'water_factor',
        ['id', 'zone', 'l_per_kwh', 'source', 'dataset_version'],
        library.ewif.map((w) => [w.id, w.zone, w.lPerKwh, w.source, w.datasetVersion]),
      );
      await copyRows(
        client,
        'provider_default',
        ['provider', 'pue', 'pue_source', 'wue_l_per_kwh', 'wue_source', 'dataset_version'],
        library.providerDefaults.map((p) => [
          p.provider,
          p.pue,
          p.pueSource,
          p.wueLPerKwh,
          p.wueSource,
          p.datasetVersion,
        ]),
      );
      if (fingerprint) {
        // In the same transaction as the rows: a crash leaves the old rows with the old fingerprint.
        await executeSql(
          db,
          sql`INSERT INTO bundled_factor_library (key, fingerprint, loaded_at) VALUES ('bundled', ${fingerprint}, now())
              ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, loaded_at = EXCLUDED.loaded_at`,
        );
      }
    });
  } finally {
    await client.end();
  }
}

/** The fingerprint of the reference data the bundled rows were last loaded from; null when never recorded. */
export async function getLoadedBundledFingerprint(db: TSqlRunner): Promise<string | null> {
  const [row] = await queryRows<{ fingerprint: string }>(
    db,
    sql`SELECT fingerprint FROM bundled_factor_library WHERE key = 'bundled'`,
  );
  return row?.fingerprint ?? null;
}
