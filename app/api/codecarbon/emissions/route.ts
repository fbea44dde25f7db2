import { defineRoute } from '@/lib/server/http/define-route';
import { CC_EMISSION_CREATE_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';
import { addCodecarbonEmission } from '@/lib/server/usage/codecarbon-live';

// CodeCarbon-compatible `POST {api_endpoint}/emissions`: one delta of a run; the run's record is recomputed.
// 201 + the emission id as a JSON string (also for an absorbed exact retry) · 404 unknown run · 422 invalid.
export const POST = defineRoute(CC_EMISSION_CREATE_ROUTE, async ({ ctx, body }) => {
  const { id } = await addCodecarbonEmission(ctx, body, new Date());
  return Response.json(id, { status: 201 });
});

export const dynamic = 'force-dynamic';
