import type { TProvider } from '@/lib/schemas/usage-record';
import type { AcceleratorSpec, InstanceTypeSpec } from './factor-library-types';
import type { IndexedFactorLibrary } from './index-factor-library';

/**
 * Cloud instance types (`p4d.24xlarge`, `a3-highgpu-8g`, `Standard_ND96isr_H100_v5`) resolve by exact name,
 * case-insensitively and with surrounding spaces ignored, and nothing else: a type name is an identifier chosen by
 * the provider, and neighbouring names carry different accelerators and counts (`g5.12xlarge` has 4 A10G,
 * `g5.16xlarge` has 1), so a near match would be a guess (docs/decisions/factors.md F8).
 */
export function instanceTypeKey(name: string): string {
  return name.trim().toLowerCase();
}

export interface ResolvedInstanceType {
  spec: InstanceTypeSpec;
  /** The catalog entry of the instance's accelerator; null when the catalog in use lacks that id. */
  accelerator: AcceleratorSpec | null;
}

/**
 * The instance type `name` of `provider`, or null. Without a provider the name resolves only when exactly one
 * provider has a type of that name. Unknown names are null, never the closest name.
 */
export function resolveInstanceType(
  library: IndexedFactorLibrary,
  provider: TProvider | undefined,
  name: string | undefined,
): ResolvedInstanceType | null {
  if (!name?.trim()) {
    return null;
  }
  const candidates = library.instanceTypesByName.get(instanceTypeKey(name)) ?? [];
  const matching = provider ? candidates.filter((c) => c.provider === provider) : candidates;
  const spec = matching.length === 1 ? matching[0] : undefined;
  if (!spec) {
    return null;
  }
  const accelerator = library.library.accelerators.find((a) => a.id === spec.acceleratorId) ?? null;
  return { spec, accelerator };
}
