import { buildOpenApiDocument } from '@/lib/server/http/openapi/openapi';
import { withRateLimit } from '@/lib/server/http/rate-limit';

// The OpenAPI 3.1 document, generated from the Zod schemas (lib/server/http/openapi/openapi.ts). Public: it holds no data.
function handleGet(request: Request) {
  return Response.json(buildOpenApiDocument(new URL(request.url).origin));
}

export const GET = withRateLimit(handleGet, { anonymous: true });
export const dynamic = 'force-dynamic';
