import { deleteEnergyContract } from '@/lib/server/factors/energy-contract-admin';
import { defineRoute } from '@/lib/server/http/define-route';
import { CONTRACT_DELETE_ROUTE } from '@/lib/server/http/routes/factor-routes';

// Removes a contract and recomputes every record.
export const DELETE = defineRoute(CONTRACT_DELETE_ROUTE, async ({ ctx, params }) =>
  Response.json(await deleteEnergyContract(ctx, params.id, new Date())),
);

export const dynamic = 'force-dynamic';
