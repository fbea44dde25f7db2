import { POST as postExperiment } from '@/app/api/codecarbon/experiments/route';
import { POST as postProject } from '@/app/api/codecarbon/projects/route';
import { POST as postRun } from '@/app/api/codecarbon/runs/route';
import { POST as postAiUsage } from '@/app/api/v1/ai-usage/route';
import { POST as postUpload } from '@/app/api/v1/uploads/route';
import { userActor } from '@/lib/auth/actor';
import { GENERIC_TEMPLATE_CSV } from '@/lib/ingest/templates';
import { ZEnergyContractCreate } from '@/lib/schemas/api-v1-contracts';
import { ZGridFactorOverrideInput } from '@/lib/schemas/factor-override';
import { ZHardwareAssetInput } from '@/lib/schemas/hardware-asset';
import { ZBudgetInput, ZTargetInput } from '@/lib/schemas/targets';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { createInvitation } from '@/lib/server/access/invitations';
import { getPrisma } from '@/lib/server/db/prisma';
import { createEnergyContract } from '@/lib/server/factors/energy-contract-admin';
import { createGridFactorOverride } from '@/lib/server/factors/factor-overrides';
import { saveNameAlias } from '@/lib/server/factors/name-aliases';
import { freezeReport } from '@/lib/server/reports/report-versions';
import { saveBudget } from '@/lib/server/targets/budgets';
import { saveTarget } from '@/lib/server/targets/targets';
import { createHardwareAsset } from '@/lib/server/usage/hardware-assets';
import { seq, type TOrgFixture } from './world';

// Objects of one organisation, created through the app's own code paths (route handlers with the owner's token,
// or lib/server with the owner's context). Each call makes a new object, so a case can delete what it prepared.

const NOW = new Date('2026-11-29T12:00:00Z');
const ownerCtx = (org: TOrgFixture) => ({
  orgId: org.orgId,
  actor: org.members.owner.actor,
  role: 'owner' as const,
});
const json = (token: string, body: unknown) => ({
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function created<T>(response: Response): Promise<T> {
  if (response.status >= 300) {
    throw new Error(`fixture call failed: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** A one-row CSV whose content (and so content hash) is unique. */
export function uniqueCsv(): string {
  const n = seq();
  return `${GENERIC_TEMPLATE_CSV}rm-${n},training,2025-03-01T00:00:00Z,2025-03-02T00:00:00Z,ml-platform,llm-7b,llm-7b-v1,aws,us-east-1,,,,NVIDIA A100-SXM4-80GB,8,${100 + n},400,0.85,,,,,,,,35000,\n`;
}

export const make = {
  async upload(org: TOrgFixture): Promise<string> {
    const response = await postUpload(
      new Request('http://localhost/api/v1/uploads?fileName=fixture.csv', {
        method: 'POST',
        headers: { authorization: `Bearer ${org.ownerToken}`, 'content-type': 'text/csv' },
        body: uniqueCsv(),
      }),
    );
    return (await created<{ id: string }>(response)).id;
  },
  /**
   * One day of gpt-4o usage through `POST /api/v1/ai-usage` (the switch-model what-if needs usage to act on).
   * Idempotent by its id: calling it again for the same organisation stores nothing new.
   */
  async aiUsage(org: TOrgFixture): Promise<{ service: string; model: string }> {
    const row = {
      id: 'authz-ai-usage',
      provider: 'openai',
      model: 'gpt-4o',
      startedAt: '2026-03-02',
      endedAt: '2026-03-03',
      inputTokens: 10_000,
      outputTokens: 20_000,
      requests: 40,
    };
    const response = await postAiUsage(
      new Request('http://localhost/api/v1/ai-usage', json(org.ownerToken, [row])),
    );
    if (response.status !== 201 && response.status !== 200) {
      throw new Error(`AI usage fixture refused: ${response.status} ${await response.text()}`);
    }
    return { service: row.provider, model: row.model };
  },
  async recordId(org: TOrgFixture): Promise<string> {
    await make.upload(org);
    return (await getPrisma().usageRecord.findFirstOrThrow({ where: { orgId: org.orgId } })).id;
  },
  async codecarbon(org: TOrgFixture): Promise<{ projectId: string; experimentId: string; runId: string }> {
    const url = 'http://localhost/api/codecarbon';
    const project = await created<{ id: string }>(
      await postProject(new Request(`${url}/projects`, json(org.ownerToken, { name: `p-${seq()}` }))),
    );
    const experiment = await created<{ id: string }>(
      await postExperiment(
        new Request(
          `${url}/experiments`,
          json(org.ownerToken, {
            timestamp: '2026-08-08T11:35:50+02:00',
            name: `e-${seq()}`,
            project_id: project.id,
            country_iso_code: 'FRA',
          }),
        ),
      ),
    );
    const run = await created<{ id: string }>(
      await postRun(new Request(`${url}/runs`, json(org.ownerToken, codecarbonRun(experiment.id)))),
    );
    return { projectId: project.id, experimentId: experiment.id, runId: run.id };
  },
  async energyContract(org: TOrgFixture): Promise<string> {
    const input = ZEnergyContractCreate.parse(energyContractBody());
    return (await createEnergyContract(ownerCtx(org), input, NOW)).contract.id;
  },
  async nameAlias(org: TOrgFixture): Promise<string> {
    return (await saveNameAlias(ownerCtx(org), nameAliasBody())).id;
  },
  async gridOverride(org: TOrgFixture): Promise<string> {
    const zone = `Z${seq()}`;
    await createGridFactorOverride(ownerCtx(org), ZGridFactorOverrideInput.parse(gridOverride(zone)), {
      now: NOW,
    });
    return (await getPrisma().emissionFactor.findFirstOrThrow({ where: { orgId: org.orgId, zone } })).id;
  },
  async hardwareAsset(org: TOrgFixture): Promise<string> {
    const input = ZHardwareAssetInput.parse(hardwareForm());
    return (await createHardwareAsset(ownerCtx(org), input)).id;
  },
  async target(org: TOrgFixture): Promise<string> {
    return (await saveTarget(ownerCtx(org), ZTargetInput.parse(targetForm()))).id;
  },
  async team(org: TOrgFixture): Promise<string> {
    const slug = `team-${seq()}`;
    return (await getPrisma().team.create({ data: { orgId: org.orgId, slug, name: slug } })).id;
  },
  async budget(org: TOrgFixture): Promise<string> {
    const teamId = await make.team(org);
    return (await saveBudget(ownerCtx(org), ZBudgetInput.parse(budgetForm(teamId)))).id;
  },
  async budgetAlert(org: TOrgFixture): Promise<string> {
    const budgetId = await make.budget(org);
    const alert = await getPrisma().budgetAlert.create({
      data: {
        orgId: org.orgId,
        budgetId,
        thresholdPct: 80,
        periodKey: '2025-Q1',
        actualKgCo2e: 90,
        budgetKgCo2e: 100,
        recordCount: 1,
      },
    });
    return alert.id;
  },
  async invitation(org: TOrgFixture, email = `invitee-${seq()}@example.test`) {
    return createInvitation(ownerCtx(org), { email, role: 'viewer' }, new Date());
  },
  async token(org: TOrgFixture, userId: string): Promise<string> {
    return (await createApiToken({ orgId: org.orgId, userId }, `t-${seq()}`)).id;
  },
  /** A frozen report version of a period of its own, prepared by `preparerId`. */
  async frozenVersion(org: TOrgFixture, preparerId: string): Promise<{ period: string; version: number }> {
    const period = `${2000 + seq()}-Q1`;
    const { version } = await freezeReport(
      { orgId: org.orgId, actor: userActor(preparerId) },
      period,
      new Date(),
    );
    return { period, version: version.version };
  },
  async recommendationPlan(org: TOrgFixture): Promise<string> {
    const key = `fixture:${seq()}`;
    await getPrisma().recommendationPlan.create({
      data: {
        orgId: org.orgId,
        recommendationKey: key,
        title: 'Fixture',
        scope: {},
        estimatedAnnualKgCo2e: 1,
        status: 'proposed',
      },
    });
    return key;
  },
};

export const codecarbonRun = (experimentId: string) => ({
  timestamp: '2026-08-08T11:35:50.123456+02:00',
  experiment_id: experimentId,
  region: 'hesse',
  gpu_count: 1,
  gpu_model: 'NVIDIA H100 80GB HBM3',
});

export const codecarbonEmission = (runId: string) => ({
  timestamp: `2026-08-08T12:${String(seq() % 60).padStart(2, '0')}:00+02:00`,
  run_id: runId,
  duration: 60,
  energy_consumed: 0.5,
});

export const energyContractBody = () => ({
  reference: `GO-${seq()}`,
  instrumentType: 'GO',
  marketZone: 'fr',
  periodStart: '2026-01-01',
  periodEnd: '2027-01-01',
  volumeMwh: 10,
  gCo2ePerKwh: 0,
  supplier: 'Hydro du Rhône',
});

export const gridOverride = (zone = `Z${seq()}`) => ({
  zone,
  validFrom: '2025-01-01',
  validTo: '2026-01-01',
  gCo2ePerKwh: '10',
  basis: 'lifecycle',
  source: 'Supplier disclosure',
});

export const hardwareForm = () => ({
  name: `asset-${seq()}`,
  hardwareType: 'NVIDIA H100',
  unitCount: '2',
  purchasedOn: '2025-01-15',
  embodiedKgCo2ePerUnit: '1500',
  embodiedSource: 'Supplier PCF',
  expectedLifetimeYears: '4',
});

export const targetForm = () => ({
  id: '',
  name: `target-${seq()}`,
  teamId: '',
  metric: 'absolute',
  basis: 'location',
  periodKind: 'year',
  baseYear: '2025',
  baseValue: '100',
  targetYear: '2030',
  targetValue: '50',
});

export const budgetForm = (teamId: string) => ({
  id: '',
  teamId,
  periodKind: 'quarter',
  basis: 'location',
  amountKgCo2e: '1000',
});

/** Usage records as the JSON API takes them, with unique ids. */
export const usageRecords = () => [
  {
    recordId: `api-${seq()}`,
    phase: 'inference',
    startedAt: '2026-03-10',
    endedAt: '2026-03-11',
    provider: 'azure',
    region: 'westeurope',
    requests: 1000,
    energyPerRequestWh: 0.3,
  },
];

/** A mapping of a name the catalog does not know to the bundled H100 SXM. */
export const nameAliasBody = () => ({
  kind: 'accelerator' as const,
  alias: `Lab card ${seq()}`,
  target: 'H100 SXM',
});
