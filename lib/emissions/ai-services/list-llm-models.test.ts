import { describe, expect, test } from 'vitest';
import { smallLlmRepository } from '../testing/small-llm-repository';
import { listLlmModels, pageLlmModels } from './list-llm-models';

const dense = (provider: string, name: string) => ({
  provider,
  name,
  architecture: { type: 'dense' as const, parameters: 8 },
  warnings: null,
});
const repository = smallLlmRepository({
  models: [
    dense('openai', 'gpt-4o'),
    dense('mistralai', 'open-mistral-7b'),
    dense('openai', 'gpt-4o-mini'),
    dense('anthropic', 'claude-3-haiku'),
    dense('mistralai', 'codestral-2501'),
  ],
  mixes: 'USA,1e-7,9,0.4,3\n',
  profiles: 'openai,USA,1.2,1.2,0.5,0.5\nmistralai,USA,1.2,1.2,0.5,0.5\nanthropic,USA,1.2,1.2,0.5,0.5\n',
  services: 'openai,OpenAI API,openai\n',
});

describe('the model repository listing', () => {
  test('each model once, by provider then name', () => {
    expect(listLlmModels(repository).map((m) => `${m.provider}/${m.name}`)).toEqual([
      'anthropic/claude-3-haiku',
      'mistralai/codestral-2501',
      'mistralai/open-mistral-7b',
      'openai/gpt-4o',
      'openai/gpt-4o-mini',
    ]);
  });

  test('search by name or provider label, separators ignored; pages of 2', () => {
    const all = listLlmModels(repository);
    expect(pageLlmModels(all, 'GPT4o', 1, 2).models.map((m) => m.name)).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(pageLlmModels(all, 'mistral ai', 1, 10).matching).toBe(2);
    // 5 models, 2 a page: 3 pages; page 3 holds the fifth; a page past the end shows the last.
    expect(pageLlmModels(all, null, 3, 2)).toMatchObject({ matching: 5, page: 3, pages: 3 });
    expect(pageLlmModels(all, null, 9, 2).models.map((m) => m.name)).toEqual(['gpt-4o-mini']);
    expect(pageLlmModels(all, 'nothing', 1, 2)).toMatchObject({ models: [], matching: 0, page: 1, pages: 1 });
  });
});
