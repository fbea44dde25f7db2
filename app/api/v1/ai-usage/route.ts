import { defineRoute } from '@/lib/server/http/define-route';
import { AI_USAGE_STORE_ROUTE } from '@/lib/server/http/routes/v1-routes';
import { recordErrorsResponse } from '@/lib/server/http/validate-records';
import { storeAiUsage } from '@/lib/server/usage/store-ai-usage';

// Third-party AI usage from applications and gateways (issue #21): all or nothing, idempotent like records.
// 201 counts · 422 row errors (unknown provider or model, bad period), nothing stored.
export const POST = defineRoute(AI_USAGE_STORE_ROUTE, async ({ ctx, body }) => {
  const outcome = await storeAiUsage(ctx, body, new Date());
  if ('errors' in outcome) {
    return recordErrorsResponse(outcome.errors);
  }
  return Response.json(outcome.result, { status: 201 });
});

export const dynamic = 'force-dynamic';
