import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { hasPermission } from '@/lib/auth/roles';
import { parseModelSizeTarget } from '@/lib/emissions/ai-services/model-alias';
import { describeModelSize } from '@/lib/emissions/ai-services/resolve-model-names';
import { formatDay } from '@/lib/format/date-time';
import { PROVIDER_LABELS } from '@/lib/format/provider-label';
import { describeRecompute } from '@/lib/restatements/describe-recompute';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import {
  findAccelerators,
  findGridFactorOverrides,
  findLocations,
} from '@/lib/server/factors/factor-catalog';
import { findNameAliases } from '@/lib/server/factors/name-aliases';
import { AddOverrideForms } from './_components/add-override-forms';
import { BundledFactorTables } from './_components/bundled-factor-tables';
import { DataTable } from './_components/data-table';
import { DeleteNameAliasButton } from './_components/delete-name-alias-button';
import { DeleteOverrideButton } from './_components/delete-override-button';
import { LlmModelRepositoryTable } from './_components/llm-model-repository-table';
import { NameAliasForm } from './_components/name-alias-form';

/** "13B/47B" → "a model of 13 billion active, 47 billion total parameters"; a model name as it is. */
function modelTargetLabel(target: string): string {
  const size = parseModelSizeTarget(target);
  return size ? describeModelSize(size) : target;
}

export const metadata: Metadata = { title: 'Factors' };

type TSearch = {
  q?: string;
  deleted?: string;
  records?: string;
  changed?: string;
  restated?: string;
  /** Model repository search and page. */
  model?: string;
  modelPage?: string;
};

/** The counts a delete redirected with (see deleteOverrideAction), or null. */
function deletedNotice(params: TSearch): string | null {
  const [records, changedRecords, restatements] = [params.records, params.changed, params.restated].map(
    Number,
  );
  if (
    params.deleted !== '1' ||
    ![records, changedRecords, restatements].every((n) => Number.isInteger(n) && (n ?? -1) >= 0)
  ) {
    return null;
  }
  return `Override deleted. ${describeRecompute({ records: records ?? 0, changedRecords: changedRecords ?? 0, restatements: restatements ?? 0 })}`;
}

export default async function FactorsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const ctx = await requirePageAuth('read');
  const params = await searchParams;
  const query = params.q?.trim().slice(0, 100) || null;
  const notice = deletedNotice(params);
  const canManage = hasPermission(ctx.role, 'manageOrganization');
  const canMapNames = hasPermission(ctx.role, 'writeUsage');
  const [gridOverrides, locations, accelerators, nameAliases] = await Promise.all([
    findGridFactorOverrides(ctx),
    findLocations(ctx, null),
    findAccelerators(ctx),
    findNameAliases(ctx),
  ]);
  const acceleratorNames = new Map(accelerators.map((a) => [a.id, a.name]));
  const overrideRows = [
    ...gridOverrides.map((f) => ({
      key: f.id,
      kind: 'grid',
      label: `${f.zone} ${formatDay(f.periodStart)}`,
      cells: [
        'Grid factor',
        f.zone,
        `${f.gCo2ePerKwh} g CO2e/kWh (${f.basis})`,
        `${formatDay(f.periodStart)} → ${formatDay(f.periodEnd)}`,
        f.source,
      ],
    })),
    ...locations
      .filter((l) => l.isOverride)
      .map((l) => ({
        key: l.id,
        kind: 'location',
        label: `${l.provider}/${l.regionCode}`,
        cells: [
          'Location',
          `${l.provider}/${l.regionCode} → ${l.gridZone}`,
          `PUE ${l.pue ?? '—'}, WUE ${l.wueLPerKwh ?? '—'} L/kWh`,
          '—',
          l.source,
        ],
      })),
    ...accelerators
      .filter((a) => a.isOverride)
      .map((a) => ({
        key: a.id,
        kind: 'accelerator',
        label: a.name,
        cells: ['Accelerator', a.name, `${a.tdpW} W, embodied ${a.embodiedKgCo2e ?? '—'} kg`, '—', a.source],
      })),
  ];
  return (
    <>
      <PageHeader
        title="Factors"
        description="The factor library the engine uses: bundled datasets (with source, licence and basis) and your organisation's overrides, which win over bundled values."
        actions={
          <Button asChild variant="secondary">
            <Link href="/factors/sources">Data sources and licences</Link>
          </Button>
        }
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <search>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-64 flex-col gap-1.5">
            <Label htmlFor="factor-search">Search by grid zone or region</Label>
            <Input
              id="factor-search"
              name="q"
              defaultValue={query ?? ''}
              placeholder="FR, europe-west9, US-CAL-CISO"
            />
          </div>
          <Button type="submit" variant="secondary">
            Search
          </Button>
          {query ? (
            <Link href="/factors" className="text-sm text-brand-700 underline">
              Clear
            </Link>
          ) : null}
        </form>
      </search>
      <BundledFactorTables orgId={ctx.orgId} query={query} accelerators={accelerators} />
      <LlmModelRepositoryTable
        query={params.model?.trim().slice(0, 100) || null}
        page={Number(params.modelPage ?? 1)}
      />
      <DataTable
        title="Organisation overrides"
        description="Overrides win over bundled factors for this organisation only. Adding or deleting one recomputes every record and logs restatements."
        columns={
          canManage
            ? ['Type', 'Applies to', 'Value', 'Validity', 'Source', 'Action']
            : ['Type', 'Applies to', 'Value', 'Validity', 'Source']
        }
        rows={overrideRows.map((r) => ({
          key: r.key,
          cells: canManage
            ? [...r.cells, <DeleteOverrideButton key="delete" kind={r.kind} id={r.key} label={r.label} />]
            : r.cells,
        }))}
        empty="No overrides: every value comes from the bundled datasets."
      />
      {canManage ? (
        <AdminDisclosure label="Add an override" note="Owners and admins only. Every change is audited.">
          <AddOverrideForms />
        </AdminDisclosure>
      ) : null}
      <DataTable
        title="Name mappings"
        description="Names your files use that the catalog does not know, mapped to a catalog accelerator, a region or an AI model (a model of the repository or a size in billions of parameters). They apply to later uploads, the API and CodeCarbon runs; a change does not recompute records already stored."
        columns={
          canMapNames
            ? ['Kind', 'Name in files', 'Maps to', 'Added', 'Action']
            : ['Kind', 'Name in files', 'Maps to', 'Added']
        }
        rows={nameAliases.map((a) => {
          const cells = [
            a.kind === 'accelerator' ? 'Accelerator' : a.kind === 'model' ? 'AI model' : 'Region',
            a.alias,
            a.kind === 'accelerator'
              ? (acceleratorNames.get(a.target) ?? a.target)
              : a.kind === 'model'
                ? modelTargetLabel(a.target)
                : `${a.target}${a.targetProvider ? ` (${PROVIDER_LABELS[a.targetProvider]})` : ''}`,
            formatDay(new Date(a.createdAt)),
          ];
          return {
            key: a.id,
            cells: canMapNames
              ? [...cells, <DeleteNameAliasButton key="delete" id={a.id} alias={a.alias} />]
              : cells,
          };
        })}
        empty="No name mappings yet: map an unknown accelerator or region while reviewing an upload."
      />
      {canMapNames ? (
        <AdminDisclosure label="Add a name mapping">
          <NameAliasForm />
        </AdminDisclosure>
      ) : null}
    </>
  );
}

/**
 * Editing forms folded behind a button-like summary so the page opens on the library (issue #23). A native
 * disclosure: keyboard operable, announced as expandable, works without JavaScript.
 */
function AdminDisclosure({ label, note, children }: { label: string; note?: string; children: ReactNode }) {
  return (
    <details className="group rounded-xl border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <summary className="inline-flex cursor-pointer items-center gap-2 rounded-xl px-5 py-3 text-sm font-medium text-brand-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300 dark:hover:bg-slate-800">
        <span aria-hidden className="transition-transform group-open:rotate-90">
          ▸
        </span>
        {label}
      </summary>
      <div className="flex flex-col gap-2 px-5 pb-5">
        {note ? <p className="text-sm text-slate-500">{note}</p> : null}
        {children}
      </div>
    </details>
  );
}
