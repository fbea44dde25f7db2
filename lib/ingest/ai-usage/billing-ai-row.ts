import { tokenDirection, tokensPerUnit } from './ai-usage-cells';
import type { TAiUsageOutput } from './ai-usage-output';
import type { TAiUsageRow } from './ai-usage-types';

/** What a billing export says about one AI token charge. */
export interface TBillingTokenCharge {
  line: number;
  provider: string | null;
  service: string;
  /** SKU / meter / usage-type texts that name the model and the token direction. */
  descriptions: { column: string; text: string }[];
  quantity: number;
  unit: string;
  unitColumn: string;
  periodStart: string;
  periodEnd: string;
  region: string | null;
  team: string | null;
  project: string | null;
  tags: Record<string, string>;
}

/**
 * A billing row of AI tokens → a usage row with `quantityBasis: 'priced'`. The token direction and the model come
 * from the descriptions (the model is looked up later by searching the repository names in them); a unit that is
 * not a token count, or a text naming neither input nor output, is a row error.
 */
export function pushBillingTokenCharge(charge: TBillingTokenCharge, out: TAiUsageOutput): void {
  const perUnit = tokensPerUnit(charge.unit);
  if (perUnit === null) {
    out.sink.error(
      charge.line,
      charge.unitColumn,
      `unit "${charge.unit}" is not a token count (expected Tokens, count, 1K or 1000 Tokens)`,
    );
    return;
  }
  const text = charge.descriptions.map((d) => d.text).join(' ');
  const direction =
    charge.descriptions.map((d) => tokenDirection(d.text)).find((d) => d !== null) ?? tokenDirection(text);
  if (!direction) {
    out.sink.error(
      charge.line,
      charge.descriptions[0]?.column ?? null,
      `cannot tell input from output tokens in "${text}"; the SKU or meter must say input/prompt or output/completion`,
    );
    return;
  }
  const tokens = charge.quantity * perUnit;
  const row: TAiUsageRow = {
    line: charge.line,
    provider: charge.provider,
    service: charge.service,
    modelRaw: text,
    modelLookup: { kind: 'description', provider: charge.provider },
    periodStart: charge.periodStart,
    periodEnd: charge.periodEnd,
    inputTokens: direction === 'input' ? tokens : 0,
    outputTokens: direction === 'output' ? tokens : 0,
    cachedInputTokens: null,
    requests: null,
    meanLatencyS: null,
    team: charge.team,
    project: charge.project,
    tags: charge.tags,
    region: charge.region,
    quantityBasis: 'priced',
  };
  out.ai.push(row);
}
