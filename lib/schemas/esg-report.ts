import { z } from 'zod';

/**
 * The ESG report as JSON (GET /api/v1/reports/{period}[/export]?format=json): the report model of
 * lib/reports/report-model.ts, which esg-report.test.ts checks is exactly this schema's type, so the OpenAPI
 * document and the serialiser cannot drift apart. Units are in the column `unit` and figure `unit` fields.
 */

const ZCell = z.union([z.string(), z.number(), z.null()]);

const ZReportTable = z.object({
  id: z.string(),
  title: z.string(),
  columns: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string().optional(),
      basis: z.string().optional(),
      period: z.string().optional(),
    }),
  ),
  rows: z.array(z.record(z.string(), ZCell)),
  note: z.string().optional(),
});

const ZChartPoint = z.object({
  label: z.string(),
  energyMwh: z.number(),
  locationTCo2e: z.number(),
  marketTCo2e: z.number(),
});

const ZFigureKey = {
  section: z.string(),
  metric: z.string(),
  period: z.string(),
  unit: z.string(),
  basis: z.string(),
};

export const ZEsgReport = z.object({
  schemaVersion: z.literal(1),
  title: z.string(),
  organization: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  period: z.object({
    key: z.string(),
    label: z.string(),
    kind: z.enum(['quarter', 'year']),
    start: z.string(),
    end: z.string(),
    timeZone: z.string(),
    previousKey: z.string(),
    sameLastYearKey: z.string(),
    yearToDateStart: z.string(),
  }),
  generatedAt: z.string(),
  status: z.literal('provisional'),
  assurance: z.string(),
  consolidation: z.string(),
  methodologyVersions: z.array(z.string()),
  roundingRule: z.string(),
  headline: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      value: z.number().nullable(),
      unit: z.string(),
      basis: z.string(),
      previous: z.number().nullable(),
      changeVsPreviousPct: z.number().nullable(),
      sameLastYear: z.number().nullable(),
      changeVsLastYearPct: z.number().nullable(),
      yearToDate: z.number().nullable(),
    }),
  ),
  drivers: z.array(z.string()),
  sections: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      paragraphs: z.array(z.string()),
      tables: z.array(ZReportTable),
    }),
  ),
  figures: z.array(z.object({ ...ZFigureKey, value: z.number().nullable() })),
  charts: z.object({ monthly: z.array(ZChartPoint), byPhase: z.array(ZChartPoint) }),
  snapshot: z
    .object({
      version: z.number().int(),
      status: z.enum(['draft', 'final', 'restated']),
      frozenAt: z.string(),
      supersedesVersion: z.number().int().nullable(),
      reason: z.string().nullable(),
      changes: z.array(
        z.object({
          ...ZFigureKey,
          oldValue: z.number().nullable(),
          newValue: z.number().nullable(),
          delta: z.number().nullable(),
        }),
      ),
    })
    .optional()
    .meta({ description: 'Frozen versions only' }),
});
