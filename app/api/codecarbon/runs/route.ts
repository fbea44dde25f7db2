import { defineRoute } from '@/lib/server/http/define-route';
import { CC_RUN_CREATE_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';
import { createCodecarbonRun } from '@/lib/server/usage/codecarbon-live';

// CodeCarbon-compatible `POST {api_endpoint}/runs` (api_endpoint = https://<host>/api/codecarbon): 201 + the run.
export const POST = defineRoute(CC_RUN_CREATE_ROUTE, async ({ ctx, body }) => {
  const { id } = await createCodecarbonRun(ctx, body, new Date());
  return Response.json({ ...body, id }, { status: 201 });
});

export const dynamic = 'force-dynamic';
