import { METHODOLOGY_VERSION } from '@/lib/emissions/methodology-version';
import { sumFootprints } from '@/lib/emissions/sum-footprints';
import { defineRoute } from '@/lib/server/http/define-route';
import { ESTIMATE_ROUTE } from '@/lib/server/http/routes/v1-routes';
import { recordErrorsResponse, validateRecordBatch } from '@/lib/server/http/validate-records';
import { computeForOrganization, instanceTypeErrors } from '@/lib/server/usage/api-estimate';

// Footprints of a JSON array of canonical records with the organisation's factors; nothing is stored.
// 200 results · 422 any invalid record (row errors: index/field/message) · 413 more than 10,000 records.
export const POST = defineRoute(ESTIMATE_ROUTE, async ({ ctx, body }) => {
  const { records, errors } = validateRecordBatch(body, new Date());
  if (errors.length > 0) {
    return recordErrorsResponse(errors);
  }
  const instanceErrors = await instanceTypeErrors(ctx, records);
  if (instanceErrors.length > 0) {
    return recordErrorsResponse(instanceErrors);
  }
  const footprints = await computeForOrganization(ctx, records);
  return Response.json({
    methodologyVersion: METHODOLOGY_VERSION,
    results: footprints.map((f, index) => ({ index, ...f })),
    totals: sumFootprints(footprints),
  });
});

export const dynamic = 'force-dynamic';
