import 'server-only';
import { DEFAULT_METHODOLOGY_SETTINGS, type MethodologySettings } from '@/lib/emissions/methodology-settings';
import { queryRows, sql } from '../db/sql';
import { pgRunner } from '../db/sql-runner';

export interface TOrganizationDto {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  defaultBasis: 'direct' | 'lifecycle';
  embodiedLifetimeYears: number;
  currency: string;
  carbonPricePerTonneCo2e: number | null;
  /** Per facility kWh, in `currency`; null = none entered. */
  electricityPricePerKwh: number | null;
}

// Plain pg (no Prisma): the upload path reads the organisation, and an ingest process must not load Prisma
// (docs/decisions/ingest-perf.md).
const ORGANIZATION_SQL = sql`SELECT id, slug, name, time_zone AS "timeZone", default_basis::text AS "defaultBasis",
    embodied_lifetime_years AS "embodiedLifetimeYears", currency,
    carbon_price_per_tonne_co2e AS "carbonPricePerTonneCo2e",
    electricity_price_per_kwh AS "electricityPricePerKwh"
  FROM organization`;

export async function getOrganization(ctx: { orgId: string }): Promise<TOrganizationDto | null> {
  const [row] = await queryRows<TOrganizationDto>(
    pgRunner(),
    sql`${ORGANIZATION_SQL} WHERE id = ${ctx.orgId}::uuid`,
  );
  return row ?? null;
}

export async function getOrganizationBySlug(slug: string): Promise<TOrganizationDto | null> {
  const [row] = await queryRows<TOrganizationDto>(pgRunner(), sql`${ORGANIZATION_SQL} WHERE slug = ${slug}`);
  return row ?? null;
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
