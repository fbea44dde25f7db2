import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { flatCopy } from '@/lib/utils/flat-copy';
import type { IndexedFactorLibrary } from './index-factor-library';
import { resolveAccelerator } from './resolve-accelerator';
import { resolveInstanceType } from './resolve-instance-type';
import { resolveLocation } from './resolve-location';

/** True when the row's energy estimate would rest on its accelerator's catalog power (no measured input). */
export function dependsOnCatalogPower(
  record: Pick<TUsageRecordInput, 'energyKwh' | 'acceleratorPowerW' | 'requests' | 'energyPerRequestWh'>,
): boolean {
  const perRequest = record.requests !== undefined && record.energyPerRequestWh !== undefined;
  return record.energyKwh === undefined && record.acceleratorPowerW === undefined && !perRequest;
}

/** A value the factor library does not know, with the record field it came from. */
export interface CatalogIssue {
  field: 'accelerator' | 'instanceType' | 'region';
  message: string;
}

/**
 * An instance row must name a type of the instance table (for its provider, when given) with a sourced accelerator
 * count; an accelerator on the same row must be the one the table gives, since the row cannot carry two devices.
 * Used by uploads (`createCatalogCheck`) and by the API, which rejects these rows too.
 */
export function checkInstanceType(
  library: IndexedFactorLibrary,
  record: TUsageRecordInput,
): CatalogIssue | null {
  const name = record.instanceType;
  if (!name) {
    return null;
  }
  const resolved = resolveInstanceType(library, record.provider, name);
  if (!resolved) {
    return {
      field: 'instanceType',
      message: `instance type "${name}"${record.provider ? ` (provider ${record.provider})` : ''} is not in the catalog; use the provider's exact type name (e.g. p4d.24xlarge) or give accelerator and accelerator_count instead`,
    };
  }
  if (resolved.spec.acceleratorCount === null) {
    return {
      field: 'instanceType',
      message: `instance type "${resolved.spec.name}" has no sourced accelerator count; give accelerator and accelerator_count instead of instance_type`,
    };
  }
  if (record.accelerator) {
    const own = resolveAccelerator(library, record.accelerator);
    const table = resolved.accelerator;
    if (!own || !table || own.id !== table.id) {
      return {
        field: 'accelerator',
        message: `accelerator "${record.accelerator}" does not match instance type "${resolved.spec.name}", which carries ${table?.name ?? resolved.spec.acceleratorId}; leave accelerator empty or fix one of them`,
      };
    }
  }
  return null;
}

/**
 * Checks the instance type, accelerator and region a row NAMES against the factor library. A missing value stays an
 * estimate with an assumption flag; a value that is given but unknown is almost always a typo
 * ("A100 80G", "us-east1"), and silently estimating it with defaults would put a guess into a signed report,
 * so the upload path reports it as a row error instead (docs/RELIABILITY.md). An unknown accelerator is an error
 * only when the energy estimate would rest on its catalog power (no measured energy, stated power or energy per
 * request); otherwise it keeps the ACCELERATOR_UNKNOWN flag (default embodied values), as before.
 */
export function createCatalogCheck(
  library: IndexedFactorLibrary,
): (record: TUsageRecordInput) => CatalogIssue[] {
  // The outcome depends only on the names a row gives and whether its energy rests on catalog power, and a file
  // repeats a handful of them on every row: checked once per distinct combination (bounded, cleared when full).
  const known = new Map<string, CatalogIssue[]>();
  return (record) => {
    const key = `${record.instanceType ?? ''}\0${record.provider ?? ''}\0${record.accelerator ?? ''}\0${record.region ?? ''}\0${dependsOnCatalogPower(record)}`;
    let issues = known.get(key);
    if (issues === undefined) {
      if (known.size >= MAX_REMEMBERED_CHECKS) {
        known.clear();
      }
      issues = checkCatalogNames(library, record);
      known.set(flatCopy(key), issues);
    }
    return issues;
  };
}

/** Distinct name combinations remembered by one catalog check. */
const MAX_REMEMBERED_CHECKS = 4096;

function checkCatalogNames(library: IndexedFactorLibrary, record: TUsageRecordInput): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  if (record.instanceType) {
    const instance = checkInstanceType(library, record);
    if (instance) {
      issues.push(instance);
    }
  } else if (
    record.accelerator &&
    dependsOnCatalogPower(record) &&
    !resolveAccelerator(library, record.accelerator)
  ) {
    issues.push({
      field: 'accelerator',
      message: `accelerator "${record.accelerator}" is not in the catalog; use a catalog name (see /factors), map the name to a catalog entry (Factors page, Name mappings) or leave it empty to use the default power`,
    });
  }
  if (record.region && resolveLocation(record, library).flags.includes('LOCATION_UNKNOWN')) {
    issues.push({
      field: 'region',
      message: `region "${record.region}"${record.provider ? ` (provider ${record.provider})` : ''} is not a known cloud region, grid zone or country (ISO code or English name); fix the spelling, map the name (Factors page, Name mappings) or leave it empty`,
    });
  }
  return issues;
}
