import { expect, test } from 'vitest';
import { ZUploadParams } from './upload';

test('upload params: empty strings are absent, validOnly and mapping are parsed from query text', () => {
  const parsed = ZUploadParams.parse({
    format: '',
    phase: 'training',
    team: ' ',
    provider: '',
    validOnly: 'true',
    mapping: '{"energy_wh":{"field":"energyKwh","unit":"Wh"}}',
  });
  expect(parsed).toEqual({
    format: 'auto',
    phase: 'training',
    validOnly: true,
    mapping: { energy_wh: { field: 'energyKwh', unit: 'Wh' } },
  });
});

test('upload params: unknown phase, bad mapping JSON and a unit that does not fit are refused', () => {
  expect(ZUploadParams.safeParse({ phase: 'sleeping' }).success).toBe(false);
  expect(ZUploadParams.safeParse({ mapping: '{nope' }).success).toBe(false);
  expect(ZUploadParams.safeParse({ mapping: '{"x":{"field":"phase","unit":"Wh"}}' }).success).toBe(false);
});
