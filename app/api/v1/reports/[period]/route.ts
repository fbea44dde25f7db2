import { withRateLimit } from '@/lib/server/http/rate-limit';
import { handleReportExport } from '../_lib/export-handler';

// GET /api/v1/reports/2026-Q3?format=pdf|xlsx|csv|json[&version=N] (issue #6): the latest frozen version, or the
// live provisional report when none is frozen. Never freezes (a GET changes nothing): POST …/versions does.
async function handleGet(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return handleReportExport(request, params, 'latest-snapshot');
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
