import type { InstanceTypeSpec } from '@/lib/emissions/factor-library-types';
import { PROVIDERS, type TProvider } from '@/lib/schemas/usage-record';
import { csvRows, numberOrNull } from './csv-rows';

export const INSTANCE_TYPES_VERSION = 'ai-footprint-instance-types@2026.12';

/** `8` → 8, `1/6` → 0.1666…; empty or malformed → null (a count is never guessed). */
export function parseAcceleratorCount(text: string | undefined): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+)\s*)?$/.exec(text ?? '');
  if (!match) {
    return null;
  }
  const value = Number(match[1]) / (match[2] ? Number(match[2]) : 1);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function providerOf(text: string | undefined): TProvider | null {
  const lower = (text ?? '').trim().toLowerCase();
  return (PROVIDERS as readonly string[]).includes(lower) ? (lower as TProvider) : null;
}

/**
 * Instance types (`reference/instance-types/instance-types.csv`). Rows without a provider, a type name or an
 * accelerator id are skipped. Host power is kept only when all three load points are given.
 */
export function parseInstanceTypes(text: string): InstanceTypeSpec[] {
  const out: InstanceTypeSpec[] = [];
  for (const row of csvRows(text)) {
    const provider = providerOf(row.provider);
    if (!provider || !row.instance_type || !row.accelerator_id) {
      continue;
    }
    const idleW = numberOrNull(row.host_power_idle_w);
    const halfLoadW = numberOrNull(row.host_power_50pct_w);
    const fullLoadW = numberOrNull(row.host_power_100pct_w);
    const sources = [row.source_accelerator, row.source_vcpu_memory].filter(Boolean).join('; ');
    out.push({
      provider,
      name: row.instance_type,
      acceleratorId: row.accelerator_id,
      acceleratorCount: parseAcceleratorCount(row.accelerator_count),
      vcpus: numberOrNull(row.vcpus),
      memoryGib: numberOrNull(row.memory_gib),
      hostPower:
        idleW !== null && halfLoadW !== null && fullLoadW !== null
          ? { idleW, halfLoadW, fullLoadW, source: row.power_basis || 'instance table' }
          : null,
      source: sources || 'reference/instance-types',
      datasetVersion: INSTANCE_TYPES_VERSION,
    });
  }
  return out;
}
