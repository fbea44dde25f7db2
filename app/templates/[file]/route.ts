import { GENERIC_EXAMPLE_CSV, GENERIC_TEMPLATE_CSV } from '@/lib/ingest/templates';
import { defineRoute } from '@/lib/server/http/define-route';
import { TEMPLATE_ROUTE } from '@/lib/server/http/routes/app-routes';

// Public downloads of the generic template v1 (the CSV format guide): blank and with example rows.
const FILES: Record<string, string> = {
  'ai-footprint-template-v1.csv': GENERIC_TEMPLATE_CSV,
  'ai-footprint-example-v1.csv': GENERIC_EXAMPLE_CSV,
};

export const GET = defineRoute(TEMPLATE_ROUTE, ({ params }) => {
  const body = FILES[params.file];
  if (body === undefined) {
    return new Response('Not found', { status: 404 });
  }
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${params.file}"`,
    },
  });
});
