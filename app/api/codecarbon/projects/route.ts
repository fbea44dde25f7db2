import { defineRoute } from '@/lib/server/http/define-route';
import { CC_PROJECT_CREATE_ROUTE } from '@/lib/server/http/routes/codecarbon-routes';
import { createCodecarbonProject } from '@/lib/server/usage/codecarbon-experiments';

// CodeCarbon-compatible `POST /projects`: the project of that name (created if missing, matched by slug) → 201.
export const POST = defineRoute(CC_PROJECT_CREATE_ROUTE, async ({ ctx, body }) =>
  Response.json(await createCodecarbonProject(ctx, body.name), { status: 201 }),
);

export const dynamic = 'force-dynamic';
