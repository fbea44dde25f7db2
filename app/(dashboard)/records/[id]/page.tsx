import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { aiFactorSource, aiFormulaInputOf } from '@/lib/dashboard/ai-record-provenance';
import { instrumentLabel } from '@/lib/dashboard/contract-coverage';
import { buildRecordFormulas, describeAiModelRef } from '@/lib/dashboard/record-formulas';
import { AI_SERVICE_FLAGS, aiServiceFlagsOf } from '@/lib/emissions/ai-services/ai-service-flags';
import { ASSUMPTION_FLAGS } from '@/lib/emissions/assumption-flags';
import { formatDateTime, formatDay } from '@/lib/format/date-time';
import { edgeBoundaryText } from '@/lib/format/edge-boundary';
import {
  aiServiceLabel,
  basisLabel,
  factorKindLabel,
  intensitySourceLabel,
  phaseLabel,
} from '@/lib/format/labels';
import { formatMoney } from '@/lib/format/money';
import { placeLabelWithCode } from '@/lib/format/place-label';
import { formatNumber } from '@/lib/format/quantities';
import { safeReturnPath } from '@/lib/security/safe-return-path';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { getOrganization } from '@/lib/server/access/organizations';
import { aiServiceNames } from '@/lib/server/usage/ai-service-options';
import { getUsageRecordDetail } from '@/lib/server/usage/usage-record-detail';
import { WhatIfCard } from '../../_components/what-if-card';

export const metadata: Metadata = { title: 'Record' };

function Rows({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      {items.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="break-words tabular-nums">{v === null || v === undefined || v === '' ? '—' : v}</dd>
        </div>
      ))}
    </dl>
  );
}

const num = (v: number | null, unit = '') =>
  v === null ? null : `${formatNumber(v)}${unit ? ` ${unit}` : ''}`;

/** The filtered list this record was opened from (same-origin /records paths only), or the plain list. */
function backToRecords(value: string | string[] | undefined): string {
  const path = safeReturnPath(Array.isArray(value) ? value[0] : value);
  return /^\/records(\?|$)/.test(path) ? path : '/records';
}

export default async function RecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageAuth('read');
  const { id } = await params;
  const back = backToRecords((await searchParams).back);
  const [r, org] = await Promise.all([getUsageRecordDetail(ctx, id), getOrganization(ctx)]);
  if (!r || !org) {
    notFound();
  }
  // Stored results follow the current lifetime: changing it recomputes every record (restatements logged).
  const ai = aiFormulaInputOf(r);
  const formulas = buildRecordFormulas({ ...r, embodiedLifetimeYears: org.embodiedLifetimeYears, ai });
  const aiFlags = aiServiceFlagsOf(r.sourceData);
  const aiModel = describeAiModelRef(r.aiModelRef);
  const stated = (flag: 'AI_PUE_STATED' | 'AI_WUE_STATED') => aiFlags.includes(flag);
  const edgeBoundary = edgeBoundaryText(r.sourceData);
  return (
    <>
      <PageHeader
        title={`${r.model ?? 'Record'} · ${phaseLabel(r.phase)}`}
        description={`${r.externalId} · ${formatDateTime(r.startedAt)} → ${formatDateTime(r.endedAt)} (UTC)`}
        actions={
          <Link href={back} className="text-sm text-brand-700 hover:underline">
            ← All records
          </Link>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Calculation</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="flex flex-col gap-2 text-sm" data-testid="record-formulas">
            {formulas.map((f) => (
              <li key={f.label}>
                <span className="font-medium">{f.label}: </span>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">{f.text}</code>
              </li>
            ))}
          </ol>
          <p className="mt-3 text-sm">
            Uncertainty range (location-based): {num(r.uncertaintyLowKgCo2e, 'kg')} –{' '}
            {num(r.uncertaintyHighKgCo2e, 'kg')} CO₂e (documented engineering range, not a statistical
            interval). Basis: {basisLabel(r.basis)}; intensity source:{' '}
            {intensitySourceLabel(r.intensitySource)}; methodology {r.methodologyVersion}; computed{' '}
            {formatDateTime(r.computedAt)} (UTC).
          </p>
        </CardContent>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Inputs</CardTitle>
          </CardHeader>
          <CardContent>
            <Rows
              items={[
                ['Team', r.team?.name],
                ['Project', r.project?.name],
                ['Model', r.model],
                ['Where', placeLabelWithCode({ provider: r.provider, region: r.region })],
                // Hardware inputs do not exist for a hosted AI service or a device estimate: not listed as blanks.
                ...(ai
                  ? []
                  : ([
                      ['Instance type', r.instanceType],
                      ['Instances', num(r.instanceCount)],
                      ['Instance-hours', num(r.instanceHours, 'h')],
                      ['Accelerator', r.accelerator],
                      ['Accelerator count', num(r.acceleratorCount)],
                      ['Accelerator-hours', num(r.acceleratorHours, 'h')],
                      ['Accelerator power', num(r.acceleratorPowerW, 'W')],
                      ['Utilisation', num(r.utilization)],
                    ] satisfies [string, ReactNode][])),
                // An AI record's energy, PUE and WUE come from the AI-services method (or the row's stated site
                // values), not a meter or an override: they are named for what they are (issue #21).
                ...(ai
                  ? ([
                      ['AI service', r.aiService ? aiServiceLabel(r.aiService, aiServiceNames()) : null],
                      ['Model in the method', aiModel.model],
                      ['Method', aiModel.method],
                      ['Input tokens', num(r.inputTokens)],
                      ['Output tokens', num(r.outputTokens)],
                      [
                        stated('AI_PUE_STATED') ? 'PUE (stated on the row)' : 'PUE (provider profile)',
                        num(r.pueOverride),
                      ],
                      ['Intensity stated', num(r.intensityOverrideGCo2ePerKwh, 'gCO₂e/kWh')],
                      [
                        stated('AI_WUE_STATED')
                          ? 'WUE on IT energy (stated on the row)'
                          : 'WUE on IT energy (provider profile)',
                        num(r.wueOverrideLPerKwh, 'L/kWh'),
                      ],
                    ] satisfies [string, ReactNode][])
                  : ([
                      ['Measured energy', num(r.measuredEnergyKwh, 'kWh')],
                      ['Energy per request', num(r.energyPerRequestWh, 'Wh')],
                      ['PUE override', num(r.pueOverride)],
                      ['Intensity override', num(r.intensityOverrideGCo2ePerKwh, 'gCO₂e/kWh')],
                      ['WUE override', num(r.wueOverrideLPerKwh, 'L/kWh')],
                    ] satisfies [string, ReactNode][])),
                ['Requests', num(r.requests)],
                ['Tokens', num(r.tokens)],
                ['Cost', r.cost === null ? null : formatMoney(r.cost, org.currency)],
                ['Notes', r.notes],
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Results</CardTitle>
          </CardHeader>
          <CardContent>
            <Rows
              items={[
                ['Grid zone · country', `${r.gridZone ?? '—'} · ${r.countryCode ?? '—'}`],
                ...(ai ? [] : ([['Device-hours', num(r.deviceHours, 'h')]] satisfies [string, ReactNode][])),
                ['IT energy', num(r.itEnergyKwh, 'kWh')],
                ['PUE applied', num(r.pueApplied)],
                ['Facility energy', num(r.facilityEnergyKwh, 'kWh')],
                ['Grid intensity', num(r.intensityGCo2ePerKwh, 'gCO₂e/kWh')],
                ['Location-based', num(r.locationKgCo2e, 'kg CO₂e')],
                ['Market-based', num(r.marketKgCo2e, 'kg CO₂e')],
                ['Contract-matched energy', num(r.marketMatchedKwh, 'kWh')],
                ['Embodied (amortised)', num(r.embodiedKgCo2e, 'kg CO₂e')],
                ['Water on-site', num(r.waterOnsiteL, 'L')],
                ['Water off-site', num(r.waterOffsiteL, 'L')],
                [
                  'Energy basis',
                  r.isMeasured ? 'measured' : ai ? 'estimated (AI-services method)' : 'estimated',
                ],
                [
                  'Source',
                  r.upload ? (
                    <>
                      {r.upload.fileName}, line {r.uploadLine ?? '—'} (uploaded{' '}
                      {formatDay(r.upload.createdAt)})
                    </>
                  ) : (
                    'API or seed (no upload)'
                  ),
                ],
              ]}
            />
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Factors used</CardTitle>
        </CardHeader>
        <ScrollRegion label="Factors used" className="px-5 py-4">
          <table className="w-full min-w-[720px] text-left text-sm" data-testid="record-factors">
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-500 dark:border-slate-700">
                <th scope="col" className="py-1 pr-4 font-medium">
                  Kind
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Value
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Unit
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Source
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Dataset version
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Basis
                </th>
              </tr>
            </thead>
            <tbody>
              {r.factorRefs.map((f) => (
                <tr key={`${f.kind}-${f.id}`} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {factorKindLabel(f.kind)}
                  </th>
                  <td className="py-1 pr-4 text-right tabular-nums">{formatNumber(f.value)}</td>
                  <td className="py-1 pr-4">{f.unit}</td>
                  <td className="py-1 pr-4">{ai ? aiFactorSource(f, aiFlags, aiModel.method) : f.source}</td>
                  <td className="py-1 pr-4">{f.datasetVersion}</td>
                  <td className="py-1 pr-4">{f.basis ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.marketAllocations.length > 0 ? (
            <ul className="mt-3 flex flex-col gap-1 text-sm" aria-label="Market-based instruments applied">
              {r.marketAllocations.map((a) => (
                <li key={a.contractId}>
                  {instrumentLabel(a.instrumentType)} {a.contractId}: {formatNumber(a.energyKwh)} kWh at{' '}
                  {formatNumber(a.gCo2ePerKwh)} gCO₂e/kWh
                </li>
              ))}
            </ul>
          ) : null}
        </ScrollRegion>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Assumptions and fallbacks</CardTitle>
          </CardHeader>
          <CardContent>
            {r.assumptionFlags.length === 0 && aiFlags.length === 0 && !edgeBoundary ? (
              <p className="text-sm text-slate-500">None: every input was supplied.</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {/* On-device inference (issue #21 item 6): the device boundary and the record's GHG scope. */}
                {edgeBoundary ? <li data-testid="edge-boundary">{edgeBoundary}</li> : null}
                {r.assumptionFlags.map((flag) => (
                  <li key={flag} title={flag}>
                    {ASSUMPTION_FLAGS[flag as keyof typeof ASSUMPTION_FLAGS] ??
                      'An assumption this version does not describe.'}
                  </li>
                ))}
                {/* The AI-services estimate's own flags (issue #21), kept with the record's source data. */}
                {aiFlags.map((flag) => (
                  <li key={flag} title={flag} data-testid="ai-service-flag">
                    {AI_SERVICE_FLAGS[flag]}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Restatement history</CardTitle>
          </CardHeader>
          <CardContent>
            {r.restatements.length === 0 ? (
              <p className="text-sm text-slate-500">Never restated.</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {r.restatements.map((e) => (
                  <li key={e.id}>
                    {formatDay(e.createdAt)} · {e.field}: {e.oldValue ?? '—'} → {e.newValue ?? '—'} (
                    {e.reason})
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
      <WhatIfCard
        ctx={ctx}
        target={{ type: 'record', recordId: r.id }}
        description="Recompute this record under another region, time, hardware or model choice (nothing is stored)."
        defaultPlace={{ provider: 'azure', region: 'swedencentral' }}
      />
    </>
  );
}
