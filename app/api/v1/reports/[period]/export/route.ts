import { withRateLimit } from '@/lib/server/http/rate-limit';
import { handleReportExport } from '../../_lib/export-handler';

// GET /api/v1/reports/2026-Q3/export?format=pdf|xlsx|csv|json[&version=N|latest] (session or bearer, read).
// Without `version`: the live provisional report, built from the current data.
async function handleGet(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return handleReportExport(request, params, 'live');
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
