import 'server-only';
import { getPrisma } from '@/lib/db';
import { DEFAULT_METHODOLOGY_SETTINGS, type MethodologySettings } from '@/lib/emissions/methodology-settings';

export interface TOrganizationDto {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  defaultBasis: 'direct' | 'lifecycle';
  embodiedLifetimeYears: number;
  currency: string;
  carbonPricePerTonneCo2e: number | null;
}

export async function getOrganization(ctx: { orgId: string }): Promise<TOrganizationDto | null> {
  return getPrisma().organization.findUnique({
    where: { id: ctx.orgId },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      defaultBasis: true,
      embodiedLifetimeYears: true,
      currency: true,
      carbonPricePerTonneCo2e: true,
    },
  });
}

export async function getOrganizationBySlug(slug: string): Promise<TOrganizationDto | null> {
  return getPrisma().organization.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      defaultBasis: true,
      embodiedLifetimeYears: true,
      currency: true,
      carbonPricePerTonneCo2e: true,
    },
  });
}

/** The engine settings an organisation has chosen (basis, embodied lifetime); other values are the defaults. */
export function methodologySettingsFor(
  org: Pick<TOrganizationDto, 'defaultBasis' | 'embodiedLifetimeYears'>,
): MethodologySettings {
  return {
    ...DEFAULT_METHODOLOGY_SETTINGS,
    basis: org.defaultBasis,
    embodiedLifetimeYears: org.embodiedLifetimeYears,
  };
}
