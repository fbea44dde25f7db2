import { buildOpenApiDocument } from '@/lib/api/openapi';
import { withRateLimit } from '@/lib/api/rate-limit';

// The OpenAPI 3.1 document, generated from the Zod schemas (lib/api/openapi.ts). Public: it holds no data.
function handleGet(request: Request) {
  return Response.json(buildOpenApiDocument(new URL(request.url).origin));
}

export const GET = withRateLimit(handleGet, { anonymous: true });
export const dynamic = 'force-dynamic';
