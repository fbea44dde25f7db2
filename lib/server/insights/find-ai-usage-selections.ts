import 'server-only';
import { providerSite } from '@/lib/emissions/ai-services/estimate-ai-service-usage';
import type { TLlmModel, TLlmModelRepository } from '@/lib/emissions/ai-services/llm-model-types';
import { resolveLlmModel } from '@/lib/emissions/ai-services/resolve-llm-model';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TAiUsageSelection } from '@/lib/insights/switch-model';
import { getPrisma } from '@/lib/server/db/prisma';
import { getLlmModelRepository } from '../factors/llm-model-repository-cache';
import { INPUT_SELECT, type TStoredRow, toInput } from '../usage/recompute';
import { INSIGHT_MAX_RECORDS } from './insight-inputs';

/** Every model of the repository once (the map also holds each upstream alias and ours). */
export function repositoryModels(repository: TLlmModelRepository = getLlmModelRepository()): TLlmModel[] {
  return [...new Map([...repository.models.values()].map((m) => [`${m.provider}/${m.name}`, m])).values()];
}

/** The provider profile's site (PUE, WUE, default zone mix) a repository model runs at. */
export function siteOfModel(model: TLlmModel, repository: TLlmModelRepository = getLlmModelRepository()) {
  const profile = repository.profiles.get(model.provider);
  return profile ? providerSite(profile, repository.electricityMixes) : null;
}

/**
 * The organisation's AI-service records matching `where`, grouped by service and model (read from usage_record:
 * `ai_service`, the token split, stored cost and the method's embodied share), with the repository model each
 * group resolved to. Groups whose model the repository no longer resolves are left out.
 */
export async function findAiUsageSelections(
  ctx: { orgId: string },
  where: Prisma.UsageRecordWhereInput,
): Promise<TAiUsageSelection[]> {
  const rows = await getPrisma().usageRecord.findMany({
    where: { ...where, orgId: ctx.orgId, aiService: { not: null }, model: { not: null } },
    select: {
      ...INPUT_SELECT,
      model: true,
      inputTokens: true,
      outputTokens: true,
      cost: true,
      embodiedKgCo2e: true,
    },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    take: INSIGHT_MAX_RECORDS,
  });
  const repository = getLlmModelRepository();
  const groups = new Map<string, TAiUsageSelection & { records: ReturnType<typeof toInput>[] }>();
  for (const row of rows) {
    const service = row.aiService as string;
    const name = row.model as string;
    const key = `${service}\u0000${name}`;
    let group = groups.get(key);
    if (!group) {
      const resolved = resolveLlmModel(repository, service, name);
      if (resolved.kind !== 'model') {
        continue;
      }
      group = {
        service,
        model: resolved.model,
        inputTokens: 0,
        outputTokens: 0,
        requests: 0,
        storedCost: 0,
        records: [],
        embodiedKgCo2e: 0,
      };
      groups.set(key, group);
    }
    group.inputTokens += row.inputTokens ?? 0;
    group.outputTokens += row.outputTokens ?? 0;
    group.requests += row.requests ?? 0;
    group.storedCost = group.storedCost === null || row.cost === null ? null : group.storedCost + row.cost;
    group.embodiedKgCo2e += row.embodiedKgCo2e;
    group.records.push(toInput(row as unknown as TStoredRow));
  }
  return [...groups.values()].sort((a, b) => b.outputTokens - a.outputTokens);
}
