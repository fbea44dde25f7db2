import { describe, expect, test } from 'vitest';
import { type TUsageRecordInput, usageRecordSchemaAt } from '@/lib/schemas/usage-record';
import { generateDemoOrganization } from './generate-demo-organization';
import { DEMO_ROLES, INSTRUMENT_TYPES } from './types';

const END = new Date('2026-10-01T00:00:00Z');
const DAY_MS = 86_400_000;
const demo = generateDemoOrganization({ endExclusive: END });
const { records } = demo;

const byPhase = (phase: TUsageRecordInput['phase']) => records.filter((record) => record.phase === phase);
const durationDays = (record: TUsageRecordInput) =>
  (record.endedAt.getTime() - record.startedAt.getTime()) / DAY_MS;

describe('generateDemoOrganization', () => {
  test('is deterministic for the same options and varies with the seed', () => {
    expect(generateDemoOrganization({ endExclusive: END })).toEqual(demo);
    expect(generateDemoOrganization({ endExclusive: new Date(END), months: 18 })).toEqual(demo);
    expect(generateDemoOrganization({ endExclusive: END, seed: 7 }).records).not.toEqual(records);
  });

  test('every record passes the usage-record schema (ranges, ≤ 366 days, not after END + 1 day) unchanged', () => {
    for (const record of records) {
      expect(usageRecordSchemaAt(END).parse(record)).toEqual(record);
    }
  });

  test('produces a few thousand records, all inside the 18-month window', () => {
    expect(records.length).toBeGreaterThan(1_500);
    expect(records.length).toBeLessThan(5_000);
    for (const record of records) {
      expect(record.startedAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2025-04-01T00:00:00Z'));
      expect(record.endedAt.getTime()).toBeLessThanOrEqual(END.getTime());
    }
  });

  test('covers each of the 18 months, from April 2025 to September 2026', () => {
    const months = new Set(records.map((record) => record.startedAt.toISOString().slice(0, 7)));
    expect(months.size).toBe(18);
    expect(records[0]?.startedAt.toISOString().slice(0, 7)).toBe('2025-04');
    expect(records.at(-1)?.startedAt.toISOString().slice(0, 7)).toBe('2026-09');
  });

  test('record ids are present, unique and stable', () => {
    const ids = records.map((record) => record.recordId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(records.length);
    expect(ids).toContain('infer-nw-llm-7b-2026-09-30');
  });

  test('uses at least 3 cloud regions and a metered on-premise cluster', () => {
    const cloudRegions = new Set(
      records
        .filter((record) => record.provider !== 'on_prem' && record.region)
        .map((record) => `${record.provider}/${record.region}`),
    );
    expect(cloudRegions.size).toBeGreaterThanOrEqual(3);
    expect(cloudRegions).toContain('aws/us-east-1');
    expect(cloudRegions).toContain('gcp/europe-west9');
    expect(cloudRegions).toContain('azure/swedencentral');
    const onPrem = records.filter((record) => record.provider === 'on_prem');
    expect(onPrem.length).toBeGreaterThan(10);
    for (const record of onPrem) {
      expect(record.region).toBe('DE');
      expect(record.energyKwh).toBeGreaterThan(0);
      expect(record.pue).toBeGreaterThanOrEqual(1.2);
    }
  });

  test('has every phase and a few rows exercising region/accelerator fallbacks', () => {
    for (const phase of ['training', 'fine_tuning', 'inference', 'evaluation', 'data_processing'] as const) {
      expect(byPhase(phase).length).toBeGreaterThan(0);
    }
    expect(records.filter((record) => !record.region).length).toBeGreaterThan(0);
    expect(records.filter((record) => !record.accelerator).length).toBeGreaterThan(0);
    expect(records.filter((record) => record.acceleratorPowerW !== undefined).length).toBeGreaterThan(5);
    const accelerators = new Set(records.map((record) => record.accelerator).filter(Boolean));
    expect([...accelerators].sort()).toEqual(['A100-SXM4-80GB', 'H100 SXM', 'L4', 'T4', 'TPU v4']);
  });

  test('all four teams have records and every reference resolves to the catalogue', () => {
    const teamSlugs = demo.teams.map((team) => team.slug);
    expect(teamSlugs).toHaveLength(4);
    expect(new Set(records.map((record) => record.team))).toEqual(new Set(teamSlugs));
    expect(demo.projects.length).toBeGreaterThanOrEqual(9);
    const projectTeam = new Map(demo.projects.map((project) => [project.slug, project.teamSlug]));
    const modelNames = new Set(demo.models.map((model) => model.name));
    for (const record of records) {
      expect(projectTeam.get(record.project ?? '')).toBe(record.team);
      if (record.model) {
        expect(modelNames).toContain(record.model);
      }
    }
    expect(new Set(records.map((record) => record.project)).size).toBe(demo.projects.length);
  });

  test('ranges from single-GPU fine-tunes to multi-week runs on hundreds of accelerators', () => {
    const bigRuns = byPhase('training').filter(
      (record) => (record.acceleratorCount ?? 0) >= 128 && durationDays(record) >= 14,
    );
    expect(bigRuns.length).toBeGreaterThanOrEqual(2);
    expect(
      bigRuns.some((record) => record.acceleratorCount === 256 && record.accelerator === 'H100 SXM'),
    ).toBe(true);
    const singleGpu = byPhase('fine_tuning').filter((record) => record.acceleratorCount === 1);
    expect(singleGpu.length).toBeGreaterThan(0);
    expect(singleGpu.every((record) => durationDays(record) < 1)).toBe(true);
    for (const record of [...byPhase('training'), ...byPhase('fine_tuning')]) {
      expect(record.utilization).toBeGreaterThanOrEqual(0.6);
      expect(record.utilization).toBeLessThanOrEqual(0.9);
    }
  });

  test('each deployed model has exactly one inference row per day from launch to the last day', () => {
    const inference = byPhase('inference');
    const models = new Set(inference.map((record) => record.model));
    expect(models.size).toBeGreaterThanOrEqual(3);
    for (const model of models) {
      const days = inference
        .filter((record) => record.model === model)
        .map((record) => record.startedAt.getTime())
        .sort((a, b) => a - b);
      for (let index = 1; index < days.length; index += 1) {
        expect((days[index] ?? 0) - (days[index - 1] ?? 0)).toBe(DAY_MS);
      }
      expect(days.at(-1)).toBe(END.getTime() - DAY_MS);
    }
    for (const record of inference) {
      expect(durationDays(record)).toBe(1);
      expect(record.requests).toBeGreaterThan(0);
      expect(record.tokens).toBeGreaterThan(record.requests ?? 0);
    }
  });

  test('inference traffic grows over time and dips at weekends', () => {
    const rows = byPhase('inference').filter((record) => record.model === 'nw-llm-7b');
    const mean = (list: TUsageRecordInput[]) =>
      list.reduce((sum, record) => sum + (record.requests ?? 0), 0) / list.length;
    expect(mean(rows.slice(-28))).toBeGreaterThan(3 * mean(rows.slice(30, 58)));
    const weekend = rows.filter((record) => [0, 6].includes(record.startedAt.getUTCDay()));
    const weekdays = rows.filter((record) => ![0, 6].includes(record.startedAt.getUTCDay()));
    expect(mean(weekend)).toBeLessThan(mean(weekdays));
  });

  test('inference overtakes training in the lifecycle of the flagship model', () => {
    const hours = (phase: TUsageRecordInput['phase']) =>
      byPhase(phase)
        .filter((record) => record.model === 'nw-llm-7b')
        .reduce((sum, record) => sum + (record.acceleratorHours ?? 0), 0);
    const firstTraining = byPhase('training').find((record) => record.model === 'nw-llm-7b');
    const firstInference = byPhase('inference').find((record) => record.model === 'nw-llm-7b');
    expect(firstTraining && firstInference && firstTraining.endedAt <= firstInference.startedAt).toBe(true);
    expect(hours('inference')).toBeGreaterThan(hours('training') + hours('fine_tuning'));
  });

  test('has one user per role, the owner being demo@aifootprint.local', () => {
    expect(demo.organization.slug).toBe('demo');
    expect(demo.users.map((user) => user.role).sort()).toEqual([...DEMO_ROLES].sort());
    expect(demo.users.find((user) => user.role === 'owner')?.email).toBe('demo@aifootprint.local');
    expect(new Set(demo.users.map((user) => user.email)).size).toBe(demo.users.length);
  });

  test('energy contracts are well-formed and derived from the window', () => {
    expect(demo.energyContracts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(demo.energyContracts.map((contract) => contract.id)).size).toBe(
      demo.energyContracts.length,
    );
    for (const contract of demo.energyContracts) {
      expect(INSTRUMENT_TYPES).toContain(contract.instrumentType);
      expect(contract.periodEnd.getTime()).toBeGreaterThan(contract.periodStart.getTime());
      expect(contract.mwh).toBeGreaterThan(0);
    }
    expect(demo.energyContracts.map((contract) => contract.id)).toContain('go-fr-2025');
    expect(demo.energyContracts.some((contract) => contract.instrumentType === 'PPA')).toBe(true);
  });

  test('supports shorter windows and non-midnight end dates', () => {
    const short = generateDemoOrganization({ endExclusive: new Date('2026-03-15T13:45:00Z'), months: 6 });
    expect(short.records.length).toBeGreaterThan(300);
    for (const record of short.records) {
      expect(() => usageRecordSchemaAt(new Date('2026-03-15T13:45:00Z')).parse(record)).not.toThrow();
      expect(record.startedAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2025-09-15T00:00:00Z'));
      expect(record.endedAt.getTime()).toBeLessThanOrEqual(Date.parse('2026-03-15T00:00:00Z'));
    }
  });

  test('rejects invalid options', () => {
    expect(() => generateDemoOrganization({ endExclusive: new Date('nope') })).toThrow(/endExclusive/);
    expect(() => generateDemoOrganization({ endExclusive: END, months: 0 })).toThrow(/months/);
  });
});
