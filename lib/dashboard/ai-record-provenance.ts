import { EDGE_AI_SERVICE } from '@/lib/emissions/ai-services/edge-ai-service';
import type { FactorRef } from '@/lib/emissions/footprint-types';
import type { TRecordFormulaAi } from './record-formulas';

const ON_DEVICE_SERVICES: ReadonlySet<string> = new Set(Object.values(EDGE_AI_SERVICE));

/** The stored fields of an AI record the record page reads (usage_record ai_* columns, source data). */
export interface TAiRecordFields {
  aiService: string | null;
  aiModelRef: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  sourceData: unknown;
}

/**
 * The AI part of a record's formulas, null for any other record (issue #21): the model reference, token split
 * and the method's relative energy range kept in source data (`aiEnergyRange`). Pure.
 */
export function aiFormulaInputOf(r: TAiRecordFields): TRecordFormulaAi | null {
  if (r.aiService === null) {
    return null;
  }
  const range = (r.sourceData as { aiEnergyRange?: unknown } | null)?.aiEnergyRange;
  const [low, high] = Array.isArray(range) ? range : [];
  const energyRange = typeof low === 'number' && typeof high === 'number' ? ([low, high] as const) : null;
  return {
    modelRef: r.aiModelRef,
    inputTokens: r.inputTokens ?? 0,
    outputTokens: r.outputTokens ?? 0,
    energyRange,
    onDevice: ON_DEVICE_SERVICES.has(r.aiService),
  };
}

/**
 * Source of an AI record's factor as an auditor should read it. The AI path passes the method's PUE and WUE to
 * the compute engine as row values, so their refs read "usage record"; they are the provider profile of the
 * method unless the row stated them (flags AI_PUE_STATED, AI_WUE_STATED). Other factors keep their source. Pure.
 */
export function aiFactorSource(ref: FactorRef, aiFlags: readonly string[], method: string | null): string {
  const profile = `provider profile of the AI-services method${method ? ` (${method})` : ''}`;
  if (ref.datasetVersion !== 'row') {
    return ref.source;
  }
  if (ref.kind === 'pue') {
    return aiFlags.includes('AI_PUE_STATED') ? 'stated on the usage row' : profile;
  }
  if (ref.kind === 'wue') {
    return aiFlags.includes('AI_WUE_STATED')
      ? 'stated on the usage row'
      : `${profile}, converted to IT energy (method WUE × PUE)`;
  }
  return ref.source;
}
