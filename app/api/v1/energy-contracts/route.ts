import { createEnergyContract, listEnergyContracts } from '@/lib/server/factors/energy-contract-admin';
import { defineRoute } from '@/lib/server/http/define-route';
import { CONTRACT_CREATE_ROUTE, CONTRACT_LIST_ROUTE } from '@/lib/server/http/routes/factor-routes';

// The organisation's market-based instruments (GO, REC, PPA, green tariff, supplier rate).
export const GET = defineRoute(CONTRACT_LIST_ROUTE, async ({ ctx }) =>
  Response.json({ contracts: await listEnergyContracts(ctx) }),
);

// Adds one; every record is recomputed (market-based CO2e), restatements and an audit event are written.
export const POST = defineRoute(CONTRACT_CREATE_ROUTE, async ({ ctx, body }) =>
  Response.json(await createEnergyContract(ctx, body, new Date()), { status: 201 }),
);

export const dynamic = 'force-dynamic';
