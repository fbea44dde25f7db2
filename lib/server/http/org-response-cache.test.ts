import { beforeEach, describe, expect, test, vi } from 'vitest';
import { cachedOrgJson, clearOrgResponseCache, orgResponseCacheStats } from './org-response-cache';

const ORG = '00000000-0000-4000-8000-000000000001';
const at = (dataVersion: string, orgId = ORG) => ({ orgId, dataVersion });

beforeEach(() => {
  delete process.env.ORG_RESPONSE_CACHE_MB;
  clearOrgResponseCache();
});

describe('cachedOrgJson', () => {
  test('one load per (organisation, version, key); the answer is the JSON text of the loaded value', async () => {
    const load = vi.fn(async () => ({ groups: [{ key: '2026-01', facilityEnergyKwh: 1.5 }] }));
    const first = await cachedOrgJson(at('7'), 'summary', load);
    const second = await cachedOrgJson(at('7'), 'summary', load);
    expect(first).toBe('{"groups":[{"key":"2026-01","facilityEnergyKwh":1.5}]}');
    expect(second).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
    // Another key, another organisation, another version: each loads.
    await cachedOrgJson(at('7'), 'summary?groupBy=team', load);
    await cachedOrgJson(at('7', '00000000-0000-4000-8000-000000000002'), 'summary', load);
    await cachedOrgJson(at('8'), 'summary', load);
    expect(load).toHaveBeenCalledTimes(4);
    expect(orgResponseCacheStats()).toMatchObject({ hits: 1, misses: 4, entries: 4 });
  });

  test('concurrent misses of one key share one load', async () => {
    let release: (v: unknown) => void = () => {};
    const load = vi.fn(() => new Promise((resolve) => (release = resolve)));
    const a = cachedOrgJson(at('1'), 'k', load);
    const b = cachedOrgJson(at('1'), 'k', load);
    release({ n: 1 });
    expect(await Promise.all([a, b])).toEqual(['{"n":1}', '{"n":1}']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a request that read an older version than one already seen loads without caching', async () => {
    await cachedOrgJson(at('5'), 'k', async () => 'new');
    const old = vi.fn(async () => 'old');
    expect(await cachedOrgJson(at('4'), 'k', old)).toBe('"old"');
    expect(await cachedOrgJson(at('4'), 'k', old)).toBe('"old"');
    expect(old).toHaveBeenCalledTimes(2);
    expect(orgResponseCacheStats().entries).toBe(1);
  });

  test('a failed load is not kept: the next call loads again', async () => {
    const failing = vi.fn(async () => {
      throw new Error('database unavailable');
    });
    await expect(cachedOrgJson(at('1'), 'k', failing)).rejects.toThrow('database unavailable');
    expect(await cachedOrgJson(at('1'), 'k', async () => 42)).toBe('42');
    expect(orgResponseCacheStats().entries).toBe(1);
  });

  test('the cache is capped by size: least recently used answers go first', async () => {
    // 524,286 characters + 2 quotes = 524,288 UTF-16 units = 1 MiB per answer; the default cap (32 MiB) holds 32.
    const body = 'x'.repeat(524_286);
    for (let i = 0; i < 40; i += 1) {
      await cachedOrgJson(at('1'), `k${i}`, async () => body);
    }
    expect(orgResponseCacheStats()).toMatchObject({ entries: 32, bytes: 32 * 1024 * 1024 });
    const reload = vi.fn(async () => body);
    await cachedOrgJson(at('1'), 'k7', reload); // evicted (keys 0–7 went first)
    await cachedOrgJson(at('1'), 'k39', reload); // kept
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('an answer above 2 MiB is served but not kept', async () => {
    const big = 'y'.repeat(1_100_000); // 1,100,002 units × 2 bytes > 2 MiB
    const load = vi.fn(async () => big);
    expect((await cachedOrgJson(at('1'), 'big', load)).length).toBe(1_100_002);
    await cachedOrgJson(at('1'), 'big', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(orgResponseCacheStats().entries).toBe(0);
  });

  test('ORG_RESPONSE_CACHE_MB sets the cap; 0 turns the cache off', async () => {
    process.env.ORG_RESPONSE_CACHE_MB = '2';
    clearOrgResponseCache();
    const body = 'x'.repeat(524_286); // 1 MiB each: a 2 MiB cap holds 2
    for (let i = 0; i < 3; i += 1) {
      await cachedOrgJson(at('1'), `k${i}`, async () => body);
    }
    expect(orgResponseCacheStats()).toMatchObject({ entries: 2, bytes: 2 * 1024 * 1024 });

    process.env.ORG_RESPONSE_CACHE_MB = '0';
    clearOrgResponseCache();
    const load = vi.fn(async () => 1);
    await cachedOrgJson(at('1'), 'k', load);
    await cachedOrgJson(at('1'), 'k', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(orgResponseCacheStats()).toMatchObject({ hits: 0, misses: 2, entries: 0 });
  });
});
