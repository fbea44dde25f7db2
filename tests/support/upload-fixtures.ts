import { randomBytes } from 'node:crypto';
import { type TUserActor, userActor } from '@/lib/auth/actor';
import { getPrisma } from '@/lib/server/db/prisma';

/** A file's bytes as a stream of small chunks, as a request body would arrive. */
export async function* chunksOf(text: string | Uint8Array, size = 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) {
    yield bytes.subarray(i, i + size);
  }
}

/** A fresh organisation with one editor; returns the ingest context. */
export async function createOrgWithEditor(
  name: string,
): Promise<{ orgId: string; userId: string; role: 'editor'; actor: TUserActor }> {
  const prisma = getPrisma();
  const suffix = randomBytes(4).toString('hex');
  const org = await prisma.organization.create({ data: { name, slug: `${name.toLowerCase()}-${suffix}` } });
  const user = await prisma.user.create({
    data: {
      id: `u-${suffix}`,
      email: `editor-${suffix}@example.test`,
      name: `Editor ${name}`,
      emailVerified: true,
    },
  });
  await prisma.membership.create({ data: { orgId: org.id, userId: user.id, role: 'editor' } });
  return { orgId: org.id, userId: user.id, role: 'editor', actor: userActor(user.id) };
}

/** Record count and totals of an organisation (kWh, kg CO2e). */
export async function orgTotals(orgId: string) {
  const agg = await getPrisma().usageRecord.aggregate({
    where: { orgId },
    _count: true,
    _sum: { facilityEnergyKwh: true, locationKgCo2e: true },
  });
  return {
    records: agg._count,
    facilityEnergyKwh: agg._sum.facilityEnergyKwh ?? 0,
    locationKgCo2e: agg._sum.locationKgCo2e ?? 0,
  };
}
