import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TDeleteFactorOverrideInput } from '@/lib/schemas/factor-override';

/** A readable description of an override for the restatement reason (the id alone says nothing). */
export async function describeOverride(
  tx: Prisma.TransactionClient,
  kind: TDeleteFactorOverrideInput['kind'],
  where: { id: string; orgId: string },
): Promise<string> {
  if (kind === 'grid') {
    const f = await tx.emissionFactor.findFirst({ where });
    return f
      ? `grid factor ${f.zone} ${f.gCo2ePerKwh} g/kWh (${f.basis}) for ${f.periodStart.toISOString().slice(0, 10)}..${f.periodEnd.toISOString().slice(0, 10)}`
      : `grid factor ${where.id}`;
  }
  if (kind === 'location') {
    const l = await tx.location.findFirst({ where });
    return l ? `location ${l.provider}/${l.regionCode} → ${l.gridZone}` : `location ${where.id}`;
  }
  const a = await tx.accelerator.findFirst({ where });
  return a ? `accelerator ${a.name} ${a.tdpW} W` : `accelerator ${where.id}`;
}
