import { describe, expect, test } from 'vitest';
import type { TAiUsageEstimateRow } from './estimate-ai-usage-row';
import { applyModelAlias, modelAliasMap, parseModelSizeTarget } from './model-alias';

const ROW: TAiUsageEstimateRow = {
  line: 2,
  provider: 'openai',
  modelRaw: 'Our-Support-Bot',
  modelLookup: { kind: 'name', provider: 'openai', name: 'Our-Support-Bot' },
  inputTokens: 10,
  outputTokens: 20,
  requests: null,
  meanLatencyS: null,
  region: null,
  quantityBasis: 'metered',
};

describe('model size targets', () => {
  test.each([
    ['70B', { activeParamsB: 70, totalParamsB: 70 }],
    ['13b / 47B', { activeParamsB: 13, totalParamsB: 47 }],
    ['0.5B', { activeParamsB: 0.5, totalParamsB: 0.5 }],
  ])('%s', (text, size) => {
    expect(parseModelSizeTarget(text)).toEqual(size);
  });
  test.each(['70', 'gpt-4o', '47B/13B', '0B', '20000B'])('%s is not a size', (text) => {
    expect(parseModelSizeTarget(text)).toBeNull();
  });
});

describe('applyModelAlias', () => {
  const aliases = modelAliasMap([
    { kind: 'model', alias: 'our support bot', target: '8B', targetProvider: null },
    { kind: 'model', alias: 'legacy-chat', target: 'gpt-4o-mini', targetProvider: null },
    { kind: 'region', alias: 'paris-dc', target: 'FR', targetProvider: null },
  ]);

  test('a size alias gives the row its own size; the name is matched like other aliases (case, separators)', () => {
    expect(applyModelAlias(ROW, aliases).overrides).toEqual({ activeParamsB: 8, totalParamsB: 8 });
  });

  test('a model alias looks the target up in the whole repository', () => {
    const row = {
      ...ROW,
      modelRaw: 'legacy-chat',
      modelLookup: { kind: 'name', provider: 'openai', name: 'LEGACY_CHAT' },
    } as const;
    expect(applyModelAlias(row, aliases).modelLookup).toEqual({
      kind: 'name',
      provider: null,
      name: 'gpt-4o-mini',
    });
  });

  test('rows without alias, with their own size, or with the model in a billing text are unchanged', () => {
    const other = { ...ROW, modelLookup: { kind: 'name', provider: 'openai', name: 'gpt-4o' } } as const;
    expect(applyModelAlias(other, aliases)).toBe(other);
    const sized = { ...ROW, overrides: { activeParamsB: 3 } };
    expect(applyModelAlias(sized, aliases)).toBe(sized);
    const billing = { ...ROW, modelLookup: { kind: 'description', provider: null } } as const;
    expect(applyModelAlias(billing, aliases)).toBe(billing);
  });
});
