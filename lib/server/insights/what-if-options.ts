import 'server-only';
import { ACCELERATOR_THROUGHPUT_TFLOPS } from '@/lib/insights/accelerator-throughput';
import { getCachedFactorLibrary } from '../factors/factor-library-cache';

/** Choices for the what-if panel: every place in the factor library, accelerators with a throughput figure. */
export async function getWhatIfOptions(ctx: { orgId: string }) {
  const library = await getCachedFactorLibrary(ctx);
  const places = library.locations
    .map((l) => ({ provider: l.provider as string, region: l.regionCode }))
    .sort((a, b) => a.provider.localeCompare(b.provider) || a.region.localeCompare(b.region));
  const accelerators = library.accelerators
    .filter((a) => ACCELERATOR_THROUGHPUT_TFLOPS[a.id])
    .map((a) => ({ id: a.id, name: a.name }));
  return { places, accelerators };
}
