import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as authCheck } from '@/app/api/codecarbon/auth/check/route';
import { POST as postEmission } from '@/app/api/codecarbon/emissions/route';
import { GET as getExperiment } from '@/app/api/codecarbon/experiments/[id]/route';
import { GET as getExperimentRuns } from '@/app/api/codecarbon/experiments/[id]/runs/route';
import { POST as postExperiment } from '@/app/api/codecarbon/experiments/route';
import { GET as orgProjects } from '@/app/api/codecarbon/organizations/[id]/projects/route';
import { GET as getOrganization } from '@/app/api/codecarbon/organizations/[id]/route';
import { GET as listOrganizations } from '@/app/api/codecarbon/organizations/route';
import { GET as projectExperiments } from '@/app/api/codecarbon/projects/[id]/experiments/route';
import { GET as getProject } from '@/app/api/codecarbon/projects/[id]/route';
import { POST as postProject } from '@/app/api/codecarbon/projects/route';
import { GET as getRun } from '@/app/api/codecarbon/runs/[id]/route';
import { POST as postRun } from '@/app/api/codecarbon/runs/route';
import { GET as getRecord } from '@/app/api/v1/records/[id]/route';
import type { TUserActor } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { expectContract } from '../support/api-contract';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor } from '../support/upload-fixtures';

// The calls CodeCarbon's ApiClient and CLI make (codecarbon/core/api_client.py), with its payload shapes:
// x-api-token header, snake_case bodies, timestamps from arrow.now().isoformat().
let editor: { orgId: string; userId: string; actor: TUserActor };
let apiKey: string;

const base = 'http://localhost/api/codecarbon';
const headers = (key = apiKey) => ({ 'content-type': 'application/json', 'x-api-token': key });
const get = (path: string, key = apiKey) => new Request(`${base}${path}`, { headers: headers(key) });
const post = (path: string, body: unknown) =>
  new Request(`${base}${path}`, { method: 'POST', headers: headers(), body: JSON.stringify(body) });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

const experimentCreate = (projectId: string, extra: Record<string, unknown> = {}) => ({
  timestamp: '2026-11-02T09:00:00.512345+01:00',
  name: 'llm-pretrain',
  description: 'Pre-training on the Paris cluster',
  on_cloud: false,
  project_id: projectId,
  country_name: 'France',
  country_iso_code: 'FRA',
  region: 'île-de-france',
  pue: 1.2,
  ...extra,
});

const runCreate = (experimentId: string) => ({
  timestamp: '2026-11-02T10:00:00.000001+01:00',
  experiment_id: experimentId,
  os: 'Linux-6.8.0-x86_64-with-glibc2.39',
  python_version: '3.12.3',
  codecarbon_version: '3.3.0',
  cpu_count: 64,
  cpu_model: 'AMD EPYC 9354 32-Core Processor',
  gpu_count: 4,
  gpu_model: '4 x NVIDIA H100 80GB HBM3',
  longitude: 2.3,
  latitude: 48.9,
  region: 'île-de-france',
  provider: null,
  ram_total_size: 503.5,
  tracking_mode: 'machine',
});

const emission = (runId: string, minute: number, energyKwh: number) => ({
  timestamp: `2026-11-02T10:${String(minute).padStart(2, '0')}:00.250000+01:00`,
  run_id: runId,
  duration: 120,
  emissions_sum: energyKwh * 0.05,
  emissions_rate: (energyKwh * 0.05) / 120,
  cpu_power: 120.5,
  gpu_power: 2400.0,
  ram_power: 60.0,
  cpu_energy: energyKwh * 0.05,
  gpu_energy: energyKwh * 0.92,
  ram_energy: energyKwh * 0.03,
  energy_consumed: energyKwh,
  cpu_utilization_percent: 22.5,
  gpu_utilization_percent: 93.0,
  ram_utilization_percent: 41.0,
  wue: 0,
});

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  editor = await createOrgWithEditor('Compat');
  apiKey = (await createApiToken(editor, 'codecarbon')).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('CodeCarbon API compatibility', () => {
  test('auth check, organisation and project reads and creation', async () => {
    const check = await authCheck(get('/auth/check'));
    expect(check.status).toBe(200);
    const me = (await expectContract('get', '/api/codecarbon/auth/check', check)) as {
      organization_id: string;
    };
    expect(me.organization_id).toBe(editor.orgId);
    const denied = await authCheck(get('/auth/check', 'aif_not-a-key'));
    expect(denied.status).toBe(401);
    await expectContract('get', '/api/codecarbon/auth/check', denied);

    const orgs = (await expectContract(
      'get',
      '/api/codecarbon/organizations',
      await listOrganizations(get('/organizations')),
    )) as { id: string; name: string }[];
    expect(orgs.map((o) => o.id)).toEqual([editor.orgId]);
    const org = await getOrganization(get(`/organizations/${editor.orgId}`), params(editor.orgId));
    expect(
      ((await expectContract('get', '/api/codecarbon/organizations/{id}', org)) as { name: string }).name,
    ).toBe(orgs[0]?.name);
    const foreign = await getOrganization(
      get('/organizations/x'),
      params('00000000-0000-4000-8000-000000000000'),
    );
    expect(foreign.status).toBe(404);

    const created = await postProject(
      post('/projects', { name: 'Foundation Models', description: 'LLMs', organization_id: editor.orgId }),
    );
    expect(created.status).toBe(201);
    const project = (await expectContract('post', '/api/codecarbon/projects', created)) as { id: string };
    // Same name again → the same project (matched by slug), not a duplicate.
    const again = (await (await postProject(post('/projects', { name: 'foundation models' }))).json()) as {
      id: string;
    };
    expect(again.id).toBe(project.id);
    const listed = (await expectContract(
      'get',
      '/api/codecarbon/organizations/{id}/projects',
      await orgProjects(get(`/organizations/${editor.orgId}/projects`), params(editor.orgId)),
    )) as { id: string }[];
    expect(listed.map((p) => p.id)).toEqual([project.id]);
    await expectContract(
      'get',
      '/api/codecarbon/projects/{id}',
      await getProject(get('/p'), params(project.id)),
    );
  });

  test('an experiment fixes location and PUE: a live run is computed on-premise in France from IT energy', async () => {
    const project = (await (await postProject(post('/projects', { name: 'Foundation Models' }))).json()) as {
      id: string;
    };
    const created = await postExperiment(post('/experiments', experimentCreate(project.id)));
    expect(created.status).toBe(201);
    const experiment = (await expectContract('post', '/api/codecarbon/experiments', created)) as {
      id: string;
      pue: number;
      country_iso_code: string;
    };
    expect([experiment.pue, experiment.country_iso_code]).toEqual([1.2, 'FRA']);
    await expectContract(
      'get',
      '/api/codecarbon/experiments/{id}',
      await getExperiment(get('/e'), params(experiment.id)),
    );
    const ofProject = (await expectContract(
      'get',
      '/api/codecarbon/projects/{id}/experiments',
      await projectExperiments(get('/p/e'), params(project.id)),
    )) as { id: string }[];
    expect(ofProject.map((e) => e.id)).toEqual([experiment.id]);

    const run = (await (await postRun(post('/runs', runCreate(experiment.id)))).json()) as { id: string };
    for (const [i, energy] of [0.6, 0.6, 0.3].entries()) {
      expect((await postEmission(post('/emissions', emission(run.id, 2 + 2 * i, energy)))).status).toBe(201);
    }
    const readRun = (await expectContract(
      'get',
      '/api/codecarbon/runs/{id}',
      await getRun(get('/r'), params(run.id)),
    )) as {
      id: string;
      experiment_id: string;
    };
    expect(readRun).toMatchObject({ id: run.id, experiment_id: experiment.id });
    const runs = (await expectContract(
      'get',
      '/api/codecarbon/experiments/{id}/runs',
      await getExperimentRuns(get('/e/r'), params(experiment.id)),
    )) as { id: string }[];
    expect(runs.map((r) => r.id)).toEqual([run.id]);

    const record = await getPrisma().usageRecord.findFirstOrThrow({
      where: { orgId: editor.orgId, externalId: `codecarbon:${run.id}` },
      include: { project: true },
    });
    // 1.5 kWh facility energy as posted ÷ the experiment's PUE 1.2 = 1.25 kWh IT energy; PUE 1.2 applied back.
    expect(record.measuredEnergyKwh).toBeCloseTo(1.25, 12);
    expect(record.pueApplied).toBe(1.2);
    expect(record.facilityEnergyKwh).toBeCloseTo(1.5, 12);
    expect([record.provider, record.region, record.countryCode]).toEqual(['on_prem', 'FR', 'FR']);
    expect(record.project?.name).toBe('Foundation Models');
    const source = record.sourceData as { ingestFlags: string[]; codecarbon: { experiment: { id: string } } };
    expect(source.ingestFlags).toEqual(['PUE_REMOVED']);
    expect(source.codecarbon.experiment.id).toBe(experiment.id);

    // The provenance through the JSON API: GET /api/v1/records/{id}.
    const detail = (await expectContract(
      'get',
      '/api/v1/records/{id}',
      await getRecord(
        new Request('http://localhost/api/v1/records/x', { headers: { authorization: `Bearer ${apiKey}` } }),
        params(record.id),
      ),
    )) as { ingestFlags: string[]; gridZone: string; project: string; factorRefs: { kind: string }[] };
    expect(detail).toMatchObject({
      ingestFlags: ['PUE_REMOVED'],
      gridZone: 'FR',
      project: 'foundation-models',
    });
    expect(detail.factorRefs.length).toBeGreaterThan(0);
    const absent = await getRecord(
      new Request('http://localhost/api/v1/records/x', { headers: { authorization: `Bearer ${apiKey}` } }),
      params('00000000-0000-4000-8000-000000000000'),
    );
    expect(absent.status).toBe(404);
  });

  test('a cloud experiment puts runs in the provider region; unknown ids and bad bodies are refused', async () => {
    const cloud = (await (
      await postExperiment(
        post('/experiments', {
          ...experimentCreate('00000000-0000-4000-8000-000000000000'),
          project_id: null,
          on_cloud: true,
          cloud_provider: 'gcp',
          cloud_region: 'europe-west4',
          pue: null,
        }),
      )
    ).json()) as { id: string };
    const run = (await (await postRun(post('/runs', runCreate(cloud.id)))).json()) as { id: string };
    await postEmission(post('/emissions', emission(run.id, 2, 0.4)));
    const record = await getPrisma().usageRecord.findFirstOrThrow({
      where: { orgId: editor.orgId, externalId: `codecarbon:${run.id}` },
    });
    expect([record.provider, record.region, record.measuredEnergyKwh]).toEqual(['gcp', 'europe-west4', 0.4]);

    const unknownProject = await postExperiment(
      post('/experiments', experimentCreate('00000000-0000-4000-8000-000000000000')),
    );
    expect(unknownProject.status).toBe(404);
    await expectContract('post', '/api/codecarbon/experiments', unknownProject);
    const badCountry = await postExperiment(
      post('/experiments', { ...experimentCreate(cloud.id), project_id: null, country_iso_code: 'France' }),
    );
    expect(badCountry.status).toBe(422);
    await expectContract('post', '/api/codecarbon/experiments', badCountry);
    const missingRun = await getRun(get('/r'), params('40088f1a-d28e-4980-8d80-bf5600056a14'));
    expect(missingRun.status).toBe(404);
    await expectContract('get', '/api/codecarbon/runs/{id}', missingRun);
    expect((await getExperiment(get('/e'), params('not-a-uuid'))).status).toBe(404);
  });
});
