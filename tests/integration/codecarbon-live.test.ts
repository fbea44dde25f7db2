import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as postEmission } from '@/app/api/codecarbon/emissions/route';
import { POST as postRun } from '@/app/api/codecarbon/runs/route';
import type { TUserActor } from '@/lib/auth/actor';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { expectContract } from '../support/api-contract';
import {
  createTrackerOrg,
  codecarbonEmission as emission,
  CODECARBON_RUN as RUN,
  trackerCall,
} from '../support/codecarbon-tracker';

let editor: { orgId: string; userId: string; actor: TUserActor };
let apiKey: string;

const call = (path: string, body: unknown, key = apiKey) => trackerCall(path, body, key);

beforeAll(async () => {
  ({ editor, apiKey } = await createTrackerOrg('Tracker'));
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('CodeCarbon-compatible live ingestion', () => {
  test('a run, three emission posts and a retry → exactly one record with the summed deltas', async () => {
    const created = await postRun(call('/runs', RUN));
    expect(created.status).toBe(201);
    const run = (await expectContract('post', '/api/codecarbon/runs', created)) as {
      id: string;
      experiment_id: string;
    };
    expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.experiment_id).toBe(RUN.experiment_id);

    const deltas = [0.5, 0.75, 0.25];
    for (const [i, energy] of deltas.entries()) {
      const response = await postEmission(call('/emissions', emission(run.id, i, energy)));
      expect(response.status).toBe(201);
      expect(typeof (await expectContract('post', '/api/codecarbon/emissions', response))).toBe('string');
    }
    // The tracker has no retry of its own, but proxies and our users' wrappers do: an exact resend.
    const retry = await postEmission(call('/emissions', emission(run.id, 2, 0.25)));
    expect(retry.status).toBe(201);

    const records = await getPrisma().usageRecord.findMany({ where: { orgId: editor.orgId } });
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?.externalId).toBe(`codecarbon:${run.id}`);
    expect(record?.measuredEnergyKwh).toBeCloseTo(1.5, 12);
    expect(record?.isMeasured).toBe(true);
    expect(record?.accelerator).toBe('NVIDIA H100 80GB HBM3');
    expect(record?.acceleratorCount).toBe(2);
    expect(record?.startedAt.toISOString()).toBe('2026-08-08T09:35:50.123Z');
    expect(record?.endedAt.toISOString()).toBe('2026-08-08T09:41:50.123Z');
    expect(record?.locationKgCo2e).toBeGreaterThan(0);
    expect(record?.facilityEnergyKwh).toBeCloseTo(1.5 * (record?.pueApplied ?? 0), 9);
    const source = record?.sourceData as {
      codecarbon: { emissions: unknown[]; run: { codecarbon_version: string } };
    };
    expect(source.codecarbon.emissions).toHaveLength(3);
    expect(source.codecarbon.run.codecarbon_version).toBe('3.0.4');
  });

  test('invalid payloads are 422, unknown runs 404, bad keys 401; nothing stored', async () => {
    const before = await getPrisma().usageRecord.count({ where: { orgId: editor.orgId } });
    const badRun = await postRun(call('/runs', { ...RUN, experiment_id: 'not-a-uuid' }));
    expect(badRun.status).toBe(422);
    const badBody = (await expectContract('post', '/api/codecarbon/runs', badRun)) as {
      error: { details: { field: string }[] };
    };
    expect(badBody.error.details[0]?.field).toBe('experiment_id');
    const negative = await postEmission(
      call('/emissions', { ...emission('40088f1a-d28e-4980-8d80-bf5600056a14', 0, 1), energy_consumed: -1 }),
    );
    expect(negative.status).toBe(422);
    const unknown = await postEmission(
      call('/emissions', emission('40088f1a-d28e-4980-8d80-bf5600056a14', 0, 1)),
    );
    expect(unknown.status).toBe(404);
    await expectContract('post', '/api/codecarbon/emissions', unknown);
    const forged = await postRun(call('/runs', RUN, 'aif_forged'));
    expect(forged.status).toBe(401);
    await expectContract('post', '/api/codecarbon/runs', forged);
    expect(await getPrisma().usageRecord.count({ where: { orgId: editor.orgId } })).toBe(before);
  });

  test('emissions that push the run past the record bounds are 422 naming the field; the run keeps its last valid state', async () => {
    const created = await postRun(call('/runs', RUN));
    const { id } = (await created.json()) as { id: string };
    expect((await postEmission(call('/emissions', emission(id, 0, 2)))).status).toBe(201);
    const record = () =>
      getPrisma().usageRecord.findFirst({ where: { orgId: editor.orgId, externalId: `codecarbon:${id}` } });
    const before = await record();
    expect(before?.measuredEnergyKwh).toBe(2);
    // Two posts of 1.5e308 kWh used to sum to Infinity (500 "value out of range"); 1.5e308 alone is already far
    // above the 1e10 kWh a record may hold.
    const huge = await postEmission(call('/emissions', { ...emission(id, 1, 1.5e308) }));
    expect(huge.status).toBe(422);
    const body = (await expectContract('post', '/api/codecarbon/emissions', huge)) as {
      error: { details: { field: string; message: string }[] };
    };
    expect(body.error.details.map((d) => d.field)).toEqual(['energyKwh']);
    expect(body.error.details[0]?.message).toContain('10,000,000,000 kWh');
    // 32,000,000 s = 370 days > 366.
    const long = await postEmission(call('/emissions', { ...emission(id, 2, 1), duration: 32_000_000 }));
    expect(long.status).toBe(422);
    const longBody = (await long.json()) as { error: { details: { field: string; message: string }[] } };
    expect(longBody.error.details[0]?.field).toBe('endedAt');
    expect(longBody.error.details[0]?.message).toContain('at most 366 days');
    const after = await record();
    expect(after?.measuredEnergyKwh).toBe(2);
    expect(after?.endedAt).toEqual(before?.endedAt);
  });
});
