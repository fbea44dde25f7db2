import { buildOpenApiDocument } from '@/lib/api/openapi';

// The OpenAPI 3.1 document, generated from the Zod schemas (lib/api/openapi.ts). Public: it holds no data.
export function GET(request: Request) {
  return Response.json(buildOpenApiDocument(new URL(request.url).origin));
}

export const dynamic = 'force-dynamic';
