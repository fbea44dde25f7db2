import 'server-only';
import { modelAliasMap } from '@/lib/emissions/ai-services/model-alias';
import { createZoneOfRegion } from '@/lib/emissions/ai-services/zone-of-region';
import { createCatalogCheck } from '@/lib/emissions/catalog-check';
import type { IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import type { TAiRecordContext } from '@/lib/ingest/ai-usage/ai-usage-records';
import { usageRecordSchemaAt } from '@/lib/schemas/usage-record';
import { getLlmModelRepository } from '../factors/llm-model-repository-cache';

/**
 * What `aiUsageRecordOf` needs to turn AI-usage rows into records for an organisation: the bundled model repository,
 * the library's regions and catalog, the organisation's model aliases, and the record schema at `now` (timestamps
 * without offset are refused: no zone is guessed). Shared by `POST /api/v1/ai-usage` and the demo seed.
 */
export function createAiRecordContext(library: IndexedFactorLibrary, now: Date): TAiRecordContext {
  const schema = usageRecordSchemaAt(now);
  return {
    repository: getLlmModelRepository(),
    zoneOfRegion: createZoneOfRegion(library),
    validate: (value: Record<string, unknown>) => schema.safeParse(value),
    checkRecord: createCatalogCheck(library),
    modelAliases: modelAliasMap(library.library.nameAliases),
  };
}
