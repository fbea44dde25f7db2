import { describe, expect, test } from 'vitest';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { ZBestWindowQuery } from '@/lib/schemas/best-window';
import { findBestWindow } from './best-window';
import { insightsInputs, insightsLibrary } from './testing/insights-fixture';

const library = ensureIndexed(insightsLibrary());
const { settings } = insightsInputs();
const now = new Date('2026-01-05T00:30:00Z');
const query = (q: Record<string, string>) => ZBestWindowQuery.parse(q);

describe('findBestWindow', () => {
  test('cloud region → zone profile; 4 h within 24 h from now starts at 12:00', () => {
    const r = findBestWindow(library, settings, query({ region: 'prof-1', hours: '4', within: '24' }), now);
    // now floors to 00:00; profile 400 g except 12:00–15:59 = 100 g → offset 12, saving 1 − 100/400 = 75 %.
    expect(r).toMatchObject({
      ok: true,
      value: {
        label: 'historical-profile based',
        gridZone: 'PROF',
        bestStart: '2026-01-05T12:00:00.000Z',
        bestEnd: '2026-01-05T16:00:00.000Z',
        offsetHours: 12,
        bestMeanGCo2ePerKwh: 100,
        plannedMeanGCo2ePerKwh: 400,
        savingPercent: 75,
      },
    });
  });

  test('a grid zone works directly; `from` overrides now', () => {
    const r = findBestWindow(
      library,
      settings,
      query({ region: 'prof', hours: '2', within: '4', from: '2026-06-01T13:00:00Z' }),
      now,
    );
    // Starting 13:00 is already inside the trough: offset 0, 100 g.
    expect(r.ok && r.value.offsetHours).toBe(0);
    expect(r.ok && r.value.bestMeanGCo2ePerKwh).toBe(100);
  });

  test('unknown region → unknown-region; region without profile → no-profile naming the profiled zones', () => {
    expect(
      findBestWindow(library, settings, query({ region: 'mars-1', hours: '1', within: '2' }), now),
    ).toMatchObject({
      ok: false,
      reason: 'unknown-region',
    });
    const r = findBestWindow(library, settings, query({ region: 'dirty-1', hours: '1', within: '2' }), now);
    expect(r).toMatchObject({ ok: false, reason: 'no-profile' });
    expect(r.ok ? '' : r.message).toContain('profiles exist for PROF');
  });

  test('the query schema rejects bad input with clear messages', () => {
    const bad = ZBestWindowQuery.safeParse({ region: 'DE', hours: '0', within: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['hours must be at least 1', 'within must be a whole number of hours']),
    );
    const order = ZBestWindowQuery.safeParse({ region: 'DE', hours: '10', within: '5' });
    expect(order.error?.issues[0]?.message).toBe('within must be at least hours');
  });
});

test('`from` must carry its offset: a naive date-time would be read in the server zone', () => {
  const parsed = ZBestWindowQuery.safeParse({
    region: 'prof',
    hours: '2',
    within: '4',
    from: '2026-06-01T13:00:00',
  });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues[0]?.path).toEqual(['from']);
  expect(parsed.error?.issues[0]?.message).toMatch(/^from: "2026-06-01T13:00:00" has no UTC offset/);
  expect(
    ZBestWindowQuery.safeParse({ region: 'prof', hours: '2', within: '4', from: '2026-06-01T13:00:00+02:00' })
      .success,
  ).toBe(true);
});
