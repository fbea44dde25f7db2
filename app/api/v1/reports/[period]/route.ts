// GET /api/v1/reports/2026-Q3?format=… is the same export as /api/v1/reports/2026-Q3/export (issue #6 path).
export { GET } from './export/route';

export const dynamic = 'force-dynamic';
