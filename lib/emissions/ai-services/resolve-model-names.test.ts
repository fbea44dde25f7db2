import { describe, expect, test } from 'vitest';
import { smallLlmRepository } from '../testing/small-llm-repository';
import type { TAiUsageEstimateRow } from './estimate-ai-usage-row';
import { modelAliasMap } from './model-alias';
import { distinctModelNames, resolveModelName } from './resolve-model-names';

// A small repository in the bundled files' formats: one published dense model, one closed (size estimated).
const repository = smallLlmRepository({
  models: [
    { provider: 'openai', name: 'm-small', architecture: { type: 'dense', parameters: 8 }, warnings: null },
    {
      provider: 'openai',
      name: 'gpt-x',
      architecture: { type: 'moe', parameters: { total: 440, active: { min: 44, max: 132 } } },
      warnings: ['model-arch-not-released'],
    },
  ],
  mixes: 'USA,1e-7,9,0.4,3\n',
  profiles: 'openai,USA,1.2,1.2,0.5,0.5\n',
  services: 'openai,OpenAI API,openai\n',
});

const row = (line: number, name: string, extra: Partial<TAiUsageEstimateRow> = {}): TAiUsageEstimateRow => ({
  line,
  provider: 'openai',
  modelRaw: name,
  modelLookup: { kind: 'name', provider: 'openai', name },
  inputTokens: 1,
  outputTokens: 1,
  requests: null,
  meanLatencyS: null,
  region: null,
  quantityBasis: 'metered',
  ...extra,
});

describe('model names of the upload review', () => {
  test('distinct names with row counts; own-size and billing-text rows are not listed', () => {
    const names = distinctModelNames([
      row(2, 'bot-a'),
      row(3, 'm-small'),
      row(4, 'bot-a'),
      row(5, 'sized', { overrides: { activeParamsB: 7 } }),
      row(6, 'SKU text', { modelLookup: { kind: 'description', provider: null } }),
    ]);
    expect(names).toEqual([
      { service: 'openai', name: 'bot-a', rows: 2 },
      { service: 'openai', name: 'm-small', rows: 1 },
    ]);
  });

  test('a repository model resolves; a closed model says its size is estimated', () => {
    const known = resolveModelName(repository, new Map(), { service: 'openai', name: 'M-Small', rows: 3 });
    expect(known).toMatchObject({ kind: 'model', resolved: true, blocking: false, catalogName: 'm-small' });
    expect(known.notes).toEqual([]);
    const closed = resolveModelName(repository, new Map(), { service: 'openai', name: 'gpt-x', rows: 1 });
    expect(closed.notes[0]).toMatch(/does not publish this model’s size/);
  });

  test('an unknown name blocks until the organisation maps it to a model or a size', () => {
    const entry = { service: 'openai', name: 'support-bot', rows: 4 };
    expect(resolveModelName(repository, new Map(), entry)).toMatchObject({
      resolved: false,
      blocking: true,
      rows: 4,
    });
    const aliases = modelAliasMap([
      { kind: 'model', alias: 'Support Bot', target: 'gpt-x', targetProvider: null },
      { kind: 'model', alias: 'moe-bot', target: '13B/47B', targetProvider: null },
    ]);
    expect(resolveModelName(repository, aliases, entry)).toMatchObject({
      resolved: true,
      blocking: false,
      catalogName: 'gpt-x',
      matchedBy: 'Your organisation’s mapping',
    });
    expect(resolveModelName(repository, aliases, { name: 'moe-bot', rows: 1 })).toMatchObject({
      resolved: true,
      catalogName: 'a model of 13 billion active, 47 billion total parameters',
    });
  });

  test('an unknown provider is not a name to map: its message is the note', () => {
    const r = resolveModelName(repository, new Map(), { service: 'acme-ai', name: 'm-small', rows: 1 });
    expect(r).toMatchObject({ resolved: false, blocking: true });
    expect(r.notes[0]).toMatch(/unknown provider "acme-ai"/);
  });
});
