import { withRateLimit } from '@/lib/api/rate-limit';
import { requireRequestAuth } from '@/lib/auth/context';
import { deleteEnergyContract } from '@/lib/data/energy-contract-admin';
import { toResponse } from '@/lib/errors';

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
