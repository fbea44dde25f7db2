import {
  computeSciGCo2ePerUnit,
  gCo2ePer1kRequests,
  gCo2ePer1mTokens,
} from '@/lib/emissions/intensity-metrics';
import type { TModelTokenIntensity } from '@/lib/insights/model-token-intensity';
import type { TQuarterAggregates } from './aggregate-types';
import { buildAiServiceTable, NO_AI_SERVICE_USAGE } from './build-ai-service-table';
import type { TReportSection, TReportTable } from './report-model';
import { breakdownTable } from './report-tables';
import { roundFor, toM3, toTonnes } from './rounding';

export function buildWorkloadSection(a: TQuarterAggregates): TReportSection {
  // The AI-service table only when the usage was read (absent in pure fixtures); a sentence when there was none.
  const aiServices = a.aiServiceUsage;
  return {
    id: 'workload',
    number: '5',
    title: 'AI workload breakdown (management view)',
    paragraphs: [
      'Per slice: device-hours, IT and facility energy, emissions on both bases, amortised embodied M, water.',
      ...(aiServices && aiServices.length === 0 ? [NO_AI_SERVICE_USAGE] : []),
    ],
    tables: [
      breakdownTable('by-phase', 'By phase', 'Phase', a.byPhase, a.totals),
      breakdownTable('by-model', 'By model', 'Model', a.byModel, a.totals),
      breakdownTable('by-team', 'By team', 'Team', a.byTeam, a.totals),
      breakdownTable('by-region', 'By provider and region', 'Provider / region', a.byRegion, a.totals),
      ...(aiServices && aiServices.length > 0 ? [buildAiServiceTable(aiServices, a.aiServices)] : []),
      ...(a.modelTokenIntensity && a.modelTokenIntensity.length > 0
        ? [tokenIntensityTable(a.modelTokenIntensity)]
        : []),
    ],
  };
}

/** Operational intensity per 1M tokens per model (AI services also per 1M output tokens); embodied excluded. */
function tokenIntensityTable(rows: readonly TModelTokenIntensity[]): TReportTable {
  return {
    id: 'token-intensity',
    title: 'Intensity per 1M tokens by model',
    columns: [
      { key: 'label', label: 'Model (service)' },
      { key: 'tokens', label: 'Tokens', unit: 'tokens' },
      { key: 'energyWh', label: 'Energy per 1M tokens', unit: 'Wh/1M tokens' },
      { key: 'locationG', label: 'CO2e per 1M tokens', unit: 'gCO2e/1M tokens', basis: 'location-based' },
      { key: 'marketG', label: 'CO2e per 1M tokens', unit: 'gCO2e/1M tokens', basis: 'market-based' },
      { key: 'waterL', label: 'Water per 1M tokens', unit: 'L/1M tokens' },
      { key: 'outEnergyWh', label: 'Energy per 1M output tokens', unit: 'Wh/1M tokens' },
      {
        key: 'outLocationG',
        label: 'CO2e per 1M output tokens',
        unit: 'gCO2e/1M tokens',
        basis: 'location-based',
      },
    ],
    rows: rows.map((r) => ({
      label: `${r.model} (${r.service === null ? 'self-hosted' : (r.serviceLabel ?? r.service)})`,
      tokens: roundFor(r.tokens, 'tokens'),
      energyWh: roundFor(r.energyWhPer1mTokens, 'Wh/1M tokens'),
      locationG: roundFor(r.locationGCo2ePer1mTokens, 'gCO2e/1M tokens'),
      marketG: roundFor(r.marketGCo2ePer1mTokens, 'gCO2e/1M tokens'),
      waterL: roundFor(r.waterLPer1mTokens, 'L/1M tokens'),
      outEnergyWh: roundFor(r.energyWhPer1mOutputTokens, 'Wh/1M tokens'),
      outLocationG: roundFor(r.locationGCo2ePer1mOutputTokens, 'gCO2e/1M tokens'),
    })),
    note: 'Operational energy, CO2e and water (on-site + off-site) divided by the tokens of each model’s inference records in the period; embodied emissions are in the SCI section. Per 1M output tokens only for AI services (self-hosted records carry one token count).',
  };
}

export function buildSciSection(a: TQuarterAggregates): TReportSection {
  const t = a.totals;
  // SCI = (E × I + M) / R: E × I is the location-based emissions of the records carrying R.
  const requestsG = gCo2ePer1kRequests(t.requestLocationKgCo2e + t.requestEmbodiedKgCo2e, t.requests);
  const tokensG = gCo2ePer1mTokens(t.tokenLocationKgCo2e + t.tokenEmbodiedKgCo2e, t.tokens);
  const perRequestG = computeSciGCo2ePerUnit({
    energyKwh: 1,
    intensityGCo2ePerKwh: t.requestLocationKgCo2e * 1000,
    embodiedGCo2e: t.requestEmbodiedKgCo2e * 1000,
    functionalUnits: t.requests,
  });
  return {
    id: 'sci',
    number: '6',
    title: 'SCI per functional unit',
    paragraphs: [
      'SCI (ISO/IEC 21031) = (E × I + M) per R with location-based I; market instruments are excluded per ISO/IEC 21031. Only records that carry the functional unit (requests or tokens) enter each score.',
    ],
    tables: [
      {
        id: 'sci-scores',
        title: 'SCI scores',
        columns: [
          { key: 'label', label: 'Functional unit' },
          { key: 'value', label: 'SCI' },
          { key: 'unit', label: 'Unit' },
          { key: 'r', label: 'R (functional units)', unit: 'count' },
          { key: 'operationalT', label: 'E × I', unit: 'tCO2e', basis: 'location-based' },
          { key: 'embodiedT', label: 'M', unit: 'tCO2e', basis: 'amortised embodied' },
        ],
        rows: [
          {
            label: 'Per 1,000 requests',
            value: roundFor(requestsG, 'gCO2e/1k requests'),
            unit: 'gCO2e/1k requests',
            r: roundFor(t.requests, 'count'),
            operationalT: roundFor(toTonnes(t.requestLocationKgCo2e), 'tCO2e'),
            embodiedT: roundFor(toTonnes(t.requestEmbodiedKgCo2e), 'tCO2e'),
          },
          {
            label: 'Per 1,000,000 tokens',
            value: roundFor(tokensG, 'gCO2e/1M tokens'),
            unit: 'gCO2e/1M tokens',
            r: roundFor(t.tokens, 'count'),
            operationalT: roundFor(toTonnes(t.tokenLocationKgCo2e), 'tCO2e'),
            embodiedT: roundFor(toTonnes(t.tokenEmbodiedKgCo2e), 'tCO2e'),
          },
          {
            label: 'Per request',
            value: roundFor(perRequestG, 'gCO2e/request'),
            unit: 'gCO2e/request',
            r: roundFor(t.requests, 'count'),
            operationalT: roundFor(toTonnes(t.requestLocationKgCo2e), 'tCO2e'),
            embodiedT: roundFor(toTonnes(t.requestEmbodiedKgCo2e), 'tCO2e'),
          },
        ],
      },
    ],
  };
}

export function buildWaterSection(a: TQuarterAggregates): TReportSection {
  const row = (label: string, onsiteL: number, offsiteL: number) => ({
    label,
    onsiteM3: roundFor(toM3(onsiteL), 'm³'),
    offsiteM3: roundFor(toM3(offsiteL), 'm³'),
  });
  return {
    id: 'water',
    number: '8',
    title: 'Water',
    paragraphs: [
      'On-site = data-centre cooling water (WUE × IT energy); off-site = water consumed generating the electricity (EWIF × facility energy). Own operations (ESRS E3-4) are the owned rows; cloud water is a value-chain memo.',
    ],
    tables: [
      {
        id: 'water',
        title: 'Water consumption',
        columns: [
          { key: 'label', label: 'Row' },
          { key: 'onsiteM3', label: 'On-site', unit: 'm³' },
          { key: 'offsiteM3', label: 'Off-site', unit: 'm³' },
        ],
        rows: [
          row('Own operations (owned hardware)', a.owned.waterOnsiteL, a.owned.waterOffsiteL),
          row('Value-chain memo (cloud)', a.cloud.waterOnsiteL, a.cloud.waterOffsiteL),
          row('Total', a.totals.waterOnsiteL, a.totals.waterOffsiteL),
        ],
      },
    ],
  };
}
