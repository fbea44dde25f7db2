import { z } from 'zod';
import { PROVIDERS } from './usage-record';

export const NAME_ALIAS_KINDS = ['accelerator', 'region', 'model'] as const;
export type TNameAliasKind = (typeof NAME_ALIAS_KINDS)[number];

/**
 * An organisation alias (docs/decisions/factors.md F11): `alias` is the name as files write it; `target` a catalog
 * accelerator id or name (kind accelerator), or a cloud region code, grid zone id or country code (kind region),
 * with `targetProvider` when a region code needs its provider, or (kind model, issue #21) a model of the LLM model
 * repository or "a model of N billion parameters" written `70B` (dense) or `13B/47B` (active/total).
 */
export const ZNameAliasInput = z.object({
  kind: z.enum(NAME_ALIAS_KINDS),
  alias: z.string().trim().min(1).max(200),
  target: z.string().trim().min(1).max(200),
  targetProvider: z.enum(PROVIDERS).optional(),
});
export type TNameAliasInput = z.output<typeof ZNameAliasInput>;

export const ZDeleteNameAliasInput = z.object({ id: z.uuid() });

const MAX_NAMES = 500;

/** The distinct names of a file's preview, to resolve against the organisation's library (the upload review). */
export const ZResolveNamesInput = z.object({
  accelerators: z
    .array(
      z.object({
        name: z.string().max(200),
        rows: z.int().min(0),
        rowsNeedingCatalog: z.int().min(0).optional(),
      }),
    )
    .max(MAX_NAMES),
  instanceTypes: z
    .array(
      z.object({ provider: z.enum(PROVIDERS).optional(), name: z.string().max(200), rows: z.int().min(0) }),
    )
    .max(MAX_NAMES)
    .optional(),
  regions: z
    .array(
      z.object({
        provider: z.enum(PROVIDERS).optional(),
        region: z.string().max(200),
        rows: z.int().min(0),
      }),
    )
    .max(MAX_NAMES),
  models: z
    .array(
      z.object({ service: z.string().max(100).optional(), name: z.string().max(200), rows: z.int().min(0) }),
    )
    .max(MAX_NAMES)
    .optional(),
});
export type TResolveNamesInput = z.output<typeof ZResolveNamesInput>;

/** One alias as the API answers it. */
export const ZNameAlias = z.object({
  id: z.uuid(),
  kind: z.enum(NAME_ALIAS_KINDS),
  alias: z.string(),
  target: z.string(),
  targetProvider: z.enum(PROVIDERS).nullable(),
  createdAt: z.string(),
});
export const ZNameAliasList = z.object({ aliases: z.array(ZNameAlias) });
export const ZNameAliasDeleted = z.object({ id: z.uuid() });
