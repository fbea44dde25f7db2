import 'server-only';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { AppError } from '@/lib/errors';
import { findBestWindow } from '@/lib/insights/best-window';
import type { TBestWindowQuery, TBestWindowResponse } from '@/lib/schemas/best-window';
import { getOrganization, methodologySettingsFor } from '../access/organizations';
import { getCachedFactorLibrary } from '../factors/factor-library-cache';

/** Cleanest start window from the organisation's factor library (bundled profiles + overrides). 404/422 on failure. */
export async function getBestWindow(
  ctx: { orgId: string },
  query: TBestWindowQuery,
  now: Date,
): Promise<TBestWindowResponse> {
  const org = await getOrganization(ctx);
  if (!org) {
    throw new AppError('NOT_FOUND', 'Organisation not found.');
  }
  const library = ensureIndexed(await getCachedFactorLibrary(ctx));
  const outcome = findBestWindow(library, methodologySettingsFor(org), query, now);
  if (outcome.ok) {
    return outcome.value;
  }
  throw new AppError(
    outcome.reason === 'no-profile'
      ? 'FACTOR_MISSING'
      : outcome.reason === 'ambiguous-region'
        ? 'INVALID_INPUT'
        : 'NOT_FOUND',
    outcome.message,
  );
}
