import { toResponse } from '@/lib/errors';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { deleteEnergyContract } from '@/lib/server/factors/energy-contract-admin';
import { withRateLimit } from '@/lib/server/http/rate-limit';

// Removes a contract and recomputes every record.
async function handleDelete(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await requireRequestAuth(request, 'manageOrganization');
    const result = await deleteEnergyContract(ctx, id, new Date());
    return Response.json(result);
  } catch (error) {
    return toResponse(error);
  }
}

export const DELETE = withRateLimit(handleDelete);
export const dynamic = 'force-dynamic';
