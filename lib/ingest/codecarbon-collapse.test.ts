import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseUsageFile } from './parse-usage-file';

const HEADER =
  'timestamp,project_name,run_id,duration,emissions,energy_consumed,country_iso_code,tracking_mode,pue';

test('cumulative rows in any order collapse to the longest row of each run', () => {
  const runArb = fc
    .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 6 })
    .map((durations) => durations.sort((a, b) => a - b));
  fc.assert(
    fc.property(fc.array(runArb, { minLength: 1, maxLength: 5 }), fc.integer(), (runs, seed) => {
      // Energy grows with duration (1 Wh per second); timestamps increase with duration within a run.
      const rows = runs.flatMap((durations, run) =>
        durations.map((d) => {
          const end = new Date(Date.UTC(2024, 0, 1 + run, 0, 0, 0) + d * 1000).toISOString().slice(0, 19);
          return `${end},p,run-${run},${d},${d * 1e-5},${d / 1000},DEU,process,1.0`;
        }),
      );
      // Deterministic shuffle from the seed.
      const shuffled = rows
        .map((row, i) => ({ row, key: Math.sin(seed + i * 7919) }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.row);
      const result = parseUsageFile(new TextEncoder().encode([HEADER, ...shuffled].join('\n')), {
        fileName: 'e.csv',
      });
      expect(result.errors).toEqual([]);
      expect(result.records).toHaveLength(runs.length);
      expect(result.stats.duplicatesCollapsed).toBe(rows.length - runs.length);
      for (const [run, durations] of runs.entries()) {
        const record = result.records.find((r) => r.record.recordId === `codecarbon:run-${run}`);
        const longest = durations.at(-1) ?? 0;
        expect(record?.record.energyKwh).toBe(longest / 1000);
        expect(record?.source?.codecarbon?.rowsCollapsed).toBe(durations.length);
        expect(record?.record.startedAt.toISOString()).toBe(
          new Date(Date.UTC(2024, 0, 1 + run)).toISOString(),
        );
      }
    }),
    { numRuns: 100 },
  );
});
