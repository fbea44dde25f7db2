'use client';

import { useEffect, useId, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import type { TScenarioResult } from '@/lib/insights/types';
import { PROVIDERS } from '@/lib/schemas/usage-record';
import { type TWhatIfInput, type TWhatIfKind, ZWhatIfInput } from '@/lib/schemas/what-if';
import { ScenarioProvenance, ScenarioResultTable } from './scenario-result-table';

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
  const [errors, setErrors] = useState<string[]>([]);
  const [result, setResult] = useState<(TScenarioResult & { records: number }) | null>(null);
  const [pending, startTransition] = useTransition();
  // Enabled once hydrated, so a submit never falls back to a native form post that would drop the result.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

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
    const parsed = ZWhatIfInput.safeParse(input);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => i.message));
      return;
    }
    setErrors([]);
    startTransition(async () => {
      const state = await action(parsed.data);
      if (state.ok && state.data) {
        setResult(state.data);
      } else {
        setResult(null);
        setErrors([state.message ?? 'The scenario could not be computed.']);
      }
    });
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
            <div className="flex flex-col gap-1">
              <Label htmlFor={`${id}-region`}>Region code</Label>
              <Input
                id={`${id}-region`}
                list={`${id}-regions`}
                value={region}
                onChange={(e) => setRegion(e.target.value)}
                placeholder="e.g. swedencentral"
              />
              <datalist id={`${id}-regions`}>
                {regionsForProvider.map((r) => (
                  <option key={r} value={r} />
                ))}
              </datalist>
            </div>
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
      {errors.length > 0 ? (
        <Alert tone="error">
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div aria-live="polite">
        {result ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm font-medium">{`${result.title} — ${result.records} record${result.records === 1 ? '' : 's'}`}</p>
            <ScenarioResultTable result={result} />
            <ScenarioProvenance result={result} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
