import 'server-only';
import { resolveDateRange } from '@/lib/dashboard/date-range';
import { resolveLlmModel } from '@/lib/emissions/ai-services/resolve-llm-model';
import { AppError } from '@/lib/errors';
import { inputsPriceSourceText } from '@/lib/insights/electricity-price';
import { isLargeModel } from '@/lib/insights/right-size-models';
import {
  switchModelScenario,
  type TSwitchModelResult,
  type TSwitchTarget,
} from '@/lib/insights/switch-model';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import type { TSwitchModelInput } from '@/lib/schemas/switch-model';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { dashboardWhereSql } from '../dashboard/dashboard-where';
import { getLlmModelRepository } from '../factors/llm-model-repository-cache';
import { findAiUsageSelections, repositoryModels, siteOfModel } from './find-ai-usage-selections';
import { getDataSpan, getInsightInputs, INSIGHT_MAX_RECORDS } from './insight-inputs';
import { getWhatIfOptions } from './what-if-options';

/**
 * Ids of the records of one AI service and model matching dashboard filters (query string) over the filters' range,
 * org-scoped. Service and model are in the query so the record limit counts only the usage being switched.
 */
async function aiRecordIds(
  ctx: { orgId: string },
  input: Pick<TSwitchModelInput, 'query' | 'service' | 'model'>,
  now: Date,
): Promise<string[]> {
  const filters = parseDashboardFilters(new URLSearchParams(input.query));
  const range = resolveDateRange(filters, now, await getDataSpan(ctx));
  const rows = await queryRows<{ id: string }>(
    getPrisma(),
    sql`SELECT r.id FROM usage_record r
         WHERE ${dashboardWhereSql(ctx, filters, range)}
           AND r.ai_service = ${input.service} AND r.model = ${input.model}
         LIMIT ${INSIGHT_MAX_RECORDS + 1}`,
  );
  if (rows.length > INSIGHT_MAX_RECORDS) {
    throw new AppError(
      'INVALID_INPUT',
      `More than ${INSIGHT_MAX_RECORDS} records of this model match; narrow the filters.`,
    );
  }
  return rows.map((r) => r.id);
}

/**
 * What-if "switch model" on the organisation's AI usage of one service and model over the filters' period: the
 * target model is looked up in the repository (same provider, or an open model to self-host), the site is the
 * current provider's profile, the factors, contracts and electricity price are the organisation's.
 */
export async function computeSwitchModel(
  ctx: { orgId: string },
  input: TSwitchModelInput,
  now: Date,
): Promise<TSwitchModelResult & { records: number }> {
  const ids = await aiRecordIds(ctx, input, now);
  const selection = (
    await findAiUsageSelections(ctx, { id: { in: ids }, aiService: input.service, model: input.model })
  ).find((s) => s.service === input.service && s.model.name === input.model);
  if (!selection) {
    throw new AppError('NOT_FOUND', 'No AI usage of this model matches the filters.');
  }
  const repository = getLlmModelRepository();
  const t = input.target;
  let target: TSwitchTarget;
  if (t.kind === 'model') {
    const found = resolveLlmModel(repository, selection.model.provider, t.model);
    const site = siteOfModel(selection.model, repository);
    if (found.kind !== 'model' || !site) {
      throw new AppError(
        'INVALID_INPUT',
        `"${t.model}" is not a model of this provider in the model repository.`,
      );
    }
    target = {
      kind: 'model',
      model: found.model,
      site,
      ...(t.inputPricePer1m !== undefined ? { inputPricePer1m: t.inputPricePer1m } : {}),
      ...(t.outputPricePer1m !== undefined ? { outputPricePer1m: t.outputPricePer1m } : {}),
    };
  } else {
    const found = resolveLlmModel(repository, 'huggingface_hub', t.model);
    if (found.kind !== 'model') {
      throw new AppError('INVALID_INPUT', `"${t.model}" is not an open model of the model repository.`);
    }
    const { places, accelerators } = await getWhatIfOptions(ctx);
    if (!accelerators.some((a) => a.name === t.accelerator || a.id === t.accelerator)) {
      throw new AppError('INVALID_INPUT', `Unknown accelerator "${t.accelerator}"; choose one of the list.`);
    }
    if (!places.some((p) => p.provider === t.provider && p.region === t.region)) {
      throw new AppError(
        'INVALID_INPUT',
        `No factors for region "${t.region}" of this provider; choose a listed place.`,
      );
    }
    target = { ...t, model: found.model };
  }
  const { inputs } = await getInsightInputs(ctx, input.electricityPricePerKwh);
  const result = switchModelScenario(selection, target, inputs);
  const priceSource = inputsPriceSourceText(inputs);
  return {
    ...result,
    sources: t.kind === 'self-host' ? [...result.sources, priceSource] : result.sources,
    records: selection.records.length,
  };
}

/** Choices of the switch-model form: the organisation's AI usage, same-provider models, open models and places. */
export async function getSwitchModelOptions(ctx: { orgId: string }) {
  const repository = getLlmModelRepository();
  const used = await queryRows<{ service: string; model: string; output_tokens: number }>(
    getPrisma(),
    sql`SELECT r.ai_service AS service, r.model, SUM(COALESCE(r.output_tokens, 0))::float8 AS output_tokens
          FROM usage_record r
         WHERE r.org_id = ${ctx.orgId}::uuid AND r.ai_service IS NOT NULL AND r.model IS NOT NULL
         GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
  );
  const models = repositoryModels(repository);
  const byProvider = (provider: string) =>
    models
      .filter((m) => m.provider === provider)
      .map((m) => ({ name: m.name, large: isLargeModel(m) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const { places, accelerators } = await getWhatIfOptions(ctx);
  return {
    usages: used.flatMap((u) => {
      const resolved = resolveLlmModel(repository, u.service, u.model);
      if (resolved.kind !== 'model') {
        return [];
      }
      const current = resolved.model;
      return [
        {
          service: u.service,
          serviceLabel: repository.serviceProviders.get(u.service)?.label ?? 'Other AI service',
          model: current.name,
          outputTokens: u.output_tokens,
          targets: byProvider(current.provider).filter((m) => m.name !== current.name),
        },
      ];
    }),
    openModels: byProvider('huggingface_hub').map((m) => m.name),
    places,
    accelerators,
  };
}
