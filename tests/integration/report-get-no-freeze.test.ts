import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as exportReportRoute } from '@/app/api/v1/reports/[period]/export/route';
import { GET as getReport } from '@/app/api/v1/reports/[period]/route';
import { POST as freezeRoute } from '@/app/api/v1/reports/[period]/versions/route';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

// Issue #17 item 11: a GET must not change state. `GET /api/v1/reports/{period}` without `version` used to freeze a
// draft for callers who may prepare reports, so a cross-site link (<img src=…>) froze a version under the victim's
// name. Freezing is only POST …/versions; GET reads the latest frozen version or the live provisional report.
const PERIOD = '2025-Q2';
let token = '';
let orgId = '';
const params = { params: Promise.resolve({ period: PERIOD }) };
const get = (path: string) =>
  new Request(`http://localhost/api/v1/reports/${PERIOD}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
const versionCount = () => getPrisma().reportVersion.count({ where: { orgId } });

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  const owner = await createOrgWithMember('owner');
  orgId = owner.orgId;
  token = (await createApiToken(owner, 'reports')).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('GET of a report never freezes it', () => {
  test('an owner GET without version answers the live report and leaves report_version empty', async () => {
    for (const format of ['json', 'csv']) {
      const res = await getReport(get(`?format=${format}`), params);
      expect(res.status).toBe(200);
    }
    const res = await exportReportRoute(get('/export?format=json'), params);
    expect(res.status).toBe(200);
    expect(await versionCount()).toBe(0);
  });

  test('freezing is POST …/versions; a later GET returns that frozen version, byte for byte', async () => {
    const frozen = await freezeRoute(
      new Request(`http://localhost/api/v1/reports/${PERIOD}/versions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      }),
      params,
    );
    expect(frozen.status).toBe(201);
    expect(await versionCount()).toBe(1);
    const stored = await getPrisma().reportVersion.findFirstOrThrow({ where: { orgId } });
    const res = await getReport(get('?format=json'), params);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(stored.contentJson);
    expect(await versionCount()).toBe(1);
  });
});
