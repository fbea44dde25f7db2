'use client';

import { useEffect, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { selectClass } from '@/components/ui/select-class';
import type { DistinctNames, NameResolution } from '@/lib/emissions/name-resolutions';
import { PROVIDER_LABELS } from '@/lib/format/provider-label';
import { formatNumber } from '@/lib/format/quantities';
import { resolveUploadNamesAction, saveNameAliasAction } from '../actions';

export interface TNameTargetOptions {
  accelerators: { id: string; name: string }[];
  /** Region texts the resolver knows (cloud region codes, grid zones), for the region field's suggestions. */
  regions: string[];
  /** Model names of the LLM model repository, for an unknown AI model's searchable list. */
  models: string[];
  /** Instance types of the catalog: billing exports' GPU rows are recognised by them in the preview. */
  instanceTypes: string[];
}

/** What the panel needs to know: still checking, or how many names would make the upload fail. */
export type TReviewState = { kind: 'checking' } | { kind: 'done'; blocking: number } | { kind: 'failed' };

/**
 * "Names in this file": each distinct accelerator and region of the previewed rows with what it resolved to, and
 * for an unknown one a one-step mapping to a catalog entry or region, saved as an organisation alias (F9).
 */
export function NamesReview({
  names,
  options,
  onState,
}: {
  names: DistinctNames;
  options: TNameTargetOptions;
  onState: (state: TReviewState) => void;
}) {
  const [rows, setRows] = useState<NameResolution[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(names);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `names`; `version` re-runs after a save.
  useEffect(() => {
    let cancelled = false;
    onState({ kind: 'checking' });
    resolveUploadNamesAction(names).then((result) => {
      if (cancelled) {
        return;
      }
      if (result.ok && result.data) {
        setRows(result.data);
        setFailure(null);
        onState({ kind: 'done', blocking: result.data.filter((r) => r.blocking).length });
      } else {
        setFailure(result.message ?? 'The names could not be checked.');
        onState({ kind: 'failed' });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [key, version]);

  if (
    names.accelerators.length === 0 &&
    names.regions.length === 0 &&
    !names.instanceTypes?.length &&
    !names.models?.length
  ) {
    return null;
  }
  return (
    <section aria-labelledby="names-review-title" className="flex flex-col gap-2" data-testid="names-review">
      <h3 id="names-review-title" className="text-sm font-semibold">
        Names in this file
      </h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Each accelerator, instance type, region and AI model of the previewed rows and what it resolves to.
        Map an unknown accelerator, region or AI model once; the mapping is saved for your organisation and
        used by every later upload.
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {rows === null && !failure ? <p className="text-sm">Checking names…</p> : null}
      {rows ? (
        <div className="overflow-x-auto rounded border border-slate-200 dark:border-slate-700">
          {/* biome-ignore lint/a11y/noRedundantRoles: display:block (phone layout) drops the implicit table role in Chromium and WebKit */}
          <table role="table" className="block w-full text-left text-sm sm:table">
            <thead className="hidden bg-slate-50 text-slate-600 sm:table-header-group dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th className="px-2 py-1 font-medium">Name</th>
                <th className="px-2 py-1 font-medium">Kind</th>
                <th className="px-2 py-1 font-medium">Rows</th>
                <th className="px-2 py-1 font-medium">Resolves to</th>
                <th className="px-2 py-1 font-medium">Notes</th>
              </tr>
            </thead>
            <tbody className="block sm:table-row-group">
              {rows.map((r, i) => (
                <NameRow
                  // biome-ignore lint/suspicious/noArrayIndexKey: one row per distinct name, in a fixed order; the index keeps a region given with and without its provider apart
                  key={`${i}|${r.kind}|${r.name}`}
                  row={r}
                  options={options}
                  onSaved={() => setVersion((v) => v + 1)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Below the `sm` breakpoint each row is a card: cells stack, each with its column name (phone widths). */
const CELL = 'block px-2 py-0.5 sm:table-cell sm:py-1';
const MOBILE_LABEL = 'text-xs font-medium text-slate-600 sm:hidden dark:text-slate-400';

const KIND_LABELS: Record<NameResolution['kind'], string> = {
  accelerator: 'Accelerator',
  instanceType: 'Instance type',
  region: 'Region',
  model: 'AI model',
};

function Resolution({ row }: { row: NameResolution }) {
  if (!row.resolved) {
    return <span className="font-medium text-red-700 dark:text-red-400">Not recognised</span>;
  }
  if (row.kind === 'accelerator') {
    return (
      <span>
        {row.catalogName} ({formatNumber(row.tdpW ?? 0)} W) <span className="text-xs">· {row.matchedBy}</span>
      </span>
    );
  }
  if (row.kind === 'model') {
    return (
      <span>
        {row.catalogName} <span className="text-xs">· {row.matchedBy}</span>
      </span>
    );
  }
  if (row.kind === 'instanceType') {
    return (
      <span>
        {formatNumber(row.acceleratorsPerInstance ?? 0)} × {row.catalogName}
        {row.tdpW !== null ? ` (${formatNumber(row.tdpW)} W each)` : ''}{' '}
        <span className="text-xs">· {row.matchedBy}</span>
      </span>
    );
  }
  return (
    <span>
      Grid zone {row.gridZone}
      {row.countryCode && row.countryCode !== row.gridZone ? ` (${row.countryCode})` : ''}
      {row.intensity
        ? ` · ${formatNumber(row.intensity.gCo2ePerKwh)} g CO2e/kWh (${row.intensity.year}, ${row.intensity.source})`
        : ''}{' '}
      <span className="text-xs">· {row.matchedBy}</span>
    </span>
  );
}

function NameRow({
  row,
  options,
  onSaved,
}: {
  row: NameResolution;
  options: TNameTargetOptions;
  onSaved: () => void;
}) {
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldId = `map-${row.kind}-${row.name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const kind = row.kind;
  const save = () =>
    startTransition(async () => {
      if (kind === 'instanceType') {
        return;
      }
      const result = await saveNameAliasAction({
        kind,
        alias: row.name,
        target,
        ...(row.provider ? { targetProvider: row.provider } : {}),
      });
      setMessage(result.ok ? null : (result.message ?? 'Not saved.'));
      if (result.ok) {
        onSaved();
      }
    });
  return (
    <tr
      // biome-ignore lint/a11y/noRedundantRoles: display:block (phone layout) drops the implicit row role in Chromium and WebKit
      role="row"
      className={`block border-t border-slate-100 py-1 align-top sm:table-row sm:py-0 dark:border-slate-800 ${row.resolved ? '' : 'bg-red-50 dark:bg-red-950/40'}`}
      data-testid={row.resolved ? 'name-resolved' : 'name-unresolved'}
    >
      <td className={CELL}>
        <span className="font-mono break-all">{row.name}</span>
        {row.provider ? (
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {PROVIDER_LABELS[row.provider]}
          </span>
        ) : null}
      </td>
      <td className={CELL}>
        <span className={MOBILE_LABEL}>Kind: </span>
        {KIND_LABELS[row.kind]}
      </td>
      <td className={`${CELL} tabular-nums`}>
        <span className={MOBILE_LABEL}>Rows: </span>
        {formatNumber(row.rows)}
      </td>
      <td className={CELL}>
        <span className={MOBILE_LABEL}>Resolves to: </span>
        <Resolution row={row} />
        {row.resolved || row.kind === 'instanceType' ? null : (
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <label htmlFor={fieldId} className="sr-only">
              Map {row.name} to
            </label>
            {row.kind === 'model' ? (
              <ModelTarget fieldId={fieldId} models={options.models} onTarget={setTarget} />
            ) : row.kind === 'accelerator' ? (
              <select
                id={fieldId}
                className={selectClass}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              >
                <option value="">Choose a catalog accelerator…</option>
                {options.accelerators.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            ) : (
              <>
                <input
                  id={fieldId}
                  className={selectClass}
                  list={`${fieldId}-list`}
                  placeholder="Region, grid zone or country"
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                />
                <datalist id={`${fieldId}-list`}>
                  {options.regions.map((r) => (
                    <option key={r} value={r} />
                  ))}
                </datalist>
              </>
            )}
            <Button type="button" variant="secondary" onClick={save} disabled={!target || pending}>
              {pending ? 'Saving…' : 'Save mapping'}
            </Button>
          </div>
        )}
        {message ? (
          <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
            {message}
          </p>
        ) : null}
      </td>
      <td className={`${CELL} text-xs`}>
        {row.notes.length || (!row.resolved && !row.blocking) ? (
          <span className={MOBILE_LABEL}>Notes: </span>
        ) : null}
        {!row.resolved && !row.blocking
          ? 'Energy is measured, so the upload works; default embodied values are used until you map it.'
          : row.notes.join(' ')}
      </td>
    </tr>
  );
}

/**
 * An unknown AI model's target: a model of the repository (searchable list) or "a model of N billion parameters"
 * (active and total, for a mixture of experts), written as the alias target `70B` or `13B/47B`.
 */
function ModelTarget({
  fieldId,
  models,
  onTarget,
}: {
  fieldId: string;
  models: string[];
  onTarget: (target: string) => void;
}) {
  const [mode, setMode] = useState<'repository' | 'size'>('repository');
  const [name, setName] = useState('');
  const [activeB, setActiveB] = useState('');
  const [totalB, setTotalB] = useState('');
  const sizeTarget = (active: string, total: string) =>
    active === '' ? '' : total === '' || total === active ? `${active}B` : `${active}B/${total}B`;
  const choose = (next: 'repository' | 'size') => {
    setMode(next);
    onTarget(next === 'repository' ? name : sizeTarget(activeB, totalB));
  };
  return (
    <div className="flex flex-col gap-1">
      <fieldset className="flex flex-wrap gap-3 text-xs">
        <legend className="sr-only">Map to</legend>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name={`${fieldId}-mode`}
            checked={mode === 'repository'}
            onChange={() => choose('repository')}
          />
          A model of the repository
        </label>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name={`${fieldId}-mode`}
            checked={mode === 'size'}
            onChange={() => choose('size')}
          />
          A model of N billion parameters
        </label>
      </fieldset>
      {mode === 'repository' ? (
        <>
          <input
            id={fieldId}
            className={selectClass}
            list={`${fieldId}-list`}
            placeholder="Search the model repository"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              onTarget(e.target.value);
            }}
          />
          <datalist id={`${fieldId}-list`}>
            {models.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <BillionsInput
            id={fieldId}
            label="Active parameters, billions"
            placeholder="Active (B)"
            value={activeB}
            onChange={(value) => {
              setActiveB(value);
              onTarget(sizeTarget(value, totalB));
            }}
          />
          <BillionsInput
            label="Total parameters, billions (mixture of experts; empty when dense)"
            placeholder="Total (B)"
            value={totalB}
            onChange={(value) => {
              setTotalB(value);
              onTarget(sizeTarget(activeB, value));
            }}
          />
        </div>
      )}
    </div>
  );
}

function BillionsInput(props: {
  id?: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <input
      id={props.id}
      className={`${selectClass} w-28`}
      type="number"
      min="0"
      step="any"
      aria-label={props.label}
      placeholder={props.placeholder}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}
