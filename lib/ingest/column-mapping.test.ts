import { describe, expect, test } from 'vitest';
import { ZColumnMapping } from '@/lib/schemas/column-mapping';
import { parseUsageFile } from './parse-usage-file';

const enc = (text: string) => new TextEncoder().encode(text);
const CSV = [
  'Job;Kind;Start;End;Energy (Wh);Board power (kW);Per request (kWh);Site;Comment',
  'j1;Inference;2025-03-01;2025-03-02;1234.5;0.4;0.00035;lab;ignored',
  'j2;training;2025-03-01;2025-03-02;-1;0.4;;lab;ignored',
].join('\n');
const MAPPING = {
  Job: { field: 'recordId' },
  Kind: { field: 'phase' },
  Start: { field: 'startedAt' },
  End: { field: 'endedAt' },
  'Energy (Wh)': { field: 'energyKwh', unit: 'Wh' },
  'Board power (kW)': { field: 'acceleratorPowerW', unit: 'kW' },
  'Per request (kWh)': { field: 'energyPerRequestWh', unit: 'kWh' },
  Site: { field: 'region' },
} as const;

describe('column mapping', () => {
  test('maps unknown headers and converts units to kWh / W / Wh', () => {
    const result = parseUsageFile(enc(CSV), { fileName: 'm.csv', mapping: MAPPING });
    expect(result.format).toBe('generic');
    expect(result.needsMapping).toBeUndefined();
    expect(result.records).toHaveLength(1);
    const rec = result.records[0]?.record;
    expect(rec).toMatchObject({
      recordId: 'j1',
      phase: 'inference',
      region: 'lab',
      energyKwh: 1.2345,
      acceleratorPowerW: 400,
    });
    expect(rec?.energyPerRequestWh).toBeCloseTo(0.35, 12);
    // Errors name the user's header, not ours.
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, column: 'Energy (Wh)' })]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 1, message: 'columns not mapped, ignored: "Comment"' }),
    ]);
  });

  test('MWh converts to kWh', () => {
    const result = parseUsageFile(enc('a,b,c,d\ntraining,2025-03-01,2025-03-02,0.0025\n'), {
      fileName: 'm.csv',
      mapping: {
        a: { field: 'phase' },
        b: { field: 'startedAt' },
        c: { field: 'endedAt' },
        d: { field: 'energyKwh', unit: 'MWh' },
      },
    });
    expect(result.records[0]?.record.energyKwh).toBe(2.5);
  });

  test('template headers still work next to mapped ones', () => {
    const result = parseUsageFile(
      enc('phase,started_at,ended_at,kWh total\ntraining,2025-03-01,2025-03-02,7\n'),
      {
        fileName: 'm.csv',
        mapping: { 'kWh total': { field: 'energyKwh', unit: 'kWh' } },
      },
    );
    expect(result.records[0]?.record.energyKwh).toBe(7);
  });

  test('an invalid mapping is reported and nothing is parsed', () => {
    const result = parseUsageFile(enc(CSV), {
      fileName: 'm.csv',
      mapping: { ...MAPPING, 'Board power (kW)': { field: 'acceleratorPowerW', unit: 'Wh' } },
    });
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        column: 'Board power (kW)',
        message: expect.stringMatching(/unit Wh does not fit acceleratorPowerW; use one of W, kW/),
      }),
    ]);
  });
});

describe('ZColumnMapping', () => {
  test('accepts a valid mapping', () => {
    expect(ZColumnMapping.safeParse(MAPPING).success).toBe(true);
  });

  test.each([
    [{ a: { field: 'nope' } }, /Invalid option/],
    [{ a: { field: 'phase', unit: 'kWh' } }, /phase takes no unit/],
    [{ a: { field: 'energyKwh' }, b: { field: 'energyKwh' } }, /"a" and "b" both map to energyKwh/],
    [{ a: { field: 'energyKwh', unit: 'GWh' } }, /Invalid option/],
  ])('rejects %j', (mapping, message) => {
    const parsed = ZColumnMapping.safeParse(mapping);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });
});
