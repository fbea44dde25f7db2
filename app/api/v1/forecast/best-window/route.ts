import { defineRoute } from '@/lib/server/http/define-route';
import { BEST_WINDOW_ROUTE } from '@/lib/server/http/routes/v1-routes';
import { getBestWindow } from '@/lib/server/insights/best-window';

// Cleanest start time for a run, from historical hourly profiles (labelled as such; not a forecast).
export const GET = defineRoute(BEST_WINDOW_ROUTE, async ({ ctx, query }) =>
  Response.json(await getBestWindow(ctx, query, new Date())),
);

export const dynamic = 'force-dynamic';
