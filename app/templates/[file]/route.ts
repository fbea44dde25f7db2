import { GENERIC_EXAMPLE_CSV, GENERIC_TEMPLATE_CSV } from '@/lib/ingest/templates';

// Public downloads of the generic template v1 (docs/CSV_FORMAT.md): blank and with example rows.
const FILES: Record<string, string> = {
  'ai-footprint-template-v1.csv': GENERIC_TEMPLATE_CSV,
  'ai-footprint-example-v1.csv': GENERIC_EXAMPLE_CSV,
};

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const body = FILES[file];
  if (body === undefined) {
    return new Response('Not found', { status: 404 });
  }
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file}"`,
    },
  });
}
