import { describe, expect, test } from 'vitest';
import {
  codeWords,
  displayCell,
  displayColumnHeader,
  humaniseText,
  instantWords,
  periodWords,
} from './display-text';

describe('report display text', () => {
  test('instants in words in the organisation time zone, never ISO', () => {
    expect(instantWords('2026-12-07T00:12:00.000Z', 'UTC')).toBe('7 Dec 2026, 00:12 UTC');
    // Berlin is UTC+1 in December (CET): 23:30 UTC is 00:30 the next day.
    expect(instantWords('2026-12-06T23:30:00.000Z', 'Europe/Berlin')).toBe('7 Dec 2026, 00:30 CET');
  });

  test('a quarter as words: the exclusive end gives the last day of the quarter', () => {
    expect(
      periodWords({ start: '2026-07-01T00:00:00.000Z', end: '2026-10-01T00:00:00.000Z', timeZone: 'UTC' }),
    ).toBe('1 July – 30 September 2026');
    // A Berlin quarter starts at 22:00 UTC the day before (CEST, UTC+2).
    expect(
      periodWords({
        start: '2026-06-30T22:00:00.000Z',
        end: '2026-09-30T22:00:00.000Z',
        timeZone: 'Europe/Berlin',
      }),
    ).toBe('1 July – 30 September 2026');
    expect(
      periodWords({ start: '2025-10-01T00:00:00.000Z', end: '2026-01-01T00:00:00.000Z', timeZone: 'UTC' }),
    ).toBe('1 October – 31 December 2025');
  });

  test('codes become labels: phases, providers, flags; period keys and ISO days in words', () => {
    expect(displayCell('data_processing')).toBe('Data processing');
    expect(displayCell('on_prem / DE (DE)')).toBe('On-premise, Germany (DE)');
    expect(displayCell('ENERGY_FROM_TDP_MODEL')).toBe('Energy from tdp model');
    expect(codeWords('INTENSITY_NEAREST_YEAR')).toBe('Intensity nearest year');
    expect(humaniseText('Largest region: aws / us-east-1 (US-MIDA-PJM).')).toBe(
      'Largest region: AWS us-east-1 (US-MIDA-PJM).',
    );
    expect(humaniseText('Platform (2026-Q3)')).toBe('Platform (Q3 2026)');
    expect(humaniseText('2026-01-01 – 2026-10-01')).toBe('1 Jan 2026 – 1 Oct 2026');
    expect(
      humaniseText('Period 2026-Q3 is [2026-07-01T00:00:00.000Z, 2026-10-01T00:00:00.000Z) in UTC.'),
    ).toBe('Period Q3 2026 is [1 Jul 2026, 00:00 UTC, 1 Oct 2026, 00:00 UTC) in UTC.');
    expect(
      humaniseText('energy contract (GREEN_TARIFF); no residual mix (MARKET_RESIDUAL_MIX_UNAVAILABLE).'),
    ).toBe('energy contract (green tariff); no residual mix (market residual mix unavailable).');
    // File names in citations are not codes.
    expect(humaniseText('ccf_processor_coefficients.csv')).toBe('ccf_processor_coefficients.csv');
  });

  test('region keys name the place as the records explorer does, the grid zone kept', () => {
    // An OpenAI API row without a region: the EcoLogits mix zone USA, no "Other" printed.
    expect(displayCell('other / USA (US)')).toBe('United States (US)');
    expect(displayCell('aws / us-east-1 (US-MIDA-PJM)')).toBe('AWS us-east-1 (US-MIDA-PJM)');
    expect(displayCell('edge_sold_products / DE (DE)')).toBe('On-device, sold products, Germany (DE)');
    expect(displayCell('gcp / unspecified (no zone)')).toBe('Google Cloud (no zone)');
    expect(humaniseText('Largest region: other / SWE (SE).')).toBe('Largest region: Sweden (SE).');
    // Only provider keys start a region key: other "a / b (c)" text is left alone.
    expect(humaniseText('tonnes / year (LB)')).toBe('tonnes / year (LB)');
  });

  test('numbers with en-US grouping, missing as n/a, units with a subscript 2', () => {
    expect(displayCell(306225722516)).toBe('306,225,722,516');
    expect(displayCell(36.2384)).toBe('36.238');
    expect(displayCell(null)).toBe('n/a');
    expect(displayColumnHeader({ key: 'x', label: 'Emissions LB', unit: 'tCO2e' })).toBe(
      'Emissions LB (tCO₂e)',
    );
    expect(displayColumnHeader({ key: 'r', label: 'Records', unit: 'records' })).toBe('Records');
    expect(displayColumnHeader({ key: 'q', label: '2026-Q3', unit: 'MWh' })).toBe('Q3 2026 (MWh)');
  });
});
