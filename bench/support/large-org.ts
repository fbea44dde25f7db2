import os from 'node:os';
import { getPrisma } from '@/lib/server/db/prisma';
import { type LargeDatabase, resolveLargeDatabase } from '../../scripts/db/large-database';

/** Connects the process to the large database (`npm run db:seed:large` first) and returns its organisation. */
export async function openLargeOrg(log: (m: string) => void): Promise<{
  db: LargeDatabase;
  org: { id: string; timeZone: string };
  records: number;
}> {
  const db = await resolveLargeDatabase(log);
  process.env.DATABASE_URL = db.url;
  const org = await getPrisma()
    .organization.findUnique({ where: { slug: 'large' }, select: { id: true, timeZone: true } })
    .catch(() => null);
  if (!org) {
    await db.stop();
    throw new Error('No large organisation: run `npm run db:seed:large -- --records 1000000` first.');
  }
  const records = await getPrisma().usageRecord.count({ where: { orgId: org.id } });
  return { db, org, records };
}

/** The machine line every benchmark prints (figures depend on it and on concurrent load). */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1e9)} GB RAM, load average ${load}, node ${process.version}`;
}

/** p-th percentile (0..100) of the samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** `--name N` from argv as a positive integer. */
export function intArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`--${name} must be a positive integer`);
  }
  return n;
}
