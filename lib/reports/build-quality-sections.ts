import { ASSUMPTION_FLAGS } from '@/lib/emissions/assumption-flags';
import { computeEquivalences } from '@/lib/emissions/equivalences';
import type { TQuarterAggregates } from './aggregate-types';
import type { TReportSection } from './report-model';
import { measuredSharePct } from './report-tables';
import { ROUNDING_RULE, roundFor, toTonnes } from './rounding';

const describeFlag = (code: string) =>
  (ASSUMPTION_FLAGS as Record<string, string | undefined>)[code] ?? 'Unknown flag';

export function buildMethodologySection(a: TQuarterAggregates): TReportSection {
  const t = a.totals;
  const sources = [
    ...new Set(a.factors.map((f) => `${f.source}${f.licence ? ` (licence: ${f.licence})` : ''}`)),
  ].sort();
  return {
    id: 'methodology',
    number: '10',
    title: 'Methodology and data quality',
    paragraphs: [
      `Methodology version(s): ${a.methodologyVersions.join(', ') || 'none'}. Location-based = facility kWh × grid intensity; market-based = contractual instruments first, then residual mix, else grid average (flagged); water on-site = IT kWh × WUE, off-site = facility kWh × EWIF; SCI = (E × I + M) / R.`,
      `Share of IT energy measured: ${measuredSharePct(t) ?? 'n/a'} %; the rest is modelled (see fallbacks).`,
      `Uncertainty range (location-based total): ${roundFor(toTonnes(t.uncertaintyLowKgCo2e), 'tCO2e')} – ${roundFor(toTonnes(t.uncertaintyHighKgCo2e), 'tCO2e')} tCO2e (documented engineering ranges, bounds added across records).`,
      ROUNDING_RULE,
      `Data sources: ${sources.join('; ') || 'none'}.`,
    ],
    tables: [
      {
        id: 'data-quality',
        title: 'Data quality',
        columns: [
          { key: 'label', label: 'Indicator' },
          { key: 'value', label: 'Value' },
          { key: 'unit', label: 'Unit' },
        ],
        rows: [
          { label: 'Records in period', value: t.records, unit: 'records' },
          { label: 'IT energy measured', value: measuredSharePct(t), unit: '%' },
          {
            label: 'Uncertainty low (LB)',
            value: roundFor(toTonnes(t.uncertaintyLowKgCo2e), 'tCO2e'),
            unit: 'tCO2e',
          },
          {
            label: 'Uncertainty high (LB)',
            value: roundFor(toTonnes(t.uncertaintyHighKgCo2e), 'tCO2e'),
            unit: 'tCO2e',
          },
        ],
      },
      {
        id: 'fallbacks',
        title: 'Fallbacks and assumptions used',
        columns: [
          { key: 'code', label: 'Flag' },
          { key: 'records', label: 'Records', unit: 'records' },
          { key: 'description', label: 'Meaning' },
        ],
        rows: a.assumptionFlags.map((f) => ({
          code: f.code,
          records: f.records,
          description: describeFlag(f.code),
        })),
      },
      {
        id: 'factor-register',
        title: 'Factor register',
        columns: [
          { key: 'id', label: 'Factor' },
          { key: 'kind', label: 'Kind' },
          { key: 'value', label: 'Value' },
          { key: 'unit', label: 'Unit' },
          { key: 'source', label: 'Source' },
          { key: 'version', label: 'Version' },
          { key: 'licence', label: 'Licence' },
          { key: 'basis', label: 'Basis' },
          { key: 'records', label: 'Records', unit: 'records' },
        ],
        rows: a.factors.map((f) => ({
          id: f.id,
          kind: f.kind,
          value: f.value,
          unit: f.unit,
          source: f.source,
          version: f.datasetVersion,
          licence: f.licence ?? 'see Factors → Data sources',
          basis: f.basis ?? 'n/a',
          records: f.records,
        })),
      },
    ],
  };
}

export function buildRestatementsSection(a: TQuarterAggregates): TReportSection {
  return {
    id: 'restatements',
    number: '11',
    title: 'Changes, recalculations, restatements',
    paragraphs: [
      'This report is provisional. Stored results that were recomputed (factor updates, methodology changes, corrections) are listed with old and new values; the base-year recalculation threshold is 5 % of a reported total.',
      a.restatements.length
        ? `${a.restatements.length} restatement entr${a.restatements.length === 1 ? 'y' : 'ies'} in the period.`
        : 'No restatements in the period.',
    ],
    tables: [
      {
        id: 'restatement-log',
        title: 'Restatement log',
        columns: [
          { key: 'record', label: 'Record' },
          { key: 'field', label: 'Field' },
          { key: 'oldValue', label: 'Old' },
          { key: 'newValue', label: 'New' },
          { key: 'reason', label: 'Reason' },
          { key: 'at', label: 'When' },
        ],
        rows: a.restatements.map((r) => ({
          record: r.recordExternalId,
          field: r.field,
          oldValue: r.oldValue,
          newValue: r.newValue,
          reason: r.reason,
          at: r.createdAt.toISOString(),
        })),
      },
    ],
  };
}

export function buildEquivalencesSection(a: TQuarterAggregates): TReportSection {
  return {
    id: 'equivalences',
    number: '12',
    title: 'Equivalences (illustrative)',
    paragraphs: ['Illustrative only, not part of the inventory; based on the location-based total.'],
    tables: [
      {
        id: 'equivalences',
        title: 'Equivalences (illustrative, location-based)',
        columns: [
          { key: 'label', label: 'Equivalent' },
          { key: 'quantity', label: 'Quantity', unit: 'illustrative' },
          { key: 'unit', label: 'Unit' },
          { key: 'source', label: 'Source and vintage' },
        ],
        rows: computeEquivalences(a.totals.locationKgCo2e).map((e) => ({
          label: e.label,
          quantity: roundFor(e.quantity, 'illustrative'),
          unit: e.unit,
          source: `${e.source} (${e.vintage})`,
        })),
      },
    ],
  };
}

export function buildSignOffSection(): TReportSection {
  return {
    id: 'sign-off',
    number: '13',
    title: 'Governance and sign-off',
    paragraphs: [
      'Assurance status: unassured management information. Status: provisional (not yet approved).',
    ],
    tables: [
      {
        id: 'sign-off',
        title: 'Sign-off',
        columns: [
          { key: 'role', label: 'Role' },
          { key: 'name', label: 'Name' },
          { key: 'at', label: 'Date' },
        ],
        rows: [
          { role: 'Preparer', name: null, at: null },
          { role: 'Reviewer', name: null, at: null },
          { role: 'Approver', name: null, at: null },
        ],
      },
    ],
  };
}
