import { toResponse } from '@/lib/errors';
import { ZEnergyContractCreate } from '@/lib/schemas/api-v1-contracts';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { createEnergyContract, listEnergyContracts } from '@/lib/server/factors/energy-contract-admin';
import { parseJsonBody } from '@/lib/server/http/codecarbon-request';
import { withRateLimit } from '@/lib/server/http/rate-limit';

// The organisation's market-based instruments (GO, REC, PPA, green tariff, supplier rate).
async function handleGet(request: Request) {
  try {
    const ctx = await requireRequestAuth(request, 'read');
    return Response.json({ contracts: await listEnergyContracts(ctx) });
  } catch (error) {
    return toResponse(error);
  }
}

// Adds one; every record is recomputed (market-based CO2e), restatements and an audit event are written.
async function handlePost(request: Request) {
  try {
    const body = await parseJsonBody(request, ZEnergyContractCreate);
    const ctx = await requireRequestAuth(request, 'manageOrganization');
    const result = await createEnergyContract(ctx, body, new Date());
    return Response.json(result, { status: 201 });
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const POST = withRateLimit(handlePost);
export const dynamic = 'force-dynamic';
