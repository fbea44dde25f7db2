import type { TAiUsageRow } from '@/lib/ingest/ai-usage/ai-usage-types';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';

export const DEMO_ROLES = ['owner', 'admin', 'editor', 'viewer', 'auditor'] as const;
export type TDemoRole = (typeof DEMO_ROLES)[number];

export const INSTRUMENT_TYPES = ['REC', 'GO', 'PPA', 'GREEN_TARIFF', 'SUPPLIER_RATE'] as const;
export type TInstrumentType = (typeof INSTRUMENT_TYPES)[number];

export type TDemoUser = { email: string; name: string; role: TDemoRole };
export type TDemoTeam = { slug: string; name: string };
export type TDemoProject = { slug: string; name: string; teamSlug: string };
/** `baseModel`: the model this one was fine-tuned from (model lineage, issue #5). */
export type TDemoModel = { name: string; family: string; teamSlug: string; baseModel?: string };

/** A market-based instrument. The period is [periodStart, periodEnd): periodEnd is exclusive (UTC). */
export type TDemoEnergyContract = {
  id: string;
  instrumentType: TInstrumentType;
  /** Electricity Maps style grid zone, e.g. 'FR', 'SE-SE3', 'US-MIDA-PJM'. */
  marketZone: string;
  periodStart: Date;
  periodEnd: Date;
  mwh: number;
  gCo2ePerKwh: number;
  supplier: string;
};

export type TDemoOrganization = {
  organization: { name: string; slug: string };
  users: TDemoUser[];
  teams: TDemoTeam[];
  projects: TDemoProject[];
  models: TDemoModel[];
  energyContracts: TDemoEnergyContract[];
  records: TUsageRecordInput[];
  /**
   * Third-party AI-service usage (daily tokens per provider model, last 12 months): export rows, not records; the
   * seed estimates them through the upload path (`aiUsageRecordOf`).
   */
  aiUsage: TAiUsageRow[];
};

export type TGenerateDemoOptions = {
  /** End of the generated period (exclusive); floored to UTC midnight. */
  endExclusive: Date;
  /** Length of the period in calendar months (default 18). */
  months?: number;
  /** PRNG seed (default DEFAULT_DEMO_SEED). */
  seed?: number;
};
