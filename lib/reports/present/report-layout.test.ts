import { describe, expect, test } from 'vitest';
import { buildQuarterlyEsgReport } from '../build-quarterly-esg-report';
import type { TEsgReport, THeadlineFigure } from '../report-model';
import { withSignOff, withSnapshotInfo } from '../report-snapshot';
import { fixtureAggregates } from '../testing/report-fixture';
import {
  arrangeForPrint,
  COVER_TILE_IDS,
  PAGE_TILE_IDS,
  pickHeadline,
  scopeChartRows,
  signOffState,
  summaryFindings,
} from './report-layout';

const report = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3'), {
  generatedAt: new Date('2026-11-29T12:00:00Z'),
});

describe('report layout', () => {
  test('cover: four tiles (totals on both bases, facility energy, water); page: at most six', () => {
    expect(pickHeadline(report, COVER_TILE_IDS).map((h) => h.id)).toEqual([
      'total-location',
      'total-market',
      'electricity-mwh',
      'water-onsite',
    ]);
    expect(PAGE_TILE_IDS.length).toBeLessThanOrEqual(6);
  });

  test('scope chart: Scope 2, Cat 1 split into cloud compute and AI services (0 without data), Cat 2', () => {
    const rows = scopeChartRows(report);
    expect(rows.map((r) => r.label)).toEqual([
      'Scope 2',
      'Cat 1 cloud compute',
      'Cat 1 AI services',
      'Cat 2 hardware',
    ]);
    const byId = (id: string) => report.headline.find((h) => h.id === id)?.value;
    expect(rows[0]).toMatchObject({
      locationTCo2e: byId('scope2-location'),
      marketTCo2e: byId('scope2-market'),
    });
    expect(rows[1]).toMatchObject({
      locationTCo2e: byId('scope3-cat1-cloud-compute-location'),
      marketTCo2e: byId('scope3-cat1-cloud-compute-market'),
    });
    expect(rows[2]).toMatchObject({ locationTCo2e: 0, marketTCo2e: 0 });
    // A report frozen before the Cat 1 parts existed has neither figure: cloud compute is all of Cat 1 minus an AI
    // figure if one is there (10 − 2.5 = 7.5), AI services 0 otherwise.
    const template = report.headline[0] as THeadlineFigure;
    const older = report.headline.filter((h) => !/^scope3-cat1-(cloud-compute|ai-services)-/.test(h.id));
    const frozen: TEsgReport = {
      ...report,
      headline: [
        ...older.map((h) => (h.id === 'scope3-cat1-location' ? { ...h, value: 10 } : h)),
        { ...template, id: 'scope3-cat1-ai-services-location', value: 2.5 },
      ],
    };
    expect(scopeChartRows(frozen)[1]?.locationTCo2e).toBe(7.5);
    expect(scopeChartRows(frozen)[2]?.locationTCo2e).toBe(2.5);
    expect(scopeChartRows({ ...report, headline: older })[2]).toMatchObject({
      locationTCo2e: 0,
      marketTCo2e: 0,
    });
  });

  test('scope chart: a Cat 11 sold-products bar only when the report has that figure non-zero', () => {
    const template = report.headline[0] as THeadlineFigure;
    // The fixture has no shipped products (0), and a report frozen before the figure existed has none: no bar.
    expect(scopeChartRows(report).map((r) => r.label)).not.toContain('Cat 11 sold products');
    const older = report.headline.filter((h) => !h.id.startsWith('scope3-cat11-'));
    expect(scopeChartRows({ ...report, headline: older })).toHaveLength(4);
    const withSold: TEsgReport = {
      ...report,
      headline: [
        ...older,
        { ...template, id: 'scope3-cat11-sold-products-location', value: 0.165 },
        { ...template, id: 'scope3-cat11-sold-products-market', value: 0.12 },
      ],
    };
    const rows = scopeChartRows(withSold);
    expect(rows.map((r) => r.label)).toEqual([
      'Scope 2',
      'Cat 1 cloud compute',
      'Cat 1 AI services',
      'Cat 11 sold products',
      'Cat 2 hardware',
    ]);
    expect(rows[3]).toMatchObject({ locationTCo2e: 0.165, marketTCo2e: 0.12 });
  });

  test('three to five findings without codes', () => {
    const findings = summaryFindings(report);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    expect(findings.length).toBeLessThanOrEqual(5);
    for (const f of findings) {
      expect(f).not.toMatch(/\b[a-z]+_[a-z]+\b|\d{4}-\d{2}-\d{2}T/);
    }
  });

  test('sign-off state: provisional, frozen, reviewed, approved', () => {
    expect(signOffState(report).stage).toBe('provisional');
    const frozen = withSnapshotInfo(report, {
      version: 2,
      status: 'restated',
      frozenAt: '2026-11-30T09:00:00.000Z',
      supersedesVersion: 1,
      reason: 'recalculation',
      changes: [],
    });
    const base = {
      preparedBy: 'Ana',
      preparedAt: '2026-11-30T09:00:00.000Z',
      approvedBy: null,
      approvedAt: null,
    };
    expect(signOffState(withSignOff(frozen, base))).toMatchObject({
      stage: 'frozen',
      label: 'Frozen, version 2 (restated), awaiting review',
    });
    const reviewed = withSignOff(frozen, {
      ...base,
      reviewedBy: 'Ben',
      reviewedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(signOffState(reviewed).stage).toBe('reviewed');
    const approved = withSignOff(frozen, {
      ...base,
      reviewedBy: 'Ben',
      reviewedAt: '2026-12-01T10:00:00.000Z',
      approvedBy: 'Cleo',
      approvedAt: '2026-12-02T11:00:00.000Z',
    });
    const state = signOffState(approved);
    expect(state.stage).toBe('approved');
    expect(state.rows).toEqual([
      { role: 'Preparer', name: 'Ana', at: '2026-11-30T09:00:00.000Z' },
      { role: 'Reviewer', name: 'Ben', at: '2026-12-01T10:00:00.000Z' },
      { role: 'Approver', name: 'Cleo', at: '2026-12-02T11:00:00.000Z' },
    ]);
  });

  test('print: factor register, data quality and restatement log move to appendices A–C', () => {
    const { sections, appendices } = arrangeForPrint(report);
    expect(appendices.map((a) => [a.letter, a.title, a.tables.map((t) => t.id)])).toEqual([
      ['A', 'Factor register', ['factor-register']],
      ['B', 'Data-quality tables', ['data-quality', 'fallbacks']],
      ['C', 'Restatement log', ['restatement-log']],
    ]);
    const methodology = sections.find((s) => s.id === 'methodology');
    expect(methodology?.tables.map((t) => t.id)).not.toContain('factor-register');
    expect(methodology?.paragraphs).toContain('Factor register: see Appendix A.');
    // Every table is printed exactly once.
    const printed = [...sections.flatMap((s) => s.tables), ...appendices.flatMap((a) => a.tables)].length;
    expect(printed).toBe(report.sections.flatMap((s) => s.tables).length);
  });
});
