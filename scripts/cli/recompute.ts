import { systemActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { getOrganizationBySlug } from '@/lib/server/access/organizations';
import { getPrisma } from '@/lib/server/db/prisma';
import { evaluatePendingBudgetAlerts } from '@/lib/server/targets/pending-budget-alerts';
import { recomputeOrganization } from '@/lib/server/usage/recompute';
import { resolveDatabase } from '../db/resolve-database';
import { CliUsageError } from './cli-usage-error';

/** `footprint recompute --org <slug> [--reason text]`: recomputes every record, logs restatements. */
export async function runRecompute(args: string[]): Promise<number> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i];
    const value = args[i + 1];
    if (!key || !['--org', '--reason'].includes(key) || !value) {
      throw new CliUsageError('usage: footprint recompute --org <slug> [--reason text]');
    }
    options.set(key, value);
  }
  const slug = options.get('--org');
  if (!slug) {
    throw new CliUsageError('usage: footprint recompute --org <slug> [--reason text]');
  }
  const db = await resolveDatabase((m) => process.stderr.write(`${m}\n`));
  process.env.DATABASE_URL = db.url;
  try {
    const org = await getOrganizationBySlug(slug);
    if (!org) {
      throw new AppError('NOT_FOUND', `no organisation with slug "${slug}"`);
    }
    const reason = options.get('--reason') ?? 'Recomputed from the command line';
    const result = await recomputeOrganization(
      { orgId: org.id },
      { reason, now: new Date(), actor: systemActor('footprint recompute (CLI)') },
    );
    // Recomputed figures may cross a budget threshold. No request here, so no `after`: the CLI runs the one
    // post-commit mechanism itself (it evaluates only if the recompute moved the organisation's data version).
    const alerts = await evaluatePendingBudgetAlerts({ orgId: org.id }, new Date());
    process.stdout.write(
      `${org.slug}: ${result.records} record(s) recomputed, ${result.changedRecords} changed, ` +
        `${result.restatements} restatement entr${result.restatements === 1 ? 'y' : 'ies'} written, ` +
        `${alerts.length} new budget alert(s).\n`,
    );
    return 0;
  } finally {
    await getPrisma().$disconnect();
    await db.stop();
  }
}
