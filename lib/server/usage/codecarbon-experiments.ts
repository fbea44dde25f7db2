import 'server-only';
import { z } from 'zod';
import type { TLiveExperiment } from '@/lib/codecarbon/live-run';
import { AppError } from '@/lib/errors';
import type {
  TCodecarbonExperiment,
  TCodecarbonExperimentCreate,
} from '@/lib/schemas/codecarbon-experiments';
import { getPrisma } from '@/lib/server/db/prisma';
import { countryAlpha2 } from '../factors/iso-country-codes';
import { slugify } from './teams-and-projects';

// CodeCarbon's project and experiment objects over our tables: a CodeCarbon project IS one of our projects
// (same id, so its runs appear under it on the dashboard); experiments are codecarbon_experiment rows.

const EXPERIMENT_SELECT = {
  id: true,
  startedAt: true,
  name: true,
  description: true,
  onCloud: true,
  projectId: true,
  countryName: true,
  countryIsoCode: true,
  region: true,
  cloudProvider: true,
  cloudRegion: true,
  pue: true,
  wueLPerKwh: true,
} as const;

type TExperimentRow = {
  id: string;
  startedAt: Date;
  name: string;
  description: string | null;
  onCloud: boolean;
  projectId: string | null;
  countryName: string | null;
  countryIsoCode: string | null;
  region: string | null;
  cloudProvider: string | null;
  cloudRegion: string | null;
  pue: number | null;
  wueLPerKwh: number | null;
};

const toExperiment = (e: TExperimentRow): TCodecarbonExperiment => ({
  id: e.id,
  timestamp: e.startedAt.toISOString(),
  name: e.name,
  description: e.description,
  on_cloud: e.onCloud,
  project_id: e.projectId,
  country_name: e.countryName,
  country_iso_code: e.countryIsoCode,
  region: e.region,
  cloud_provider: e.cloudProvider,
  cloud_region: e.cloudRegion,
  pue: e.pue,
  wue: e.wueLPerKwh,
});

const toProject = (orgId: string) => (p: { id: string; name: string }) => ({
  id: p.id,
  name: p.name,
  description: null,
  organization_id: orgId,
});

// Ids are UUID columns: another string names nothing (and must not reach the query as a cast error).
const isUuid = (id: string) => z.uuid().safeParse(id).success;

export async function findCodecarbonProjects(ctx: { orgId: string }) {
  const projects = await getPrisma().project.findMany({
    where: { orgId: ctx.orgId },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  return projects.map(toProject(ctx.orgId));
}

export async function getCodecarbonProject(ctx: { orgId: string }, id: string) {
  const project = isUuid(id)
    ? await getPrisma().project.findFirst({
        where: { orgId: ctx.orgId, id },
        select: { id: true, name: true },
      })
    : null;
  return project ? toProject(ctx.orgId)(project) : null;
}

/** POST /projects: the project of that name (matched by slug like record uploads), created if missing. */
export async function createCodecarbonProject(ctx: { orgId: string }, name: string) {
  const project = await getPrisma().project.upsert({
    where: { orgId_slug: { orgId: ctx.orgId, slug: slugify(name) } },
    create: { orgId: ctx.orgId, slug: slugify(name), name },
    update: {},
    select: { id: true, name: true },
  });
  return toProject(ctx.orgId)(project);
}

export async function createCodecarbonExperiment(
  ctx: { orgId: string },
  input: TCodecarbonExperimentCreate,
): Promise<TCodecarbonExperiment> {
  if (input.project_id && !(await getCodecarbonProject(ctx, input.project_id))) {
    throw new AppError('NOT_FOUND', `Project ${input.project_id} not found in this organisation.`);
  }
  const row = await getPrisma().codecarbonExperiment.create({
    data: {
      orgId: ctx.orgId,
      projectId: input.project_id ?? null,
      name: input.name,
      description: input.description ?? null,
      startedAt: new Date(input.timestamp),
      countryName: input.country_name ?? null,
      countryIsoCode: input.country_iso_code?.toUpperCase() ?? null,
      region: input.region ?? null,
      onCloud: input.on_cloud,
      cloudProvider: input.cloud_provider?.toLowerCase() ?? null,
      cloudRegion: input.cloud_region ?? null,
      pue: input.pue ?? null,
      wueLPerKwh: input.wue ?? null,
    },
    select: EXPERIMENT_SELECT,
  });
  return toExperiment(row);
}

export async function getCodecarbonExperiment(
  ctx: { orgId: string },
  id: string,
): Promise<TLiveExperiment | null> {
  if (!isUuid(id)) {
    return null;
  }
  const row = await getPrisma().codecarbonExperiment.findFirst({
    where: { orgId: ctx.orgId, id },
    select: { ...EXPERIMENT_SELECT, project: { select: { name: true } } },
  });
  return row
    ? {
        ...toExperiment(row),
        project_name: row.project?.name ?? null,
        country_alpha2: countryAlpha2(row.countryIsoCode),
      }
    : null;
}

export async function findCodecarbonExperiments(ctx: { orgId: string }, projectId: string) {
  const rows = await getPrisma().codecarbonExperiment.findMany({
    where: { orgId: ctx.orgId, projectId },
    select: EXPERIMENT_SELECT,
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(toExperiment);
}
