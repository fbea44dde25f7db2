import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InstanceTypeSpec } from '@/lib/emissions/factor-library-types';
import { parseInstanceTypes } from '@/lib/factors/parse-instance-types';

let instanceTypes: InstanceTypeSpec[] | undefined;

/**
 * The cloud instance-type table from the bundled reference/instance-types/instance-types.csv, read once per
 * process. Which accelerators a provider puts in an instance type is a published fact, not organisation data, so
 * the database library takes it from the bundled file (as it does ISO country codes) instead of a table that would
 * need a migration, a seed step and an override UI nobody asked for (docs/decisions/factors.md F8).
 */
export function bundledInstanceTypes(): InstanceTypeSpec[] {
  // A static path under reference/ (a computed one would make the bundler trace the whole project).
  instanceTypes ??= parseInstanceTypes(
    readFileSync(path.join(process.cwd(), 'reference', 'instance-types', 'instance-types.csv'), 'utf8'),
  );
  return instanceTypes;
}
