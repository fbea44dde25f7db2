import { defineRoute } from '@/lib/server/http/define-route';
import { buildOpenApiDocument } from '@/lib/server/http/openapi/openapi';
import { OPENAPI_ROUTE } from '@/lib/server/http/routes/v1-routes';

// The OpenAPI 3.1 document, generated from the route definitions (lib/server/http/openapi/openapi.ts). Public: it
// holds no data.
export const GET = defineRoute(OPENAPI_ROUTE, ({ request }) =>
  Response.json(buildOpenApiDocument(new URL(request.url).origin)),
);

export const dynamic = 'force-dynamic';
