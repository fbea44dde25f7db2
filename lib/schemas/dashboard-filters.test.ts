import { expect, test } from 'vitest';
import { dashboardFiltersToSearch, parseDashboardFilters, withOnly } from './dashboard-filters';

test('defaults: last 12 months and no dimension filters', () => {
  expect(parseDashboardFilters({})).toEqual({
    range: 'last_12_months',
    from: undefined,
    to: undefined,
    quarter: undefined,
    basis: 'location',
    team: [],
    project: [],
    model: [],
    phase: [],
    region: [],
    provider: [],
    aiService: [],
  });
  expect(dashboardFiltersToSearch(parseDashboardFilters({})).toString()).toBe('');
});

test('aiService (a filter dimension since the rollups have it) survives a round trip through the URL', () => {
  const f = parseDashboardFilters(new URLSearchParams('aiService=openai,aws-bedrock&aiService=openai'));
  expect(f.aiService).toEqual(['openai', 'aws-bedrock']);
  expect(dashboardFiltersToSearch(f).toString()).toBe('aiService=openai&aiService=aws-bedrock');
});

test('repeated keys and comma lists are both accepted; unknown enum values are dropped', () => {
  const f = parseDashboardFilters(
    new URLSearchParams('team=research&team=search,platform&phase=inference,bogus&provider=gcp'),
  );
  expect(f.team).toEqual(['research', 'search', 'platform']);
  expect(f.phase).toEqual(['inference']);
  expect(f.provider).toEqual(['gcp']);
});

test('invalid range and dates fall back instead of throwing', () => {
  const f = parseDashboardFilters({ range: 'forever', from: '2026-13-45', to: ['2026-01-31', 'x'] });
  expect(f.range).toBe('last_12_months');
  expect(f.from).toBeUndefined();
  expect(f.to).toBe('2026-01-31');
});

test('round trip through the URL and narrowing one dimension', () => {
  const f = parseDashboardFilters({
    range: 'custom',
    from: '2026-01-01',
    to: '2026-03-31',
    model: ['a', 'b'],
  });
  expect(parseDashboardFilters(dashboardFiltersToSearch(f))).toEqual(f);
  const narrowed = withOnly(f, 'model', 'nw-llm-7b');
  expect(narrowed.model).toEqual(['nw-llm-7b']);
  expect(narrowed.range).toBe('custom');
  expect(withOnly(f, 'provider', 'aws').provider).toEqual(['aws']);
});

test('issue #23: the chosen quarter and the market basis survive a round trip through the URL', () => {
  const filters = parseDashboardFilters({
    range: 'quarter',
    quarter: '2026-Q3',
    basis: 'market',
    team: 'platform',
  });
  expect(dashboardFiltersToSearch(filters).toString()).toBe(
    'range=quarter&quarter=2026-Q3&team=platform&basis=market',
  );
  expect(parseDashboardFilters({ quarter: '2026-Q5', basis: 'both' })).toMatchObject({
    quarter: undefined,
    basis: 'location',
  });
});
