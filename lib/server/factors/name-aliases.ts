import 'server-only';
import { actorUserId, type TOrgContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import { listLlmModels } from '@/lib/emissions/ai-services/list-llm-models';
import { modelAliasMap, parseModelSizeTarget } from '@/lib/emissions/ai-services/model-alias';
import { resolveLlmModel } from '@/lib/emissions/ai-services/resolve-llm-model';
import { resolveModelName } from '@/lib/emissions/ai-services/resolve-model-names';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { type NameResolution, resolveNames } from '@/lib/emissions/name-resolutions';
import { normalizeKey } from '@/lib/emissions/normalize-key';
import { acceleratorKey, matchAccelerator } from '@/lib/emissions/resolve-accelerator';
import { resolveLocation } from '@/lib/emissions/resolve-location';
import { AppError } from '@/lib/errors';
import type { TNameAliasInput, TNameAliasKind, TResolveNamesInput } from '@/lib/schemas/name-alias';
import type { TProvider } from '@/lib/schemas/usage-record';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';
import { getCachedFactorLibrary } from './factor-library-cache';
import { getLlmModelRepository } from './llm-model-repository-cache';

export interface TNameAliasDto {
  id: string;
  kind: TNameAliasKind;
  alias: string;
  target: string;
  targetProvider: TProvider | null;
  createdAt: string;
}

const SELECT = {
  id: true,
  kind: true,
  alias: true,
  target: true,
  targetProvider: true,
  createdAt: true,
} as const;

function toDto(row: {
  id: string;
  kind: TNameAliasKind;
  alias: string;
  target: string;
  targetProvider: string | null;
  createdAt: Date;
}): TNameAliasDto {
  return {
    ...row,
    targetProvider: row.targetProvider as TProvider | null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The key an alias is unique by: the same normalisation its resolver applies to a looked-up name. */
const aliasKeyOf = (kind: TNameAliasKind, alias: string) =>
  kind === 'accelerator' ? acceleratorKey(alias) : normalizeKey(alias);

/** The organisation's name aliases, accelerators first, then by alias. */
export async function findNameAliases(ctx: Pick<TOrgContext, 'orgId'>): Promise<TNameAliasDto[]> {
  const rows = await getPrisma().nameAlias.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ kind: 'asc' }, { aliasKey: 'asc' }],
    select: SELECT,
  });
  return rows.map(toDto);
}

/**
 * Saves an alias (or re-points the organisation's alias of the same kind and name) with an audit event. The
 * target must resolve in the catalog without aliases, and the alias must be a name the catalog does NOT know:
 * the resolvers consult aliases after the catalog (docs/decisions/factors.md F11), so mapping a known name would
 * silently do nothing. Accelerator targets are stored as the catalog id, so renaming an entry's display name
 * cannot break the alias.
 */
export async function saveNameAlias(ctx: TOrgContext, input: TNameAliasInput): Promise<TNameAliasDto> {
  assertPermission(ctx.role, 'writeUsage');
  const library = ensureIndexed({ ...(await getCachedFactorLibrary(ctx)), nameAliases: [] });
  let target = input.target;
  const targetProvider = input.targetProvider ?? null;
  if (input.kind === 'accelerator') {
    if (matchAccelerator(library, input.alias)) {
      throw new AppError('CONFLICT', `“${input.alias}” is already a catalog accelerator name.`);
    }
    const hit = matchAccelerator(library, input.target);
    if (!hit) {
      throw new AppError('INVALID_INPUT', `“${input.target}” is not a catalog accelerator.`);
    }
    target = hit.spec.id;
  } else if (input.kind === 'model') {
    target = checkModelAlias(input.alias, input.target);
  } else {
    if (resolveLocation({ region: input.alias }, library).matchedBy !== null) {
      throw new AppError('CONFLICT', `“${input.alias}” is already a known region, grid zone or country.`);
    }
    const where = resolveLocation(
      targetProvider ? { provider: targetProvider, region: target } : { region: target },
      library,
    );
    if (where.matchedBy === null) {
      throw new AppError('INVALID_INPUT', `“${input.target}” is not a known region, grid zone or country.`);
    }
  }
  const aliasKey = aliasKeyOf(input.kind, input.alias);
  return getPrisma().$transaction(async (tx) => {
    const saved = await tx.nameAlias.upsert({
      where: { orgId_kind_aliasKey: { orgId: ctx.orgId, kind: input.kind, aliasKey } },
      create: {
        orgId: ctx.orgId,
        kind: input.kind,
        alias: input.alias,
        aliasKey,
        target,
        targetProvider,
        createdById: actorUserId(ctx.actor),
      },
      // created_at moves too: the factor-library cache fingerprint sees the change.
      update: { alias: input.alias, target, targetProvider, createdAt: new Date() },
      select: SELECT,
    });
    await recordAuditEvent(tx, ctx, {
      action: 'name-alias.saved',
      targetType: 'name_alias',
      targetId: saved.id,
      metadata: { kind: input.kind, alias: input.alias, target, targetProvider },
    });
    return toDto(saved);
  });
}

/** Deletes one of the organisation's aliases (NOT_FOUND for another organisation's id), audited. */
export async function deleteNameAlias(ctx: TOrgContext, id: string): Promise<{ id: string }> {
  assertPermission(ctx.role, 'writeUsage');
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.nameAlias.findFirst({ where: { id, orgId: ctx.orgId }, select: SELECT });
    if (!row) {
      throw new AppError('NOT_FOUND', 'Name mapping not found.');
    }
    await tx.nameAlias.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, ctx, {
      action: 'name-alias.deleted',
      targetType: 'name_alias',
      targetId: row.id,
      metadata: { kind: row.kind, alias: row.alias, target: row.target, targetProvider: row.targetProvider },
    });
    return { id: row.id };
  });
}

/** The upload review table for a file's distinct names, resolved with the organisation's library and aliases. */
export async function resolveUploadNames(
  ctx: Pick<TOrgContext, 'orgId'>,
  names: TResolveNamesInput,
): Promise<NameResolution[]> {
  const library = await getCachedFactorLibrary(ctx);
  const repository = getLlmModelRepository();
  const aliases = modelAliasMap(library.nameAliases);
  return [
    ...resolveNames(ensureIndexed(library), names),
    ...(names.models ?? []).map((m) => resolveModelName(repository, aliases, m)),
  ];
}

/** What an unknown name can be mapped to: catalog accelerators by name, cloud region codes and grid zones, and repository models. */
export async function findNameTargetOptions(ctx: Pick<TOrgContext, 'orgId'>): Promise<{
  accelerators: { id: string; name: string }[];
  regions: string[];
  models: string[];
  instanceTypes: string[];
}> {
  const library = await getCachedFactorLibrary(ctx);
  const regions = new Set<string>();
  for (const l of library.locations) {
    regions.add(l.regionCode);
  }
  for (const c of library.countries ?? []) {
    regions.add(c.alpha2);
  }
  return {
    accelerators: library.accelerators
      .map((a) => ({ id: a.id, name: a.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    regions: [...regions].sort(),
    instanceTypes: [...new Set((library.instanceTypes ?? []).map((t) => t.name))],
    models: [...new Set(listLlmModels(getLlmModelRepository()).map((m) => m.name))].sort(),
  };
}

/**
 * A model alias (issue #21): the alias must be a name the LLM model repository does not know, and the target a
 * repository model (stored as its exact name) or "a model of N billion parameters" (`70B`, `13B/47B`).
 */
function checkModelAlias(alias: string, target: string): string {
  const repository = getLlmModelRepository();
  if (resolveLlmModel(repository, null, alias).kind !== 'unknown-model') {
    throw new AppError('CONFLICT', `“${alias}” is already a model of the model repository.`);
  }
  if (parseModelSizeTarget(target)) {
    return target.trim();
  }
  const hit = resolveLlmModel(repository, null, target);
  if (hit.kind !== 'model') {
    throw new AppError(
      'INVALID_INPUT',
      `“${target}” is neither a model of the model repository (one provider) nor a size such as 70B or 13B/47B.`,
    );
  }
  return hit.model.name;
}
