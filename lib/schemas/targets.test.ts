import { describe, expect, test } from 'vitest';
import { ZAlertWebhookInput, ZBudgetInput, ZTargetInput } from './targets';

const form = {
  id: '',
  name: ' Halve emissions ',
  teamId: '',
  metric: 'absolute',
  basis: 'market',
  periodKind: 'quarter',
  baseYear: '2025',
  baseValue: '',
  targetYear: '2030',
  targetValue: '12.5',
};

describe('ZTargetInput', () => {
  test('form strings: empty id/team/base value become null, numbers are coerced', () => {
    expect(ZTargetInput.parse(form)).toEqual({
      id: null,
      name: 'Halve emissions',
      teamId: null,
      metric: 'absolute',
      basis: 'market',
      periodKind: 'quarter',
      baseYear: 2025,
      baseValue: null,
      targetYear: 2030,
      targetValue: 12.5,
    });
  });

  test('the target year must follow the base year; negative values and unknown metrics are refused', () => {
    const sameYear = ZTargetInput.safeParse({ ...form, targetYear: '2025' });
    expect(sameYear.success).toBe(false);
    expect(sameYear.error?.issues[0]?.path).toEqual(['targetYear']);
    expect(ZTargetInput.safeParse({ ...form, targetValue: '-1' }).success).toBe(false);
    expect(ZTargetInput.safeParse({ ...form, metric: 'relative' }).success).toBe(false);
  });
});

describe('ZBudgetInput', () => {
  test('a positive kg amount for a team', () => {
    const teamId = '7d9f1c2e-4b6a-4c1d-9e8f-0a1b2c3d4e5f';
    const base = { id: '', teamId, periodKind: 'year', basis: 'location' };
    expect(ZBudgetInput.parse({ ...base, amountKgCo2e: '1500' })).toMatchObject({
      id: null,
      amountKgCo2e: 1500,
    });
    expect(ZBudgetInput.safeParse({ ...base, amountKgCo2e: '0' }).success).toBe(false);
    expect(ZBudgetInput.safeParse({ ...base, teamId: '', amountKgCo2e: '1' }).success).toBe(false);
  });
});

describe('ZAlertWebhookInput', () => {
  test('http(s) only, secret ≥ 16 characters or empty (keep), checkbox "on" = enabled', () => {
    expect(
      ZAlertWebhookInput.parse({ url: 'https://hooks.example.com/x', secret: '', enabled: 'on' }),
    ).toEqual({
      url: 'https://hooks.example.com/x',
      secret: null,
      enabled: true,
    });
    expect(ZAlertWebhookInput.parse({ url: 'http://10.0.0.1/x', secret: 'a'.repeat(16) }).enabled).toBe(
      false,
    );
    expect(ZAlertWebhookInput.safeParse({ url: 'ftp://example.com', secret: '' }).success).toBe(false);
    expect(ZAlertWebhookInput.safeParse({ url: 'https://x.example', secret: 'short' }).success).toBe(false);
  });
});
