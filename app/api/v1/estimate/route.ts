import { METHODOLOGY_VERSION } from '@/lib/emissions/methodology-version';
import { sumFootprints } from '@/lib/emissions/sum-footprints';
import { toResponse } from '@/lib/errors';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { readJsonBody, recordErrorsResponse, validateRecordBatch } from '@/lib/server/http/validate-records';
import { computeForOrganization } from '@/lib/server/usage/api-estimate';

// Footprints of a JSON array of canonical records with the organisation's factors; nothing is stored.
// 200 results · 422 any invalid record (row errors: index/field/message) · 413 more than 10,000 records.
async function handlePost(request: Request) {
  try {
    const ctx = await requireRequestAuth(request, 'read');
    const { records, errors } = validateRecordBatch(await readJsonBody(request), new Date());
    if (errors.length > 0) {
      return recordErrorsResponse(errors);
    }
    const footprints = await computeForOrganization(ctx, records);
    return Response.json({
      methodologyVersion: METHODOLOGY_VERSION,
      results: footprints.map((f, index) => ({ index, ...f })),
      totals: sumFootprints(footprints),
    });
  } catch (error) {
    return toResponse(error);
  }
}

export const POST = withRateLimit(handlePost);
export const dynamic = 'force-dynamic';
