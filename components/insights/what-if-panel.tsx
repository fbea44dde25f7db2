'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import type { TScenarioResult } from '@/lib/insights/types';
import { PROVIDERS } from '@/lib/schemas/usage-record';
import { type TWhatIfInput, type TWhatIfKind, ZWhatIfInput } from '@/lib/schemas/what-if';
import { ScenarioErrors, ScenarioTitle } from './scenario-errors';
import { RegionField } from './scenario-fields';
import { ScenarioProvenance, ScenarioResultTable } from './scenario-result-table';
import { useScenarioAction } from './use-scenario-action';

export const WHAT_IF_KINDS: { kind: TWhatIfKind; label: string }[] = [
  { kind: 'region', label: 'Another region' },
  { kind: 'time', label: 'Another time (cleanest window)' },
  { kind: 'hardware', label: 'Other hardware' },
  { kind: 'compression', label: 'Quantisation or distillation' },
  { kind: 'reuse', label: 'Fine-tune a pre-trained model instead' },
];

export interface TWhatIfPanelProps {
  target: { type: 'record'; recordId: string } | { type: 'filters'; query: string };
  places: { provider: string; region: string }[];
  accelerators: { id: string; name: string }[];
  defaultPlace?: { provider: string; region: string };
  /** The organisation's currency: a price typed here is in it. */
  currency: string;
  /** What is used when the field is empty (the organisation's price, the USD default, or none). */
  priceHint: string;
  action: (input: TWhatIfInput) => Promise<TActionState<TScenarioResult & { records: number }>>;
}

const selectClass = 'h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm dark:bg-slate-900';

/** Pick a scenario and its parameters; computed on the server; results side by side with their assumptions. */
export function WhatIfPanel({
  target,
  places,
  accelerators,
  defaultPlace,
  currency,
  priceHint,
  action,
}: TWhatIfPanelProps) {
  const id = useId();
  const [kind, setKind] = useState<TWhatIfKind>('region');
  const [provider, setProvider] = useState(defaultPlace?.provider ?? 'azure');
  const [region, setRegion] = useState(defaultPlace?.region ?? '');
  const [withinHours, setWithinHours] = useState('168');
  const [accelerator, setAccelerator] = useState(accelerators[0]?.name ?? '');
  const [technique, setTechnique] = useState('int8');
  const [fineTuneSharePct, setFineTuneSharePct] = useState('1');
  const [price, setPrice] = useState('');
  const { errors, result, pending, ready, run } = useScenarioAction(ZWhatIfInput, action);

  const scenario = () => {
    switch (kind) {
      case 'region':
        return { kind, provider, region };
      case 'time':
        return { kind, withinHours };
      case 'hardware':
        return { kind, accelerator };
      case 'compression':
        return { kind, technique };
      case 'reuse':
        return { kind, fineTuneSharePct: fineTuneSharePct === '' ? undefined : fineTuneSharePct };
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = { target, scenario: scenario(), electricityPricePerKwh: price === '' ? undefined : price };
    run(input);
  };

  const regionsForProvider = places.filter((p) => p.provider === provider).map((p) => p.region);
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-4" data-testid="what-if-panel">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        What if…
      </h2>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" noValidate>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-kind`}>Scenario</Label>
          <select
            id={`${id}-kind`}
            className={selectClass}
            value={kind}
            onChange={(e) => setKind(e.target.value as TWhatIfKind)}
          >
            {WHAT_IF_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        {kind === 'region' ? (
          <>
            <div className="flex flex-col gap-1">
              <Label htmlFor={`${id}-provider`}>Provider</Label>
              <select
                id={`${id}-provider`}
                className={selectClass}
                value={provider}
                onChange={(e) => setProvider(e.target.value)}
              >
                {PROVIDERS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </div>
            <RegionField
              id={`${id}-region`}
              label="Region code"
              value={region}
              onChange={setRegion}
              regions={regionsForProvider}
            />
          </>
        ) : null}
        {kind === 'time' ? (
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-within`}>Finish within (hours from the planned start)</Label>
            <Input
              id={`${id}-within`}
              type="number"
              min={1}
              max={720}
              value={withinHours}
              onChange={(e) => setWithinHours(e.target.value)}
            />
          </div>
        ) : null}
        {kind === 'hardware' ? (
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-accelerator`}>Accelerator</Label>
            <select
              id={`${id}-accelerator`}
              className={selectClass}
              value={accelerator}
              onChange={(e) => setAccelerator(e.target.value)}
            >
              {accelerators.map((a) => (
                <option key={a.id} value={a.name}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {kind === 'compression' ? (
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-technique`}>Technique</Label>
            <select
              id={`${id}-technique`}
              className={selectClass}
              value={technique}
              onChange={(e) => setTechnique(e.target.value)}
            >
              <option value="int8">8-bit quantisation (INT8/FP8)</option>
              <option value="int4">4-bit weight quantisation</option>
              <option value="distillation">Distillation to a smaller model</option>
            </select>
          </div>
        ) : null}
        {kind === 'reuse' ? (
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-share`}>Fine-tune compute (% of pre-training)</Label>
            <Input
              id={`${id}-share`}
              type="number"
              min={0.01}
              max={100}
              step="any"
              value={fineTuneSharePct}
              onChange={(e) => setFineTuneSharePct(e.target.value)}
            />
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-price`}>{`Electricity price per kWh in ${currency} (optional)`}</Label>
          <Input
            id={`${id}-price`}
            type="number"
            min={0}
            step="any"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            placeholder={priceHint}
          />
        </div>
        <div className="flex items-end">
          <Button type="submit" disabled={pending || !ready}>
            {pending ? 'Computing…' : 'Compute scenario'}
          </Button>
        </div>
      </form>
      <ScenarioErrors errors={errors} />
      <div aria-live="polite">
        {result ? (
          <div className="flex flex-col gap-3">
            <ScenarioTitle title={result.title} records={result.records} />
            <ScenarioResultTable result={result} />
            <ScenarioProvenance result={result} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
