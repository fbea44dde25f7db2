import { toResponse } from '@/lib/errors';
import { ZBestWindowQuery } from '@/lib/schemas/best-window';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { parseQuery } from '@/lib/server/http/query';
import { getBestWindow } from '@/lib/server/insights/best-window';

// Cleanest start time for a run, from historical hourly profiles (labelled as such; not a forecast).
export async function GET(request: Request) {
  try {
    const query = parseQuery(ZBestWindowQuery, new URL(request.url));
    const ctx = await requireRequestAuth(request, 'read');
    return Response.json(await getBestWindow(ctx, query, new Date()));
  } catch (error) {
    return toResponse(error);
  }
}

export const dynamic = 'force-dynamic';
