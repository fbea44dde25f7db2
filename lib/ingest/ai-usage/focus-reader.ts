import type { TProvider, TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { IssueSink } from '../types';
import {
  createCellReader,
  findInstanceTypeInText,
  hoursPerUnit,
  parseTagCell,
  tokensPerUnit,
} from './ai-usage-cells';
import { splitTeamProject, type TAiCsvReader } from './ai-usage-output';
import { pushBillingTokenCharge } from './billing-ai-row';
import { FOCUS_COLUMNS, FOCUS_REQUIRED_COLUMNS } from './focus-columns';

/** AI provider of a FOCUS charge from ProviderName/ServiceName (null: the model name decides). */
function aiProviderOf(providerName: string, serviceText: string): string | null {
  const p = providerName.toLowerCase();
  if (p.includes('microsoft') || p.includes('azure')) {
    return /openai/i.test(serviceText) ? 'azure-openai' : null;
  }
  if (p.includes('amazon') || p.includes('aws')) {
    return 'aws-bedrock';
  }
  if (p.includes('google')) {
    return 'google-vertex';
  }
  if (p.includes('openai')) {
    return 'openai';
  }
  if (p.includes('anthropic')) {
    return 'anthropic';
  }
  return null;
}

function cloudOf(providerName: string): TProvider | undefined {
  const p = providerName.toLowerCase();
  if (p.includes('microsoft') || p.includes('azure')) {
    return 'azure';
  }
  if (p.includes('amazon') || p.includes('aws')) {
    return 'aws';
  }
  return p.includes('google') ? 'gcp' : undefined;
}

// "8x H100", "8 × A100": accelerators per instance written in a charge description.
const ACCELERATOR_TIMES = /(\d+)\s*[x×]\s*((?:nvidia\s+)?[a-z]+\d+[a-z0-9]*)/i;

/**
 * FinOps FOCUS 1.0–1.2 rows (the Azure FOCUS cost export included). Header check: the columns we need must be
 * there and every column must be a FOCUS column or an `x_` extension (an unknown column is a header error: it is
 * another export or a misspelt column). Usage rows of AI services measured in tokens become token charges;
 * Compute rows in hours become GPU records when an instance type of the catalog (or "N x GPU") is named in
 * their SKU, meter or description; everything else is skipped. Null when the header is unusable.
 */
export function createFocusReader(
  headers: readonly string[],
  headerLine: number,
  sink: IssueSink,
  knownInstanceTypes: readonly string[],
  phase: TUsageRecordInput['phase'],
): TAiCsvReader | null {
  const unknown = headers.filter((h) => !FOCUS_COLUMNS.has(h) && !h.startsWith('x_'));
  const missing = FOCUS_REQUIRED_COLUMNS.filter((c) => !headers.includes(c));
  if (unknown.length > 0) {
    sink.error(
      headerLine,
      unknown[0] ?? null,
      `column(s) ${unknown.join(', ')} are not FOCUS 1.0–1.2 columns (provider extensions must start with x_); fix or remove them`,
    );
  }
  if (missing.length > 0) {
    sink.error(headerLine, null, `FOCUS column(s) ${missing.join(', ')} missing`);
  }
  if (unknown.length > 0 || missing.length > 0) {
    return null;
  }
  const extensionColumns = headers.filter((h) => h.startsWith('x_'));
  return {
    row(line, get, out) {
      const cells = createCellReader(get, line, out.sink);
      if (cells.text('ChargeCategory') !== 'Usage') {
        out.skipped++;
        return;
      }
      const category = cells.text('ServiceCategory');
      const consumedUnit = cells.text('ConsumedUnit');
      const unitColumn = consumedUnit ? 'ConsumedUnit' : 'PricingUnit';
      const unit = consumedUnit || cells.text('PricingUnit');
      const quantityColumn = consumedUnit ? 'ConsumedQuantity' : 'PricingQuantity';
      const texts = ['SkuMeter', 'ChargeDescription', 'SkuId', ...extensionColumns]
        .map((column) => ({ column, text: cells.text(column) }))
        .filter((d) => d.text);
      const isTokens = category === 'AI and Machine Learning' && tokensPerUnit(unit) !== null;
      const hours = hoursPerUnit(unit);
      const allText = texts.map((t) => t.text).join(' ');
      const instanceType = hours !== null ? findInstanceTypeInText(knownInstanceTypes, allText) : null;
      const accelerator = hours !== null && !instanceType ? ACCELERATOR_TIMES.exec(allText) : null;
      if (!isTokens && !instanceType && !accelerator) {
        out.skipped++;
        return;
      }
      const charge = cells.charge('ChargePeriodStart', 'ChargePeriodEnd', quantityColumn);
      if (!charge) {
        return;
      }
      const { start, end, quantity } = charge;
      const labels = splitTeamProject(parseTagCell(cells.text('Tags')));
      const subAccount = cells.text('SubAccountName') || cells.text('SubAccountId');
      const tags = { ...labels.tags, ...(subAccount ? { subAccount } : {}) };
      const region = cells.text('RegionId') || null;
      const providerName = cells.text('ProviderName');
      if (isTokens) {
        pushBillingTokenCharge(
          {
            line,
            provider: aiProviderOf(providerName, `${cells.text('ServiceName')} ${allText}`),
            service: cells.text('ServiceName') || providerName,
            descriptions: texts,
            quantity,
            unit,
            unitColumn,
            periodStart: start,
            periodEnd: end,
            region,
            team: labels.team,
            project: labels.project,
            tags,
          },
          out,
        );
        return;
      }
      const cloud = cloudOf(providerName);
      const instanceHours = quantity * (hours as number);
      const base = {
        phase,
        startedAt: new Date(start),
        endedAt: new Date(end),
        ...(cloud ? { provider: cloud } : {}),
        ...(region ? { region } : {}),
        ...(labels.team ? { team: labels.team } : {}),
        ...(labels.project ? { project: labels.project } : {}),
      };
      const count = Number(accelerator?.[1]);
      const record = instanceType
        ? { ...base, instanceType, instanceHours }
        : {
            ...base,
            accelerator: accelerator?.[2] ?? '',
            acceleratorCount: count,
            acceleratorHours: count * instanceHours,
          };
      out.gpu.push({ line, record: record as TUsageRecordInput });
    },
    finish() {},
  };
}
