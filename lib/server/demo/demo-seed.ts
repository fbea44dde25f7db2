import 'server-only';
import { hashPassword } from 'better-auth/crypto';
import { systemActor } from '@/lib/auth/actor';
import { generateDemoOrganization } from '@/lib/demo/generate-demo-organization';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { aiFootprintOf } from '@/lib/ingest/ai-usage/ai-usage-records';
import { getPrisma } from '@/lib/server/db/prisma';
import { methodologySettingsFor } from '../access/organizations';
import { recordAuditEvent } from '../audit/audit-events';
import { findEnergyContracts } from '../factors/energy-contracts';
import { getCachedFactorLibrary } from '../factors/factor-library-cache';
import { sourceDataOf } from '../usage/staging-rows';
import { slugify } from '../usage/teams-and-projects';
import { storeUsageRecords } from '../usage/usage-records';
import { seedDemoHardwareAndLineage } from './demo-hardware-lineage-seed';
import { seedDemoTargetAndBudget } from './demo-targets-seed';
import { estimateDemoAiUsage } from './estimate-demo-ai-usage';

/** Demo sign-in, printed in the README. Every demo user has this password. */
export const DEMO_PASSWORD = 'footprint-demo';
export const DEMO_ORG_SLUG = 'demo';
const DEMO_OWNER_ID = `demo-${slugify('owner')}`;
/**
 * The demo data ends here (exclusive), so that the seed is deterministic: 18 months, 2025-05 to 2026-10.
 * Set DEMO_END_EXCLUSIVE (ISO date) to move the window.
 */
export const DEMO_END_EXCLUSIVE = '2026-11-01T00:00:00Z';

export interface TSeedResult {
  seeded: boolean;
  orgId: string;
  records: number;
}

/**
 * Creates the demo organisation (users of every role, teams, projects, energy contracts, 18 months of usage
 * computed by the engine, 12 months of OpenAI and Anthropic API usage estimated as an upload of it would be, a
 * reduction target and a quarterly budget) unless it exists. The bundled factor library must be loaded first.
 */
export async function seedDemoOrganization(options: {
  endExclusive?: Date;
  computedAt: Date;
}): Promise<TSeedResult> {
  const prisma = getPrisma();
  const existing = await prisma.organization.findUnique({
    where: { slug: DEMO_ORG_SLUG },
    select: { id: true },
  });
  if (existing) {
    return {
      seeded: false,
      orgId: existing.id,
      records: await prisma.usageRecord.count({ where: { orgId: existing.id } }),
    };
  }
  const endExclusive = options.endExclusive ?? new Date(DEMO_END_EXCLUSIVE);
  const demo = generateDemoOrganization({ endExclusive });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const org = await prisma.$transaction(async (tx) => {
    const created = await tx.organization.create({
      data: {
        name: demo.organization.name,
        slug: demo.organization.slug,
        carbonPricePerTonneCo2e: 80,
        currency: 'EUR',
      },
    });
    for (const user of demo.users) {
      const userId = `demo-${slugify(user.role)}`;
      await tx.user.create({ data: { id: userId, email: user.email, name: user.name, emailVerified: true } });
      await tx.account.create({
        data: {
          id: `${userId}-credential`,
          accountId: userId,
          providerId: 'credential',
          userId,
          password: passwordHash,
        },
      });
      await tx.membership.create({ data: { orgId: created.id, userId, role: user.role } });
    }
    await tx.team.createMany({
      data: demo.teams.map((t) => ({ orgId: created.id, slug: t.slug, name: t.name })),
    });
    const teams = await tx.team.findMany({ where: { orgId: created.id }, select: { id: true, slug: true } });
    const teamId = new Map(teams.map((t) => [t.slug, t.id]));
    await tx.project.createMany({
      data: demo.projects.map((p) => ({
        orgId: created.id,
        slug: p.slug,
        name: p.name,
        teamId: teamId.get(p.teamSlug) ?? null,
      })),
    });
    await tx.energyContract.createMany({
      data: demo.energyContracts.map((c) => ({
        orgId: created.id,
        reference: c.id,
        instrumentType: c.instrumentType,
        marketZone: c.marketZone,
        periodStart: c.periodStart,
        periodEnd: c.periodEnd,
        volumeMwh: c.mwh,
        gCo2ePerKwh: c.gCo2ePerKwh,
        supplier: c.supplier,
      })),
    });
    await recordAuditEvent(
      tx,
      { orgId: created.id, actor: systemActor('demo seed') },
      { action: 'organization.seeded', metadata: { records: demo.records.length + demo.aiUsage.length } },
    );
    return { ...created, teamId };
  });
  const ctx = { orgId: org.id };
  const library = await getCachedFactorLibrary(ctx);
  await seedDemoHardwareAndLineage(ctx, demo.models, library);
  const contracts = await findEnergyContracts(ctx);
  // Third-party AI usage goes through the upload path's estimate, then the same engine run as the other records.
  const aiRecords = estimateDemoAiUsage(demo.aiUsage, ensureIndexed(library), endExclusive);
  const records = [...demo.records, ...aiRecords.map((parsed) => parsed.record)];
  const footprints = computeFootprints(records, library, methodologySettingsFor(org), contracts);
  const footprintAt = (i: number) => footprints[i] as (typeof footprints)[number];
  const stored = await storeUsageRecords(
    ctx,
    [
      ...demo.records.map((record, i) => ({ record, footprint: footprintAt(i) })),
      ...aiRecords.map((parsed, i) => {
        const ai = parsed.ai as NonNullable<typeof parsed.ai>;
        return {
          record: parsed.record,
          footprint: aiFootprintOf(footprintAt(demo.records.length + i), ai),
          ai,
          sourceData: sourceDataOf(parsed),
        };
      }),
    ],
    { computedAt: options.computedAt },
  );
  // A target and a budget, so /targets and the overview burn-down are not empty on first run.
  await seedDemoTargetAndBudget({ orgId: org.id, userId: DEMO_OWNER_ID }, org.teamId, options.computedAt);
  return { seeded: true, orgId: org.id, records: stored.created };
}
