import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, beforeEach, expect, test, vi } from 'vitest';
import {
  getPanelTotals,
  loadDashboardQuery,
  overviewRead,
} from '@/app/(dashboard)/_components/dashboard-query';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import { type TUsageRecordInput, ZUsageRecordInput } from '@/lib/schemas/usage-record';
import type { TAuthContext } from '@/lib/server/access/auth-context';
import { getDashboardTotals } from '@/lib/server/dashboard/dashboard-totals';
import {
  clearOrgReadCache,
  getOrgDataVersion,
  RequestAbandonedError,
} from '@/lib/server/dashboard/org-read-cache';
import { getPrisma, withDashboardReads } from '@/lib/server/db/prisma';
import { getCachedFactorLibrary } from '@/lib/server/factors/factor-library-cache';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { RenderGate } from '@/lib/server/http/render-gate';
import { currentRequestContext } from '@/lib/server/http/request-context';
import { storeUsageRecords } from '@/lib/server/usage/usage-records';
import { withRequestContext } from '@/scripts/server/request-context-handler.mjs';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

// Issue #17 item 13: the overview's reads are cached in process per (organisation, data version, filters); the
// version is bumped by triggers in the writer's transaction, so a write makes the next view fresh; a request
// whose client has gone starts no read and leaves the render queue.

// Counts the aggregate queries the overview issues for its totals (the real function runs).
vi.mock('@/lib/server/dashboard/dashboard-totals', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/server/dashboard/dashboard-totals')>();
  return { ...original, getDashboardTotals: vi.fn(original.getDashboardTotals) };
});
const totalsQueries = vi.mocked(getDashboardTotals);

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
});

beforeEach(() => {
  clearOrgReadCache();
  totalsQueries.mockClear();
});

function record(recordId: string, startedAt: string, endedAt: string): TUsageRecordInput {
  return ZUsageRecordInput.parse({
    recordId,
    phase: 'training',
    startedAt,
    endedAt,
    provider: 'gcp',
    region: 'europe-west9',
    accelerator: 'A100-SXM4-80GB',
    acceleratorCount: 8,
    team: 'Applied ML',
    project: 'Support bot',
  });
}

async function store(orgId: string, records: TUsageRecordInput[]) {
  const library = await getCachedFactorLibrary({ orgId });
  const footprints = computeFootprints(records, library, DEFAULT_METHODOLOGY_SETTINGS, []);
  await storeUsageRecords(
    { orgId },
    records.map((r, i) => ({ record: r, footprint: footprints[i] as (typeof footprints)[number] })),
    { computedAt: new Date('2026-11-29T00:00:00Z') },
  );
}

function authContext(org: { orgId: string; orgSlug: string; userId: string; email: string }): TAuthContext {
  return {
    userId: org.userId,
    userEmail: org.email,
    userName: 'Test',
    orgId: org.orgId,
    orgSlug: org.orgSlug,
    orgName: 'Test org',
    role: 'owner',
    memberships: [],
    via: 'session',
    actor: { kind: 'user', userId: org.userId },
  };
}

/** The stored facility energy of the org's records (kWh), read straight from the table. */
async function storedFacilityKwh(orgId: string): Promise<number> {
  const rows = await getPrisma().usageRecord.findMany({
    where: { orgId },
    select: { facilityEnergyKwh: true },
  });
  return rows.reduce((sum, r) => sum + r.facilityEnergyKwh, 0);
}

/** One overview view of the whole year 2026 (as the page does it: version, query, totals). */
async function viewTotals(ctx: TAuthContext) {
  const query = await loadDashboardQuery(ctx, { range: 'custom', from: '2026-01-01', to: '2026-12-31' });
  return { query, totals: await getPanelTotals(query, query.range) };
}

test('[overview cache] a repeated view issues no aggregate query; a write makes the next view fresh', async () => {
  const org = await createOrgWithMember();
  const ctx = authContext(org);
  // Two records wholly inside 2026: the range apportions nothing away (time share 1).
  await store(org.orgId, [record('run-1', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z')]);
  const first = await viewTotals(ctx);
  expect(totalsQueries).toHaveBeenCalledTimes(1);
  expect(first.totals.records).toBe(1);
  expect(first.totals.values.facilityEnergyKwh).toBeCloseTo(await storedFacilityKwh(org.orgId), 6);

  const again = await viewTotals(ctx);
  expect(again.query.ctx.dataVersion).toBe(first.query.ctx.dataVersion);
  expect(totalsQueries).toHaveBeenCalledTimes(1);
  expect(again.totals).toEqual(first.totals);

  await store(org.orgId, [record('run-2', '2026-04-01T00:00:00Z', '2026-04-03T00:00:00Z')]);
  const afterWrite = await viewTotals(ctx);
  expect(BigInt(afterWrite.query.ctx.dataVersion)).toBeGreaterThan(BigInt(first.query.ctx.dataVersion));
  expect(totalsQueries).toHaveBeenCalledTimes(2);
  expect(afterWrite.totals.records).toBe(2);
  // run-2: the same 8 GPUs for 48 h instead of 24 h, so the total is three times run-1's energy.
  expect(afterWrite.totals.values.facilityEnergyKwh).toBeCloseTo(
    first.totals.values.facilityEnergyKwh * 3,
    6,
  );
  expect(afterWrite.totals.values.facilityEnergyKwh).toBeCloseTo(await storedFacilityKwh(org.orgId), 6);

  // A deletion is a write too.
  await getPrisma().usageRecord.deleteMany({ where: { orgId: org.orgId, externalId: 'run-2' } });
  const afterDelete = await viewTotals(ctx);
  expect(totalsQueries).toHaveBeenCalledTimes(3);
  expect(afterDelete.totals.records).toBe(1);
});

test('[overview cache] names, budgets and settings bump the version; other organisations do not', async () => {
  const org = await createOrgWithMember();
  const other = await createOrgWithMember();
  const versions = async () => [await getOrgDataVersion(org), await getOrgDataVersion(other)];
  await store(org.orgId, [record('run-1', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z')]);
  const [v0, otherV0] = await versions();
  const team = await getPrisma().team.findFirstOrThrow({ where: { orgId: org.orgId } });
  await getPrisma().team.update({ where: { id: team.id }, data: { name: 'Renamed' } });
  const [v1] = await versions();
  await getPrisma().carbonBudget.create({
    data: { orgId: org.orgId, teamId: team.id, periodKind: 'quarter', basis: 'location', amountKgCo2e: 100 },
  });
  const [v2] = await versions();
  await getPrisma().organization.update({ where: { id: org.orgId }, data: { carbonPricePerTonneCo2e: 80 } });
  const [v3, otherV3] = await versions();
  const base = BigInt(v0 ?? '');
  expect([v1, v2, v3].map((v) => BigInt(v ?? '') - base)).toEqual([1n, 2n, 3n]);
  expect(otherV3).toBe(otherV0);
});

test('[overview cache] concurrent identical views share one aggregate query', async () => {
  const org = await createOrgWithMember();
  await store(org.orgId, [record('run-1', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z')]);
  const ctx = authContext(org);
  const views = await Promise.all(Array.from({ length: 10 }, () => viewTotals(ctx)));
  expect(totalsQueries).toHaveBeenCalledTimes(1);
  expect(new Set(views.map((v) => v.totals.records))).toEqual(new Set([1]));
});

test('[overview cache] dashboard reads run with a statement_timeout (10 s by default)', async () => {
  const setting = await withDashboardReads(
    () => getPrisma().$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`,
  );
  expect(setting[0]?.statement_timeout).toBe('10s');
  // The application's ordinary client has none (uploads may run longer).
  const plain = await getPrisma().$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
  expect(plain[0]?.statement_timeout).toBe('0');
});

test('[overview cache] an abandoned request leaves the render queue and starts no query', async () => {
  const org = await createOrgWithMember();
  await store(org.orgId, [record('run-1', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z')]);
  const ctx = authContext(org);
  // The production server's wrapper (scripts/server/request-context-handler.mjs) around a handler that does what
  // the overview does: wait for a render slot with the request's signal, then read through the cache.
  const gate = new RenderGate(1);
  let releaseHolder: (() => void) | undefined;
  const started: string[] = [];
  const handler = withRequestContext(async (req, res) => {
    const request = currentRequestContext();
    if (!request) {
      throw new Error('no request context');
    }
    const name = req.url ?? '';
    try {
      const release = await gate.acquire(request.signal);
      void request.closed.then(release);
      if (name === '/holder') {
        releaseHolder = release;
        await new Promise<void>((resolve) => {
          const wait = setInterval(() => {
            if (releaseHolder === undefined) {
              clearInterval(wait);
              resolve();
            }
          }, 10);
        });
      }
      const query = await loadDashboardQuery(ctx, {}, request.signal);
      await overviewRead(query, `probe${name}`, [], async () => {
        started.push(name);
        return 1;
      });
      res.end('ok');
    } catch (error) {
      started.push(`${name}: ${(error as Error).name}`);
      res.destroy();
    }
  });
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const holder = fetch(`${base}/holder`);
    await vi.waitFor(() => expect(gate.stats.running).toBe(1));
    const client = new AbortController();
    const abandoned = fetch(`${base}/abandoned`, { signal: client.signal }).catch((e: Error) => e.name);
    await vi.waitFor(() => expect(gate.stats.waiting).toBe(1));
    client.abort();
    expect(await abandoned).toBe('AbortError');
    // The server saw the close: the waiter left the queue while the slot was still held.
    await vi.waitFor(() => expect(gate.stats.waiting).toBe(0));
    expect(gate.stats.running).toBe(1);
    const release = releaseHolder;
    releaseHolder = undefined;
    release?.();
    expect(await (await holder).text()).toBe('ok');
    // A later request is served at once.
    expect(await (await fetch(`${base}/later`)).text()).toBe('ok');
    expect(started).toEqual(['/abandoned: RenderAbandonedError', '/holder', '/later']);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  // And a read asked for by a request that has already gone is not started.
  const load = vi.fn(async () => 1);
  const gone = await loadDashboardQuery(ctx, {});
  await expect(
    overviewRead({ ...gone, signal: AbortSignal.abort() }, 'probe-gone', [], load),
  ).rejects.toBeInstanceOf(RequestAbandonedError);
  expect(load).not.toHaveBeenCalled();
});
