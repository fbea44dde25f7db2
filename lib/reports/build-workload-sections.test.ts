import { describe, expect, test } from 'vitest';
import { modelTokenIntensities } from '@/lib/insights/model-token-intensity';
import { buildQuarterlyEsgReport } from './build-quarterly-esg-report';
import { buildWorkloadSection } from './build-workload-sections';
import { fixtureAggregates } from './testing/report-fixture';
import { toReportCsv } from './to-report-csv';

describe('workload section: intensity per 1M tokens by model', () => {
  const intensity = modelTokenIntensities([
    {
      model: 'gpt-4o',
      service: 'openai',
      serviceLabel: 'OpenAI API',
      tokens: 2_000_000,
      outputTokens: 400_000,
      energyKwh: 0.8,
      locationKgCo2e: 0.3,
      marketKgCo2e: 0.2,
      waterL: 1.6,
    },
  ]);

  test('a row per model with the figures per 1M tokens, only when token intensity was read', () => {
    const base = fixtureAggregates();
    expect(buildWorkloadSection(base).tables.map((t) => t.id)).not.toContain('token-intensity');
    const table = buildWorkloadSection({ ...base, modelTokenIntensity: intensity }).tables.find(
      (t) => t.id === 'token-intensity',
    );
    // 800 Wh / 2 M = 400 Wh; 300 g / 2 = 150 g; 200 g / 2 = 100 g; 1.6 L / 2 = 0.8 L; output: 800 / 0.4 = 2,000 Wh, 750 g.
    expect(table?.rows).toEqual([
      {
        label: 'gpt-4o (OpenAI API)',
        tokens: 2_000_000,
        energyWh: 400,
        locationG: 150,
        marketG: 100,
        waterL: 0.8,
        outEnergyWh: 2000,
        outLocationG: 750,
      },
    ]);
  });

  test('the flat CSV export carries the table', () => {
    const report = buildQuarterlyEsgReport(
      { ...fixtureAggregates(), modelTokenIntensity: intensity },
      { generatedAt: new Date('2026-11-29T12:00:00Z') },
    );
    const csv = toReportCsv(report);
    expect(csv).toContain(
      'Intensity per 1M tokens by model | gpt-4o (OpenAI API) | CO2e per 1M tokens,150,gCO2e/1M tokens,2026-Q3,location-based',
    );
  });
});
